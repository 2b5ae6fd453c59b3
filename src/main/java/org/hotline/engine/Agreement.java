package org.hotline.engine;

/** An entry of the agreement ledger: terms fixed at a balance, concluded on a turn, in force or lapsed. */
public record Agreement(
        String issueId,
        int concludedTurn,
        double balance,
        boolean institutional,
        boolean inForce,
        int lapsedTurn) {
}
