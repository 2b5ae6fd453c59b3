package org.hotline.bots;

import java.util.Optional;
import org.hotline.engine.Proposal;

/**
 * A way of playing one team, deciding only from what that team may see. Deterministic: the same view
 * (seed included) gives the same decision, so analyses reproduce at any thread count.
 */
public interface Strategy {

    StrategySpec spec();

    /** The team's orders for {@code view.turn()}, never using a withheld move. */
    Decision decide(TeamView view);

    /**
     * Accepts what the team would do anyway (or what the offer pays for, where the strategy allows it),
     * counters with the part it can accept, rejects the rest; the reason says which rule decided.
     */
    ProposalAnswer answer(TeamView view, Proposal proposal);

    /** A linkage offer this team makes this turn, if its strategy makes offers. */
    Optional<Proposal> propose(TeamView view);
}
