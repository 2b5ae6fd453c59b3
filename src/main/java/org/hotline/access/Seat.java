package org.hotline.access;

import org.hotline.scenario.Side;

/** A seat handed out by a join code, with the token that proves it. */
public record Seat(String token, String exerciseId, String playerId, String name, Role role, Side side) {
}
