package org.hotline.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.scenario.HistoricalTrack;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * Plays a case study's historical track through the engine: each turn opens (scheduled and triggered
 * injects), the held injects history brought in are released, and the real actors' moves and
 * linkage proposals are adjudicated. The states after each turn are kept for the calibration checks.
 */
final class TrackReplay {

    private static final Adjudicator ENGINE = Adjudicator.create();

    /** The state before turn 1 and after each turn played (fewer if the game ended in conflict). */
    record Run(GameState start, List<GameState> after, List<Outcome> outcomes) {

        GameState end() {
            return after.isEmpty() ? start : after.get(after.size() - 1);
        }

        /** The state after the given turn (1-based), or the end if the game stopped earlier. */
        GameState afterTurn(int turn) {
            return turn <= after.size() ? after.get(turn - 1) : end();
        }
    }

    private TrackReplay() {
    }

    static Run play(Scenario scenario, long seed) {
        HistoricalTrack track = scenario.track().orElseThrow(() -> new IllegalArgumentException(scenario.id() + " has no track"));
        GameState start = ENGINE.initialState(scenario);
        GameState state = start;
        List<GameState> after = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (HistoricalTrack.TrackTurn turn : track.turns()) {
            if (state.conflict()) {
                break;
            }
            state = ENGINE.openTurn(scenario, state, seed).state();
            for (String injectId : turn.injects() == null ? List.<String>of() : turn.injects()) {
                if (!state.firedInjects().contains(injectId)) {
                    state = ENGINE.release(scenario, state, scenario.inject(injectId).orElseThrow()).state();
                }
            }
            List<Proposal> proposals = new ArrayList<>();
            if (turn.proposals() != null) {
                for (HistoricalTrack.TrackProposal p : turn.proposals()) {
                    proposals.add(new Proposal("track-" + turn.turn() + "-" + proposals.size(), p.from(), p.offered(), p.requested()));
                }
            }
            TurnInput input = new TurnInput(orders(Side.WASHINGTON, turn.moves(Side.WASHINGTON)),
                    orders(Side.MOSCOW, turn.moves(Side.MOSCOW)), proposals, Map.of());
            Outcome outcome = ENGINE.adjudicate(scenario, state, input, seed);
            outcomes.add(outcome);
            state = outcome.after();
            after.add(state);
        }
        return new Run(start, after, outcomes);
    }

    private static Orders orders(Side side, Map<String, Move> moves) {
        Map<String, Order> byIssue = new LinkedHashMap<>();
        moves.forEach((issue, move) -> byIssue.put(issue, new Order(issue, move, false, "")));
        return new Orders(side, byIssue);
    }
}
