package org.hotline.bots.internal;

import java.util.List;
import org.hotline.bots.Decision.Line;
import org.hotline.bots.StrategySpec;
import org.hotline.bots.TeamView;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;

/** A baseline: a move drawn from the file's list on every issue, among those not withheld, from the run's seed. */
final class RandomPlay extends Playbook {

    private final List<Move> moves;

    RandomPlay(StrategySpec spec, Parameters parameters, Scenario scenario) {
        super(spec, parameters, scenario);
        moves = parameters.moves("moves");
        if (moves.isEmpty()) {
            throw new IllegalArgumentException("strategies.yaml: strategy '" + spec.id() + "' needs at least one move to draw from");
        }
    }

    @Override
    Line plan(TeamView view, Issue issue, int index) {
        List<Move> open = moves.stream().filter(view::allowed).toList();
        if (open.isEmpty()) {
            return line(issue, Move.HOLD, "every move it draws from is withheld");
        }
        Move move = open.get((int) (draw(view, index) * open.size()));
        return line(issue, move, "drawn at random (a baseline)");
    }
}
