package org.hotline.bots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.bots.TeamView.RevealedTurn;
import org.hotline.engine.Adjudicator;
import org.hotline.engine.GameState;
import org.hotline.scenario.Issue;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioFiles;
import org.hotline.scenario.Side;

/** Crafted team views for strategy tests: a history of revealed moves, withheld moves, a seed. */
final class Views {

    static final Scenario FUTURE = ScenarioFiles.bundled(ScenarioFiles.DEFAULT_SCENARIO);
    static final GameState START = Adjudicator.create().initialState(FUTURE);

    private Views() {
    }

    /** The bundled strategies file with one text replaced (a parameter changed for a test). */
    static Strategies bundledWith(String from, String to) {
        try {
            String text = Files.readString(Path.of("exercises/strategies.yaml"));
            if (!text.contains(from)) {
                throw new IllegalArgumentException("strategies.yaml has no '" + from + "'");
            }
            return Strategies.read(text.replace(from, to), "test strategies.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TeamView view(Side side, List<RevealedTurn> history, Map<Move, String> withheld, long seed) {
        Map<String, IssueStatus> statuses = new HashMap<>();
        FUTURE.issues().forEach(i -> statuses.put(i.id(), IssueStatus.CONTESTED));
        return new TeamView(side, FUTURE.id(), history.size() + 1, FUTURE.turns(), FUTURE.issues(), 75, statuses, Set.of(),
                START.side(side), history, withheld, Map.of(), seed);
    }

    static TeamView view(Side side, List<RevealedTurn> history) {
        return view(side, history, Map.of(), 1);
    }

    /** {@code turns} turns in which the rival played {@code rivalMove} on every issue and we held. */
    static List<RevealedTurn> rivalPlays(Move rivalMove, int turns) {
        List<RevealedTurn> history = new ArrayList<>();
        for (int t = 1; t <= turns; t++) {
            history.add(turn(t, Map.of(), everywhere(rivalMove)));
        }
        return history;
    }

    static Map<String, Move> everywhere(Move move) {
        Map<String, Move> moves = new HashMap<>();
        for (Issue issue : FUTURE.issues()) {
            moves.put(issue.id(), move);
        }
        return moves;
    }

    static RevealedTurn turn(int turn, Map<String, Move> own, Map<String, Move> rival) {
        return new RevealedTurn(turn, own, rival);
    }
}
