package org.hotline.bots;

import org.hotline.engine.Proposal;

/**
 * A strategy's answer to a proposal on the diplomatic channel, with the rule behind it.
 *
 * @param counter for {@link Kind#COUNTER}: the terms it would accept instead; otherwise null
 */
public record ProposalAnswer(Kind kind, Proposal counter, String reason) {

    public enum Kind { ACCEPT, REJECT, COUNTER }

    public static ProposalAnswer accept(String reason) {
        return new ProposalAnswer(Kind.ACCEPT, null, reason);
    }

    public static ProposalAnswer reject(String reason) {
        return new ProposalAnswer(Kind.REJECT, null, reason);
    }
}
