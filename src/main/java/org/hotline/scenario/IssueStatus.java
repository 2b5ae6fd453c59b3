package org.hotline.scenario;

public enum IssueStatus {
    CONTESTED, NEGOTIATING, AGREEMENT, CRISIS, CONFLICT
}
