package org.hotline.engine;

import java.util.List;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.Move;
import org.hotline.scenario.Side;

/**
 * What happened on one issue: the moves, how each side read the other's move (misperception, M1),
 * status before and after, and the finding ids that decided it.
 */
public record IssueOutcome(
        String issueId,
        Move washingtonMove,
        Move moscowMove,
        Move washingtonMoveAsReadByMoscow,
        Move moscowMoveAsReadByWashington,
        IssueStatus before,
        IssueStatus after,
        List<String> findings) {

    public Move move(Side side) {
        return side == Side.WASHINGTON ? washingtonMove : moscowMove;
    }
}
