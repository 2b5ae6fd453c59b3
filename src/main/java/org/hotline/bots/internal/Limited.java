package org.hotline.bots.internal;

import org.hotline.bots.Decision.Line;
import org.hotline.bots.StrategySpec;
import org.hotline.bots.TeamView;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;

/** The reset's approach: shared interests only; the core issues and the rest are left aside (R2, CS4). */
final class Limited extends Playbook {

    private final Move sharedMove;
    private final Move otherMove;

    Limited(StrategySpec spec, Parameters parameters, Scenario scenario) {
        super(spec, parameters, scenario);
        sharedMove = parameters.move("sharedMove");
        otherMove = parameters.move("otherMove");
    }

    @Override
    Line plan(TeamView view, Issue issue, int index) {
        if (!issue.sharedInterest()) {
            return line(issue, otherMove, "left aside: a limited approach deals only with shared interests (R2)");
        }
        return view.inForce(issue.id())
                ? line(issue, Move.HOLD, "keeps the shared-interest agreement in force")
                : line(issue, sharedMove, "a shared interest: the low-hanging fruit first (CS4)");
    }
}
