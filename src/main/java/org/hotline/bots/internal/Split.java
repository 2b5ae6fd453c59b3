package org.hotline.bots.internal;

import java.util.function.Predicate;
import org.hotline.bots.Decision.Line;
import org.hotline.bots.StrategySpec;
import org.hotline.bots.TeamView;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;

/**
 * One move on the issues a rule singles out, another on the rest: always-hardline (force levels on
 * the core issues, pressure everywhere else) and limited, the reset's approach (talks on the shared
 * interests only, the rest held; an agreement reached there is kept; R2, CS4).
 */
final class Split extends Playbook {

    private final Predicate<Issue> singledOut;
    private final Move singledMove;
    private final Move otherMove;
    private final String singledReason;
    private final String otherReason;
    private final boolean keepsAgreements;

    private Split(StrategySpec spec, Parameters parameters, Scenario scenario, boolean coreIssues, String singledKey,
                  String singledReason, String otherReason) {
        super(spec, parameters, scenario);
        singledOut = coreIssues ? issue -> core(issue.id()) : Issue::sharedInterest;
        singledMove = parameters.move(singledKey);
        otherMove = parameters.move("otherMove");
        this.singledReason = singledReason;
        this.otherReason = otherReason;
        keepsAgreements = !coreIssues;
    }

    static Split alwaysHardline(StrategySpec spec, Parameters parameters, Scenario scenario) {
        return new Split(spec, parameters, scenario, true, "coreMove", "hardline on a core issue: raise the cost of defiance",
                "hardline: pursue the advantage, whatever the rival's interests");
    }

    static Split limited(StrategySpec spec, Parameters parameters, Scenario scenario) {
        return new Split(spec, parameters, scenario, false, "sharedMove", "a shared interest: the low-hanging fruit first (CS4)",
                "left aside: a limited approach deals only with shared interests (R2)");
    }

    @Override
    Line plan(TeamView view, Issue issue, int index) {
        if (!singledOut.test(issue)) {
            return line(issue, otherMove, otherReason);
        }
        return keepsAgreements && view.inForce(issue.id())
                ? line(issue, Move.HOLD, "keeps the shared-interest agreement in force")
                : line(issue, singledMove, singledReason);
    }
}
