package org.hotline.engine;

import java.util.List;

/**
 * The result of adjudicating one turn: the new state and every reason for it. Narrative text is
 * built on demand by {@link Adjudicator#narrate} so that batch runs pay nothing for it.
 */
public record Outcome(
        int turn,
        GameState before,
        GameState after,
        List<IssueOutcome> issues,
        List<Effect> effects,
        List<Roll> rolls,
        Scores scores) {
}
