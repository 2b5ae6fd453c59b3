package org.hotline.exercise.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.engine.GameState;
import org.hotline.engine.Orders;
import org.hotline.engine.Outcome;
import org.hotline.exercise.Channel;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.ExerciseSummary;
import org.hotline.exercise.Member;
import org.hotline.exercise.Mode;
import org.hotline.exercise.Phase;
import org.hotline.exercise.TurnInputs;
import org.hotline.scenario.Side;

/**
 * The projection of one exercise's log: what commands are checked against. It holds no chat or notes
 * (those stay in the log), so memory stays flat however long the exercise runs. Public fields keep
 * the snapshot a plain JSON copy of it.
 */
public class ExerciseState {

    public String id;
    public String scenarioId;
    public String title;
    public String owner;
    public Mode mode;
    public long seed;
    public Map<Phase, Integer> timers = new LinkedHashMap<>();
    public long created;

    public Phase phase = Phase.LOBBY;
    public int turn;
    /** Epoch millis of the running phase's deadline; null when none runs or the clock is paused. */
    public Long deadline;
    public boolean paused;
    public Long remainingMillis;
    public long lastSeq;
    /**
     * The last seq on each channel: a live event names the one before it on its channel (its prev), so
     * that a client seeing some channels only can tell an event it may not see from one it lost.
     */
    public EnumMap<Channel, Long> channelSeqs = new EnumMap<>(Channel.class);

    public Map<String, Member> members = new LinkedHashMap<>();
    public GameState game;
    public Map<Side, Map<String, EventPayload.DraftEntry>> drafts = new LinkedHashMap<>();
    public Map<Side, Orders> sealed = new LinkedHashMap<>();
    public Map<String, TurnInputs.Proposed> proposals = new LinkedHashMap<>();
    public Map<Side, Map<String, Integer>> ratings = new LinkedHashMap<>();
    public Outcome draftOutcome;
    public String endReason;
    /**
     * The last whole public and team views, which the next ones are logged as changes from. Not in
     * the snapshot: after a restart the next views are logged whole.
     */
    ViewFold views = new ViewFold();

    /**
     * Refuses a seat in an exercise that has ended: its players may read the released review, so a
     * late join would open it to anyone holding an old code.
     */
    public void requireJoinable() {
        if (phase == Phase.ENDED) {
            throw new CommandRejected("WRONG_PHASE", "The exercise has ended; nobody can join it any more");
        }
    }

    /** When the running phase's clock runs out, or null when it is untimed or paused. */
    public Long activeDeadline() {
        return phase.timed() && !paused ? deadline : null;
    }

    /** The exercise as lists show it. */
    public ExerciseSummary summary(int turns) {
        return new ExerciseSummary(id, scenarioId, title, owner, mode, phase, turn, turns,
                deadline == null || paused ? null : Instant.ofEpochMilli(deadline), paused,
                remainingMillis == null ? null : remainingMillis / 1000, Map.copyOf(timers), lastSeq, Instant.ofEpochMilli(created));
    }

    /**
     * A working copy for one command: the maps are copied (two levels where the projection writes
     * into inner maps), the values are immutable records and are shared. Far cheaper than a JSON
     * round trip of the whole state, which took a fifth of the server's time per command.
     */
    public ExerciseState copy() {
        ExerciseState c = new ExerciseState();
        c.id = id;
        c.scenarioId = scenarioId;
        c.title = title;
        c.owner = owner;
        c.mode = mode;
        c.seed = seed;
        c.timers = new LinkedHashMap<>(timers);
        c.created = created;
        c.phase = phase;
        c.turn = turn;
        c.deadline = deadline;
        c.paused = paused;
        c.remainingMillis = remainingMillis;
        c.lastSeq = lastSeq;
        c.channelSeqs = new EnumMap<>(channelSeqs);
        c.members = new LinkedHashMap<>(members);
        c.game = game;
        drafts.forEach((side, lines) -> c.drafts.put(side, new LinkedHashMap<>(lines)));
        c.sealed = new LinkedHashMap<>(sealed);
        c.proposals = new LinkedHashMap<>(proposals);
        ratings.forEach((side, bySide) -> c.ratings.put(side, new LinkedHashMap<>(bySide)));
        c.draftOutcome = draftOutcome;
        c.endReason = endReason;
        c.views = views.copy();
        return c;
    }

    /** The fold of this turn's orders, proposals and ratings, written into the fields above. */
    public TurnInputs turnInputs() {
        return TurnInputs.over(turn, sealed, proposals, ratings);
    }
}
