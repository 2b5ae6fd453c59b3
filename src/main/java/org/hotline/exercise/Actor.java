package org.hotline.exercise;

import org.hotline.access.Role;
import org.hotline.scenario.Side;

/** Who sends a command: a facilitator account (playerId null) or a seat on the roster. */
public record Actor(String playerId, String name, Role role, Side side) {

    public static Actor facilitator(String username) {
        return new Actor(null, username, Role.FACILITATOR, null);
    }

    public static Actor clock() {
        return new Actor(null, "clock", Role.FACILITATOR, null);
    }

    /**
     * Command ids are the sender's own (seat or account): another sender's command with the same id is
     * a different command, never taken for a resend.
     */
    String receiptKey(String commandId) {
        return (playerId != null ? "seat:" + playerId : "account:" + name) + " " + commandId;
    }
}
