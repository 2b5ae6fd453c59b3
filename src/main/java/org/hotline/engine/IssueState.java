package org.hotline.engine;

import org.hotline.scenario.IssueStatus;

/** An issue as it stands: status, balance (50 the status quo) and how long its core stays unresolved. */
public record IssueState(String id, IssueStatus status, double balance, int turnsUnresolved) {
}
