package org.hotline.access;

import java.security.Principal;
import java.util.Set;
import org.hotline.scenario.Side;

/**
 * An authenticated caller: an account (facilitator, analyst) or a seat in one exercise (the seat's
 * role and side are those it joined with; the exercise's roster says where it sits now).
 */
public record Caller(Kind kind, String username, Set<Role> accountRoles,
                     String exerciseId, String playerId, String name, Role role, Side side) implements Principal {

    public enum Kind { ACCOUNT, SEAT }

    public static Caller account(String username, Set<Role> roles) {
        return new Caller(Kind.ACCOUNT, username, Set.copyOf(roles), null, null, username, null, null);
    }

    public static Caller seat(String exerciseId, String playerId, String name, Role role, Side side) {
        return new Caller(Kind.SEAT, null, Set.of(), exerciseId, playerId, name, role, side);
    }

    public boolean facilitator() {
        return kind == Kind.ACCOUNT && accountRoles.contains(Role.FACILITATOR);
    }

    /** Unique per account or seat: user destinations (/user/queue/...) are routed by it. */
    @Override
    public String getName() {
        return kind == Kind.ACCOUNT ? "account:" + username : "seat:" + playerId;
    }
}
