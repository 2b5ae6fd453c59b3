package org.hotline.bots.internal;

import java.util.Comparator;
import java.util.List;
import org.hotline.bots.Decision.Line;
import org.hotline.bots.StrategySpec;
import org.hotline.bots.TeamView;
import org.hotline.bots.TeamView.RevealedTurn;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * GRIT (graduated reciprocation in tension reduction): small announced unilateral steps on non-core
 * issues, kept up for {@code patience} turns without reciprocation, then stopped until the rival
 * reciprocates; reciprocation is matched (and widens the steps by one issue per reciprocating turn);
 * a hardline move is answered in proportion, on that issue only.
 */
final class Grit extends Playbook {

    private final int patience;
    private final int steps;
    private final Move stepMove;
    private final Move cooperate;
    private final Move answer;
    private final boolean widen;
    /** Non-core issues, smallest steps first (least salient to the side taking them). */
    private final List<Issue>[] stepOrder;

    @SuppressWarnings("unchecked")
    Grit(StrategySpec spec, Parameters parameters, Scenario scenario) {
        super(spec, parameters, scenario);
        patience = parameters.count("patience", 0, 100);
        steps = parameters.count("steps", 1, 100);
        stepMove = parameters.move("stepMove");
        cooperate = parameters.move("cooperate");
        answer = parameters.move("answer");
        widen = parameters.flag("widen");
        stepOrder = new List[2];
        for (Side side : Side.values()) {
            stepOrder[side.ordinal()] = scenario.issues().stream().filter(i -> !core(i.id()))
                    .sorted(Comparator.comparingDouble(i -> i.salience().getOrDefault(side, 0.0))).toList();
        }
    }

    @Override
    Line plan(TeamView view, Issue issue, int index) {
        int quiet = unreciprocatedTurns(view);
        if (quiet < patience && !view.inForce(issue.id()) && stepIssues(view).contains(issue)) {
            return line(issue, stepMove, "announced unilateral step on a non-core issue (" + quiet + " of " + patience
                    + " turns without reciprocation so far)");
        }
        RevealedTurn last = view.last();
        Move rival = last == null ? Move.HOLD : last.rival(issue.id());
        if (rival.lessHardline()) {
            return line(issue, cooperate, "matches the rival's " + rival + " here last turn");
        }
        if (rival.hardline()) {
            return line(issue, answer, "answers the rival's " + rival + " here last turn, in proportion and on this issue only");
        }
        return line(issue, Move.HOLD, quiet >= patience
                ? "steps stopped: " + quiet + " turns without reciprocation, more than its patience of " + patience
                : "holds while its steps elsewhere wait for an answer");
    }

    /** Consecutive latest turns in which the rival made no less-hardline move anywhere. */
    static int unreciprocatedTurns(TeamView view) {
        int quiet = 0;
        for (int t = view.history().size() - 1; t >= 0 && !reciprocated(view.history().get(t)); t--) {
            quiet++;
        }
        return quiet;
    }

    private List<Issue> stepIssues(TeamView view) {
        List<Issue> order = stepOrder[view.side().ordinal()];
        int count = steps;
        if (widen) {
            for (RevealedTurn t : view.history()) {
                count += reciprocated(t) ? 1 : 0;
            }
        }
        return order.subList(0, Math.min(count, order.size()));
    }

    private static boolean reciprocated(RevealedTurn turn) {
        for (Move move : turn.rival().values()) {
            if (move.lessHardline()) {
                return true;
            }
        }
        return false;
    }
}
