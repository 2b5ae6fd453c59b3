package org.hotline.bots.internal;

import org.hotline.bots.Decision.Line;
import org.hotline.bots.StrategySpec;
import org.hotline.bots.TeamView;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;

/** Less-hardline on every issue, whatever the rival does. */
final class AlwaysLessHardline extends Playbook {

    private final Move move;

    AlwaysLessHardline(StrategySpec spec, Parameters parameters, Scenario scenario) {
        super(spec, parameters, scenario);
        move = parameters.move("move");
        if (!move.lessHardline()) {
            throw new IllegalArgumentException("strategies.yaml: strategy '" + spec.id() + "' must use a less-hardline move, not " + move);
        }
    }

    @Override
    Line plan(TeamView view, Issue issue, int index) {
        return line(issue, move, "less-hardline on every issue, whatever the rival does");
    }
}
