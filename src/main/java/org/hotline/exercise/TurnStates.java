package org.hotline.exercise;

import java.util.ArrayList;
import java.util.List;
import org.hotline.engine.GameState;

/**
 * The state at each turn, read from a log: the scenario's start (turn 0) and the whole state recorded
 * after each turn's results. With {@link TurnInputs} (what went into a turn) it is what a review, a
 * bot or an analysis needs of a played exercise without re-adjudicating it.
 */
public final class TurnStates {

    /** The state after turn {@code turn}'s results, recorded at event {@code seq}. */
    public record TurnState(int turn, long seq, GameState state) {
    }

    private TurnStates() {
    }

    public static List<TurnState> of(List<ExerciseEvent> log) {
        List<TurnState> turns = new ArrayList<>();
        boolean results = false;
        for (ExerciseEvent e : log) {
            if (e.payload() instanceof EventPayload.ResultsPublished) {
                results = true;
            } else if (e.payload() instanceof EventPayload.StateFull full && (turns.isEmpty() || results)) {
                turns.add(new TurnState(turns.isEmpty() ? 0 : e.turn(), e.seq(), full.state()));
                results = false;
            }
        }
        return List.copyOf(turns);
    }

    /** The state after turn {@code turn}'s results, if the log has played that far. */
    public static java.util.Optional<GameState> after(List<ExerciseEvent> log, int turn) {
        return of(log).stream().filter(t -> t.turn() == turn).map(TurnState::state).findFirst();
    }
}
