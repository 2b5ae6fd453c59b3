package org.hotline.bots;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.engine.Agreement;
import org.hotline.engine.GameState;
import org.hotline.engine.IssueState;
import org.hotline.engine.MoveOption;
import org.hotline.engine.SideState;
import org.hotline.scenario.HistoricalTrack;
import org.hotline.scenario.Issue;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * What one team may see when it decides a turn, and nothing more: the public picture (tension, issue
 * status, agreements in force), its own side's variables, the orders both teams revealed in earlier
 * turns, and the moves withheld from it now. The rival's trust, support, strain and sealed orders are
 * not here, so a strategy cannot use them.
 *
 * @param turn       the turn being decided, 1-based
 * @param history    earlier turns' revealed orders, oldest first
 * @param withheld   moves this team may not use now, with the reason (e.g. domestic constraint, F4)
 * @param trackMoves this side's moves in the scenario's historical track for this turn (empty when none)
 * @param seed       the run's seed for this side and turn (random choices are drawn from it)
 */
public record TeamView(
        Side side,
        String scenarioId,
        int turn,
        int turns,
        List<Issue> issues,
        double tension,
        Map<String, IssueStatus> statuses,
        Set<String> agreementsInForce,
        SideState own,
        List<RevealedTurn> history,
        Map<Move, String> withheld,
        Map<String, Move> trackMoves,
        long seed) {

    /** One earlier turn's orders as both teams saw them at its Results, keyed by issue id. */
    public record RevealedTurn(int turn, Map<String, Move> own, Map<String, Move> rival) {

        public Move rival(String issueId) {
            return rival.getOrDefault(issueId, Move.HOLD);
        }

        public Move own(String issueId) {
            return own.getOrDefault(issueId, Move.HOLD);
        }
    }

    /**
     * The team's view of an engine state between turns (the projection players get: public state and
     * the side's own variables).
     */
    public static TeamView of(Scenario scenario, GameState state, Side side, List<RevealedTurn> history,
            Map<Move, String> withheld, long seed) {
        Map<String, IssueStatus> statuses = new HashMap<>();
        for (IssueState issue : state.issues().values()) {
            statuses.put(issue.id(), issue.status());
        }
        Set<String> inForce = new HashSet<>();
        for (Agreement agreement : state.agreements()) {
            if (agreement.inForce()) {
                inForce.add(agreement.issueId());
            }
        }
        int turn = state.turn() + 1;
        return new TeamView(side, scenario.id(), turn, scenario.turns(), scenario.issues(), state.tension(), statuses, inForce,
                state.side(side), history, withheld, trackMoves(scenario, side, turn), seed);
    }

    /** The withheld moves among a team's options (the same for every issue: domestic constraint, scenario rules). */
    public static Map<Move, String> withheld(List<MoveOption> options) {
        Map<Move, String> withheld = new HashMap<>();
        for (MoveOption option : options) {
            if (!option.allowed()) {
                withheld.putIfAbsent(option.move(), option.reason());
            }
        }
        return withheld;
    }

    private static Map<String, Move> trackMoves(Scenario scenario, Side side, int turn) {
        if (scenario.track().isEmpty()) {
            return Map.of();
        }
        for (HistoricalTrack.TrackTurn t : scenario.track().get().turns()) {
            if (t.turn() == turn) {
                return t.moves(side);
            }
        }
        return Map.of();
    }

    public Side rival() {
        return side.other();
    }

    public boolean allowed(Move move) {
        return !withheld.containsKey(move);
    }

    public boolean inForce(String issueId) {
        return agreementsInForce.contains(issueId);
    }

    /** The last revealed turn, or null before the first Results. */
    public RevealedTurn last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    /** The rival's revealed moves on an issue, oldest first. */
    public List<Move> rivalMoves(String issueId) {
        List<Move> moves = new ArrayList<>(history.size());
        for (RevealedTurn t : history) {
            moves.add(t.rival(issueId));
        }
        return moves;
    }
}
