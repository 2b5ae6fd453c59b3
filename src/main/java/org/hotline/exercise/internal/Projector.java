package org.hotline.exercise.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.engine.GameState;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.EventPayload.ClockChanged;
import org.hotline.exercise.EventPayload.DraftChanged;
import org.hotline.exercise.EventPayload.DraftEntry;
import org.hotline.exercise.EventPayload.ExerciseCreated;
import org.hotline.exercise.EventPayload.PhaseChanged;
import org.hotline.exercise.EventPayload.PlayerJoined;
import org.hotline.exercise.EventPayload.PlayerMoved;
import org.hotline.exercise.EventPayload.PlayerRemoved;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.Member;

/** Applies one event to the projection. Replaying the log through it rebuilds the state exactly. */
public class Projector {

    public void apply(ExerciseState s, ExerciseEvent event) {
        apply(s, event, null);
    }

    /** {@link #apply(ExerciseState, ExerciseEvent)} of a state logged as changes whose result is known ({@code applied}; see ViewFold). */
    void apply(ExerciseState s, ExerciseEvent event, GameState applied) {
        s.lastSeq = event.seq();
        s.channelSeqs.put(event.channel(), event.seq());
        s.views.resume(s.game, s.draftOutcome);
        // The facilitator's state and draft are logged as changes: the projection takes them whole.
        EventPayload p = s.views.read(event, applied).payload();
        if (s.turnInputs().read(event)) {
            s.drafts.clear();
            s.draftOutcome = null;
        }
        if (p instanceof ExerciseCreated c) {
            s.id = event.exerciseId();
            s.scenarioId = c.scenarioId();
            s.title = c.title();
            s.owner = c.owner();
            s.mode = c.mode();
            s.seed = c.seed();
            s.timers = new LinkedHashMap<>(c.timers());
            s.created = event.time().toEpochMilli();
        } else if (p instanceof PlayerJoined j) {
            s.members.put(j.playerId(), new Member(j.playerId(), j.name(), j.role(), j.side(), false));
        } else if (p instanceof PlayerRemoved r) {
            s.members.computeIfPresent(r.playerId(), (id, m) -> new Member(m.playerId(), m.name(), m.role(), m.side(), true));
        } else if (p instanceof PlayerMoved m) {
            s.members.computeIfPresent(m.playerId(), (id, old) -> new Member(old.playerId(), old.name(), old.role(), m.side(),
                    old.removed()));
        } else if (p instanceof PhaseChanged c) {
            s.phase = c.phase();
            s.turn = c.turn();
            s.deadline = c.deadline() == null ? null : c.deadline().toEpochMilli();
            s.paused = c.paused();
            s.remainingMillis = null;
        } else if (p instanceof ClockChanged c) {
            s.deadline = c.deadline() == null ? null : c.deadline().toEpochMilli();
            s.paused = c.paused();
            s.remainingMillis = c.remainingMillis();
        } else if (p instanceof EventPayload.StateFull full) {
            s.game = full.state();
        } else if (p instanceof DraftChanged d) {
            draft(s, d);
        } else if (p instanceof EventPayload.AdjudicationDrafted d) {
            s.draftOutcome = d.outcome();
        } else if (p instanceof EventPayload.ExerciseEnded e) {
            s.endReason = e.reason();
        }
        // The other events (chat, notes, results) change nothing a command is checked against: they live
        // in the log only. The last public and team views are kept (above) for the next ones to be logged
        // as changes from them.
    }

    /** The changed line in its place (a new one last); an event of an older log replaces the whole draft. */
    private static void draft(ExerciseState s, DraftChanged d) {
        if (d.draft() != null) {
            s.drafts.put(d.side(), new LinkedHashMap<>(d.draft()));
            return;
        }
        Map<String, DraftEntry> lines = new LinkedHashMap<>(s.drafts.getOrDefault(d.side(), Map.of()));
        if (d.line() == null) {
            lines.remove(d.change().issueId());
        } else {
            lines.put(d.change().issueId(), d.line());
        }
        s.drafts.put(d.side(), lines);
    }
}
