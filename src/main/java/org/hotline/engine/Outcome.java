package org.hotline.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The result of adjudicating one turn: the new state and every reason for it. Narrative text is
 * built on demand by {@link Adjudicator#narrate} so that batch runs pay nothing for it. A draft event
 * may leave the states out (it gives them as changes from the state the reader has), so they are not
 * written when absent.
 */
public record Outcome(
        int turn,
        @JsonInclude(JsonInclude.Include.NON_NULL) GameState before,
        @JsonInclude(JsonInclude.Include.NON_NULL) GameState after,
        List<IssueOutcome> issues,
        List<Effect> effects,
        List<Roll> rolls,
        Scores scores) {
}
