package org.hotline.bots.internal;

import org.hotline.bots.Decision.Line;
import org.hotline.bots.StrategySpec;
import org.hotline.bots.TeamView;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;

/** Hardline on every issue: force levels on the core issues, pressing for advantage everywhere else. */
final class AlwaysHardline extends Playbook {

    private final Move coreMove;
    private final Move otherMove;

    AlwaysHardline(StrategySpec spec, Parameters parameters, Scenario scenario) {
        super(spec, parameters, scenario);
        coreMove = parameters.move("coreMove");
        otherMove = parameters.move("otherMove");
    }

    @Override
    Line plan(TeamView view, Issue issue, int index) {
        return core(issue.id())
                ? line(issue, coreMove, "hardline on a core issue: raise the cost of defiance")
                : line(issue, otherMove, "hardline: pursue the advantage, whatever the rival's interests");
    }
}
