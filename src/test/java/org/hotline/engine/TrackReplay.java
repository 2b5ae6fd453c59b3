package org.hotline.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.hotline.scenario.HistoricalTrack;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * Plays a case study's track through the engine under one of three arms over the same seeds and the
 * same injects (docs/design.md section 7): the historical moves and linkage proposals; a null track (both
 * sides HOLD throughout); seeded random non-FORCE moves. A counterfactual rewrites the historical
 * moves turn by turn.
 */
final class TrackReplay {

    enum Arm { HISTORY, NULL, RANDOM }

    /** A rewrite of one side's historical moves in one turn (the counterfactual tracks). */
    interface Rewrite {
        Map<String, Move> moves(Side side, HistoricalTrack.TrackTurn turn, GameState state, Map<String, Move> historical);
    }

    private TrackReplay() {
    }

    static Games.Run play(Scenario scenario, long seed) {
        return play(scenario, seed, Arm.HISTORY);
    }

    static Games.Run play(Scenario scenario, long seed, Arm arm) {
        return switch (arm) {
            case HISTORY -> play(scenario, seed, (side, turn, state, moves) -> moves, true);
            case NULL -> play(scenario, seed, (side, turn, state, moves) -> Map.of(), false);
            case RANDOM -> play(scenario, seed, (side, turn, state, moves) -> {
                Map<String, Move> random = new LinkedHashMap<>();
                scenario.issues().forEach(i -> random.put(i.id(), Games.random(scenario, seed, turn.turn(), side, i.id())));
                return random;
            }, false);
        };
    }

    /** The track with each side's moves rewritten; linkage proposals kept only when asked. */
    static Games.Run play(Scenario scenario, long seed, Rewrite rewrite, boolean proposals) {
        List<HistoricalTrack.TrackTurn> turns = track(scenario).turns();
        return Games.play(scenario, seed, turns.size(), new Games.Script() {
            @Override
            public List<String> releases(int turn) {
                List<String> injects = turns.get(turn - 1).injects();
                return injects == null ? List.of() : injects;
            }

            @Override
            public TurnInput input(int turnNumber, GameState state, Outcome last) {
                HistoricalTrack.TrackTurn turn = turns.get(turnNumber - 1);
                List<Proposal> accepted = new ArrayList<>();
                if (proposals && turn.proposals() != null) {
                    for (HistoricalTrack.TrackProposal p : turn.proposals()) {
                        accepted.add(new Proposal("track-" + turn.turn() + "-" + accepted.size(), p.from(), p.offered(), p.requested()));
                    }
                }
                return new TurnInput(
                        Games.allowed(scenario, state, Side.WASHINGTON, rewrite.moves(Side.WASHINGTON, turn, state, turn.moves(Side.WASHINGTON))),
                        Games.allowed(scenario, state, Side.MOSCOW, rewrite.moves(Side.MOSCOW, turn, state, turn.moves(Side.MOSCOW))),
                        accepted, Map.of());
            }
        });
    }

    /** A rewrite of one side's moves only, move by move. */
    static Rewrite side(Side who, UnaryOperator<Move> change) {
        return (side, turn, state, moves) -> {
            if (side != who) {
                return moves;
            }
            Map<String, Move> changed = new LinkedHashMap<>();
            moves.forEach((issue, move) -> changed.put(issue, change.apply(move)));
            return changed;
        };
    }

    private static HistoricalTrack track(Scenario scenario) {
        return scenario.track().orElseThrow(() -> new IllegalArgumentException(scenario.id() + " has no track"));
    }
}
