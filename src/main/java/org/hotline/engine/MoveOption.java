package org.hotline.engine;

import java.util.List;
import org.hotline.scenario.Move;

/** Whether a team may use a move on an issue now, and if not, why (e.g. a domestic constraint, F4). */
public record MoveOption(String issueId, Move move, boolean allowed, String reason, List<String> findings) {
}
