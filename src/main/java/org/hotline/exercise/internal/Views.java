package org.hotline.exercise.internal;

import java.util.List;
import org.hotline.engine.Adjudicator;
import org.hotline.engine.Effect;
import org.hotline.engine.GameState;
import org.hotline.engine.MoveOption;
import org.hotline.engine.SideState;
import org.hotline.exercise.Channel;
import org.hotline.exercise.EventPayload;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * The per-role views of a new state (docs/design.md section 4, visibility): the whole of it for the
 * facilitator, the public part for everyone, each side's own variables and withheld moves for its team.
 * Each is logged as the changes from the previous one on its channel: the parts that are equal are
 * left out (the withheld moves and their reasons mostly stay as they were; the facilitator's state
 * changes in a few figures, and the results carry the draft's effects again).
 */
final class Views {

    private final Adjudicator engine;

    Views(Adjudicator engine) {
        this.engine = engine;
    }

    void emit(Batch b, Scenario scenario, GameState state, List<Effect> effects, String reason) {
        b.emitState(Channel.CONTROL, new EventPayload.StateFull(state, effects, reason).since(b.state().views.state(), b.state().views.drafted()),
                state);
        List<EventPayload.PublicIssue> issues = state.issues().values().stream()
                .map(issue -> new EventPayload.PublicIssue(issue.id(), issue.status())).toList();
        b.emit(Channel.PUBLIC, new EventPayload.StatePublic(state.tension(), issues, state.agreements(), state.conflict())
                .since(b.state().views.publicView()));
        for (Side side : Side.values()) {
            // Move by move (issue order kept within a move): a move withheld everywhere for one reason is one entry (WithheldMoves).
            List<MoveOption> withheld = engine.options(scenario, state, side).stream().filter(o -> !o.allowed())
                    .sorted(java.util.Comparator.comparing(MoveOption::move)).toList();
            b.emit(Channel.team(side), new EventPayload.StateSide(side, own(side, state.side(side)), withheld)
                    .since(b.state().views.sideView(side)));
        }
    }

    private static EventPayload.SideView own(Side side, SideState own) {
        boolean stronger = side.stronger();
        return new EventPayload.SideView(own.trust(), own.threatPerception(), own.domesticSupport(), own.champion(),
                stronger ? own.burden() : null, stronger ? own.allianceCohesion() : null,
                stronger ? null : own.perceivedResolve(), stronger ? null : own.strain());
    }
}
