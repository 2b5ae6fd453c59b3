package org.hotline.bots;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.engine.Order;
import org.hotline.engine.Orders;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * A computer-played team's orders for one turn: a move per issue, each with the rule that chose it,
 * and the one-sentence argument the team submits with them.
 */
public record Decision(Side side, String strategyId, String argument, Map<String, Line> lines) {

    /** A move on one issue and why the strategy chose it, in plain words. */
    public record Line(String issueId, Move move, String reason) {
    }

    public Move move(String issueId) {
        Line line = lines.get(issueId);
        return line == null ? Move.HOLD : line.move();
    }

    /** The same decision with one issue's move replaced (an accepted proposal binds it). */
    public Decision with(String issueId, Move move, String reason) {
        Map<String, Line> changed = new LinkedHashMap<>(lines);
        changed.put(issueId, new Line(issueId, move, reason));
        return new Decision(side, strategyId, argument, changed);
    }

    /**
     * The same decision with one issue's move bound by an accepted proposal, its reason in the words a
     * facilitator reads in the orders (who it was agreed with, whose proposal, which turn), not the
     * proposal's internal id.
     */
    public Decision agreed(String issueId, Move move, Scenario scenario, Side proposer, int turn) {
        return with(issueId, move, "as agreed with " + scenario.label(side.other()) + " on " + scenario.label(proposer)
                + "'s proposal of turn " + turn);
    }

    /** The sealed orders the engine adjudicates; each order carries its reason as its argument. */
    public Orders orders() {
        Map<String, Order> byIssue = new LinkedHashMap<>(lines.size() * 2);
        for (Line line : lines.values()) {
            byIssue.put(line.issueId(), new Order(line.issueId(), line.move(), false, line.reason()));
        }
        return new Orders(side, byIssue);
    }
}
