package org.hotline.engine;

import java.util.List;

/** One turn adjudicated for an analysis run ({@link Adjudicator#simulate}): the state after and each issue's outcome. */
public record SimulatedTurn(int turn, GameState after, List<IssueOutcome> issues) {
}
