package org.hotline.engine;

import java.util.Set;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.Side;

/**
 * An issue as it stands: status, balance (50 the status quo), how many turns its core has stayed
 * unresolved, and the sides holding a declared red line on it (M3).
 */
public record IssueState(String id, IssueStatus status, double balance, int turnsUnresolved, Set<Side> redLines) {
}
