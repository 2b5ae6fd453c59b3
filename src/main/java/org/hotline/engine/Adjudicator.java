package org.hotline.engine;

import java.util.List;
import java.util.Map;
import org.hotline.scenario.Inject;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * The adjudication engine: plain Java, no Spring, no I/O, no clock. Inputs in, outcome out.
 * Same scenario, state, input and seed always give the same outcome.
 */
public interface Adjudicator {

    static Adjudicator create() {
        return new org.hotline.engine.internal.RuleEngine();
    }

    GameState initialState(Scenario scenario);

    /** Briefing: release the injects due this turn (scheduled, or whose condition now holds). */
    TurnStart openTurn(Scenario scenario, GameState state, long seed);

    /** A facilitator releases an inject now (a held scenario inject, or one written on the spot). */
    TurnStart release(Scenario scenario, GameState state, Inject inject);

    /** Adjudicate turn {@code state.turn() + 1}. The seed is the exercise's; the engine mixes in the turn. */
    Outcome adjudicate(Scenario scenario, GameState state, TurnInput input, long seed);

    /**
     * Adjudicates as {@link #adjudicate} does, with the same checks, the same draws and the same state
     * after, but keeps no record of effects and rolls and computes no scores: what a batch of analysis
     * runs needs, each of which reads only where the turn left the state and what each side did.
     */
    SimulatedTurn simulate(Scenario scenario, GameState state, TurnInput input, long seed);

    /** Every move on every issue for this team now, allowed or not with the reason. */
    List<MoveOption> options(Scenario scenario, GameState state, Side side);

    /**
     * The moves withheld from this team now, each with its reason: the refused part of {@link #options},
     * which is the same on every issue (a refusal depends on the move, never on the issue).
     */
    Map<Move, String> withheld(Scenario scenario, GameState state, Side side);

    Narrative narrate(Scenario scenario, Outcome outcome);

    /**
     * The scores of any state, not only of one the engine produced: a facilitator's edit or override
     * changes the state, and the scores shown at the end and in the review must be of that state.
     */
    Scores score(Scenario scenario, GameState state);
}
