package org.hotline.bots.internal;

import org.hotline.bots.Decision.Line;
import org.hotline.bots.StrategySpec;
import org.hotline.bots.TeamView;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;

/** Plays the moves the real actors made, turn by turn, from the scenario's historical track. */
final class Historical extends Playbook {

    Historical(StrategySpec spec, Parameters parameters, Scenario scenario) {
        super(spec, parameters, scenario);
        if (scenario.track().isEmpty()) {
            throw new IllegalArgumentException("Scenario '" + scenario.id() + "' has no historical track, so the '" + spec.id()
                    + "' strategy cannot play it; choose another strategy");
        }
    }

    @Override
    Line plan(TeamView view, Issue issue, int index) {
        Move move = view.trackMoves().get(issue.id());
        return move == null
                ? line(issue, Move.HOLD, "history made no move here this turn")
                : line(issue, move, "the move history made here this turn (historical track)");
    }
}
