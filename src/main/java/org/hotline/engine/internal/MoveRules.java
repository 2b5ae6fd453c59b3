package org.hotline.engine.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hotline.engine.GameState;
import org.hotline.engine.MoveOption;
import org.hotline.engine.Order;
import org.hotline.engine.Orders;
import org.hotline.engine.Proposal;
import org.hotline.engine.TurnInput;
import org.hotline.scenario.Move;
import org.hotline.scenario.Side;

/** Which moves a team may use now and why not; and the check of a turn's input against them. */
final class MoveRules {

    private static final List<String> NONE = List.of();
    private static final List<String> ESCALATION = List.of("B3");
    private static final List<String> CONSTITUENCY = List.of("F4", "CS3");

    private MoveRules() {
    }

    private static final Move[] MOVES = Move.values();

    /**
     * A refusal depends on the move, never on the issue: each is decided once per call, and when
     * nothing is refused (most turns) the scenario's list of every option allowed is returned as is.
     */
    static List<MoveOption> options(ScenarioIndex index, GameState state, Side side) {
        Refusal[] refusals = new Refusal[MOVES.length];
        boolean anyRefused = false;
        for (int m = 0; m < MOVES.length; m++) {
            refusals[m] = refusal(index, state, side, MOVES[m]);
            anyRefused |= refusals[m] != null;
        }
        if (!anyRefused) {
            return index.allAllowed;
        }
        List<MoveOption> options = new ArrayList<>(index.issueCount * MOVES.length);
        for (int i = 0; i < index.issueCount; i++) {
            for (int m = 0; m < MOVES.length; m++) {
                Refusal refusal = refusals[m];
                options.add(refusal == null
                        ? new MoveOption(index.ids[i], MOVES[m], true, "", NONE)
                        : new MoveOption(index.ids[i], MOVES[m], false, refusal.reason, refusal.findings));
            }
        }
        return options;
    }

    /** The refused moves and their reasons (the same on every issue); empty on most turns. */
    static Map<Move, String> withheld(ScenarioIndex index, GameState state, Side side) {
        Map<Move, String> withheld = null;
        for (Move move : MOVES) {
            Refusal refusal = refusal(index, state, side, move);
            if (refusal != null) {
                if (withheld == null) {
                    withheld = new EnumMap<>(Move.class);
                }
                withheld.put(move, refusal.reason);
            }
        }
        return withheld == null ? Map.of() : withheld;
    }

    /** Every option of a scenario allowed: what {@link #options} answers when nothing is refused. */
    static List<MoveOption> allAllowed(String[] issueIds) {
        List<MoveOption> options = new ArrayList<>(issueIds.length * MOVES.length);
        for (String id : issueIds) {
            for (Move move : MOVES) {
                options.add(new MoveOption(id, move, true, "", NONE));
            }
        }
        return List.copyOf(options);
    }

    private record Refusal(String reason, List<String> findings) {
    }

    private static Refusal refusal(ScenarioIndex index, GameState state, Side side, Move move) {
        if (state.conflict()) {
            return new Refusal("The exercise has ended in conflict; no further moves", ESCALATION);
        }
        if (state.turn() >= index.scenario.turns()) {
            return new Refusal("All " + index.scenario.turns() + " turns have been played", NONE);
        }
        if (move != Move.HOLD && !index.scenario.allowedMoves().contains(move)) {
            return new Refusal("Scenario " + index.scenario.id() + " does not allow " + move, NONE);
        }
        if (move.yields()) {
            double support = state.side(side).domesticSupport();
            double threshold = index.rules.constraintThreshold;
            if (support < threshold) {
                return new Refusal("Domestic support of " + index.scenario.label(side) + " is " + Values.figure(support)
                        + ", below " + Values.figure(threshold) + ": its domestic politics withhold " + move, CONSTITUENCY);
            }
        }
        return null;
    }


    /** Refuses, with a message naming what is wrong, any input the options would not allow. */
    static void check(ScenarioIndex index, GameState state, TurnInput input) {
        if (input == null || input.washington() == null || input.moscow() == null) {
            throw new IllegalArgumentException("A turn needs orders from both teams (an empty Orders means HOLD everywhere)");
        }
        if (state.conflict()) {
            throw new IllegalStateException("The exercise has ended in conflict; no turn can be adjudicated");
        }
        if (state.turn() >= index.scenario.turns()) {
            throw new IllegalStateException("All " + index.scenario.turns() + " turns of " + index.scenario.id() + " have been played");
        }
        for (Side side : Side.values()) {
            Orders orders = input.of(side);
            if (orders.side() != side) {
                throw new IllegalArgumentException("Orders for " + side + " are marked as " + orders.side() + "'s");
            }
            if (orders.byIssue() == null) {
                throw new IllegalArgumentException(side + "'s orders have no map of issues");
            }
            int moving = 0;
            for (Map.Entry<String, Order> entry : orders.byIssue().entrySet()) {
                Order order = entry.getValue();
                if (order == null || order.move() == null) {
                    throw new IllegalArgumentException(where(side, entry.getKey()) + " has no move");
                }
                if (!entry.getKey().equals(order.issueId())) {
                    throw new IllegalArgumentException(where(side, entry.getKey()) + " names issue '" + order.issueId() + "'");
                }
                if (index.indexOf(order.issueId()) < 0) {
                    index.require(order.issueId(), where(side, entry.getKey()));
                }
                Refusal refusal = refusal(index, state, side, order.move());
                if (refusal != null) {
                    throw new IllegalArgumentException(where(side, entry.getKey()) + ": " + order.move() + " is not allowed: "
                            + refusal.reason);
                }
                moving += order.move() != Move.HOLD || order.redLine() ? 1 : 0;
            }
            int limit = index.scenario.issuesPerTurn();
            if (limit > 0 && moving > limit) {
                throw new IllegalArgumentException(side + " moves on " + moving + " issues; scenario " + index.scenario.id()
                        + " allows " + limit + " per turn");
            }
        }
        if (input.argumentRatings() != null) {
            input.argumentRatings().forEach((side, ratings) -> ratings.forEach((issueId, rating) -> {
                index.require(issueId, "Argument rating for " + side);
                if (rating == null || rating < -2 || rating > 2) {
                    throw new IllegalArgumentException("Argument rating for " + side + " on '" + issueId + "' is " + rating
                            + "; ratings run from -2 to +2");
                }
            }));
        }
        if (input.accepted() != null) {
            for (Proposal proposal : input.accepted()) {
                if (proposal.from() == null || proposal.offered() == null || proposal.requested() == null) {
                    throw new IllegalArgumentException("Proposal " + proposal.id() + " needs a proposer, offered and requested moves");
                }
                proposal.offered().forEach((issueId, move) -> checkTerm(index, proposal, issueId, move));
                proposal.requested().forEach((issueId, move) -> checkTerm(index, proposal, issueId, move));
            }
        }
    }

    /** Built only for a refusal's message: the hot path builds no strings. */
    private static String where(Side side, String issueId) {
        return side + "'s order on '" + issueId + "'";
    }

    private static void checkTerm(ScenarioIndex index, Proposal proposal, String issueId, Move move) {
        index.require(issueId, "Proposal " + proposal.id());
        if (move == null) {
            throw new IllegalArgumentException("Proposal " + proposal.id() + " names no move on '" + issueId + "'");
        }
    }
}
