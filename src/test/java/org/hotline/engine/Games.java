package org.hotline.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * Whole games played through the engine by scripted teams: each turn opens (scheduled and triggered
 * injects fire), the injects the script releases are released, both teams' orders are adjudicated.
 */
final class Games {

    static final Adjudicator ENGINE = Adjudicator.create();

    /** The state before turn 1 and after each turn played (fewer if the game ended in conflict). */
    record Run(GameState start, List<GameState> after, List<Outcome> outcomes) {

        GameState end() {
            return after.isEmpty() ? start : after.get(after.size() - 1);
        }

        /** The state after the given turn (1-based), or the end if the game stopped earlier. */
        GameState afterTurn(int turn) {
            return turn <= after.size() ? after.get(turn - 1) : end();
        }

        /** Agreement rolls won over agreement rolls made. */
        int[] agreementRolls() {
            int[] madeAndWon = new int[2];
            outcomes.forEach(o -> o.rolls().stream().filter(r -> r.purpose() == RollKind.AGREEMENT).forEach(r -> {
                madeAndWon[0]++;
                madeAndWon[1] += r.success() ? 1 : 0;
            }));
            return madeAndWon;
        }
    }

    /** What the teams do in one turn: the injects released, then the turn's input. */
    interface Script {
        default List<String> releases(int turn) {
            return List.of();
        }

        TurnInput input(int turn, GameState state, Outcome last);
    }

    /** A team's move on one issue given the state and the last turn's outcome on it (null on turn 1). */
    interface Policy {
        Move move(Issue issue, GameState state, IssueOutcome last);
    }

    private Games() {
    }

    /** A game whose script also releases the given injects at the given turns (index 0 = turn 1). */
    static Run play(Scenario scenario, long seed, int turns, Script script, List<String> releasedAtTurnOne) {
        return play(scenario, seed, turns, new Script() {
            @Override
            public List<String> releases(int turn) {
                return turn == 1 ? releasedAtTurnOne : List.of();
            }

            @Override
            public TurnInput input(int turn, GameState state, Outcome last) {
                return script.input(turn, state, last);
            }
        });
    }

    static Run play(Scenario scenario, long seed, int turns, Script script) {
        GameState start = ENGINE.initialState(scenario);
        GameState state = start;
        List<GameState> after = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        Outcome last = null;
        for (int turn = 1; turn <= turns && !state.conflict(); turn++) {
            state = ENGINE.openTurn(scenario, state, seed).state();
            for (String injectId : script.releases(turn)) {
                if (!state.firedInjects().contains(injectId)) {
                    state = ENGINE.release(scenario, state, scenario.inject(injectId).orElseThrow()).state();
                }
            }
            last = ENGINE.adjudicate(scenario, state, script.input(turn, state, last), seed);
            outcomes.add(last);
            state = last.after();
            after.add(state);
        }
        return new Run(start, after, outcomes);
    }

    /** Both teams by policy, issue by issue, over the whole scenario. */
    static Run play(Scenario scenario, long seed, Policy washington, Policy moscow) {
        return play(scenario, seed, scenario.turns(), (turn, state, last) -> new TurnInput(
                orders(scenario, Side.WASHINGTON, washington, state, last), orders(scenario, Side.MOSCOW, moscow, state, last),
                List.of(), Map.of()));
    }

    private static Orders orders(Scenario scenario, Side side, Policy policy, GameState state, Outcome last) {
        Map<String, Move> moves = new LinkedHashMap<>();
        for (Issue issue : scenario.issues()) {
            IssueOutcome previous = last == null ? null
                    : last.issues().stream().filter(i -> i.issueId().equals(issue.id())).findFirst().orElseThrow();
            moves.put(issue.id(), policy.move(issue, state, previous));
        }
        return allowed(scenario, state, side, moves);
    }

    /** The moves as orders, any the team's domestic politics withhold now played as HOLD (as a team must). */
    static Orders allowed(Scenario scenario, GameState state, Side side, Map<String, Move> moves) {
        List<MoveOption> options = ENGINE.options(scenario, state, side);
        Map<String, Order> byIssue = new LinkedHashMap<>();
        moves.forEach((issue, move) -> {
            boolean ok = options.stream().anyMatch(o -> o.issueId().equals(issue) && o.move() == move && o.allowed());
            byIssue.put(issue, new Order(issue, ok ? move : Move.HOLD, false, ""));
        });
        return new Orders(side, byIssue);
    }

    /** One move everywhere. */
    static Policy always(Move move) {
        return (issue, state, last) -> move;
    }

    /** Like for like, issue by issue, opening with talks on the shared-interest issues. */
    static Policy reciprocating(Side answering) {
        return (issue, state, last) -> {
            if (last == null) {
                return issue.sharedInterest() ? Move.NEGOTIATE : Move.HOLD;
            }
            Move theirs = last.move(answering.other());
            return theirs.lessHardline() ? Move.NEGOTIATE : theirs.hardline() ? Move.PRESS : Move.HOLD;
        };
    }

    /** A seeded random non-FORCE move among the scenario's allowed moves, per turn, side and issue. */
    static Move random(Scenario scenario, long seed, int turn, Side side, String issueId) {
        List<Move> moves = scenario.allowedMoves().stream().filter(m -> m != Move.FORCE).sorted().toList();
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + turn * 7919L + side.ordinal() * 104_729L + issueId.hashCode());
        return moves.get(random.nextInt(moves.size()));
    }
}
