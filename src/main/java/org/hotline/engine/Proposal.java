package org.hotline.engine;

import java.util.Map;
import org.hotline.scenario.Move;
import org.hotline.scenario.Side;

/**
 * A linkage offer made on the diplomatic channel and accepted: the proposer offers moves on some
 * issues in return for the other side's moves on others (as in the 1945 border-for-reparations trade).
 */
public record Proposal(String id, Side from, Map<String, Move> offered, Map<String, Move> requested) {
}
