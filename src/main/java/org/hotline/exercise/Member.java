package org.hotline.exercise;

import org.hotline.access.Role;
import org.hotline.scenario.Side;

/** A seat on the exercise's roster as it stands now (a player may have been moved or removed). */
public record Member(String playerId, String name, Role role, Side side, boolean removed) {
}
