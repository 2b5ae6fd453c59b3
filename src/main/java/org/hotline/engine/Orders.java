package org.hotline.engine;

import java.util.Map;
import org.hotline.scenario.Side;

/** One team's sealed orders for a turn, keyed by issue id. Issues left out are played as HOLD. */
public record Orders(Side side, Map<String, Order> byIssue) {

    public Order on(String issueId) {
        Order order = byIssue.get(issueId);
        return order != null ? order : Order.hold(issueId);
    }
}
