package org.hotline.engine;

import org.hotline.scenario.Move;

/**
 * A team's move on one issue, with its matrix-game argument and an optional declared red line (M3).
 */
public record Order(String issueId, Move move, boolean redLine, String argument) {

    public static Order hold(String issueId) {
        return new Order(issueId, Move.HOLD, false, "");
    }
}
