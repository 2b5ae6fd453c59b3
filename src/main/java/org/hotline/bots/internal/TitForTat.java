package org.hotline.bots.internal;

import org.hotline.bots.Decision.Line;
import org.hotline.bots.StrategySpec;
import org.hotline.bots.TeamView;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;

/**
 * Tit-for-tat issue by issue: opens with talks, then answers the rival's last revealed move on each
 * issue in kind; forgives a hardline move with the file's chance (generous tit-for-tat).
 */
final class TitForTat extends Playbook {

    private final Move opening;
    private final Move cooperate;
    private final Move retaliate;
    private final double forgiveness;

    TitForTat(StrategySpec spec, Parameters parameters, Scenario scenario) {
        super(spec, parameters, scenario);
        opening = parameters.move("opening");
        cooperate = parameters.move("cooperate");
        retaliate = parameters.move("retaliate");
        forgiveness = parameters.share("forgiveness");
    }

    @Override
    Line plan(TeamView view, Issue issue, int index) {
        if (view.last() == null) {
            return line(issue, opening, "tit-for-tat opens with talks on every issue");
        }
        Move rival = view.last().rival(issue.id());
        if (rival.hardline()) {
            return draw(view, index) < forgiveness
                    ? line(issue, cooperate, "forgives the rival's " + rival + " here last turn (generous tit-for-tat)")
                    : line(issue, retaliate, "answers the rival's " + rival + " here last turn in kind");
        }
        if (rival.lessHardline()) {
            return line(issue, cooperate, "returns the rival's " + rival + " here last turn");
        }
        return line(issue, Move.HOLD, "the rival held here last turn, so it holds too");
    }
}
