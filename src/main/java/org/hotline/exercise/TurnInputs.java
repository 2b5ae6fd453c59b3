package org.hotline.exercise;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.engine.Order;
import org.hotline.engine.Orders;
import org.hotline.engine.Proposal;
import org.hotline.engine.TurnInput;
import org.hotline.scenario.Move;
import org.hotline.scenario.Side;

/**
 * The fold of the log to a turn's adjudication input: the sealed (or defaulted) orders, the
 * proposals and their answers, the facilitator's ratings, gathered as events are read in order; a new
 * turn's briefing starts afresh. The exercise folds its own projection with it, and a review, a bot
 * or an analysis folds a log with it, so all build the very input the engine was given.
 */
public final class TurnInputs {

    /** A proposal of this turn with its answer so far (OPEN, ACCEPTED, REJECTED or COUNTERED). */
    public record Proposed(String id, Side from, Map<String, Move> offered, Map<String, Move> requested, String text,
                           String status, int turn) {

        public Proposed withStatus(String newStatus) {
            return new Proposed(id, from, offered, requested, text, newStatus, turn);
        }

        public boolean open() {
            return "OPEN".equals(status);
        }

        public Proposal terms() {
            return new Proposal(id, from, offered, requested);
        }
    }

    private int turn;
    private final Map<Side, Orders> sealed;
    private final Map<String, Proposed> proposals;
    private final Map<Side, Map<String, Integer>> ratings;
    private final List<Side> defaulted = new ArrayList<>();

    /** An empty fold, for reading a log from its start. */
    public TurnInputs() {
        this(0, new EnumMap<>(Side.class), new LinkedHashMap<>(), new EnumMap<>(Side.class));
    }

    private TurnInputs(int turn, Map<Side, Orders> sealed, Map<String, Proposed> proposals, Map<Side, Map<String, Integer>> ratings) {
        this.turn = turn;
        this.sealed = sealed;
        this.proposals = proposals;
        this.ratings = ratings;
    }

    /** A fold that writes into maps held elsewhere (the exercise's projection, which snapshots them). */
    public static TurnInputs over(int turn, Map<Side, Orders> sealed, Map<String, Proposed> proposals,
                                  Map<Side, Map<String, Integer>> ratings) {
        return new TurnInputs(turn, sealed, proposals, ratings);
    }

    /** Takes in one event; true when it opened a new turn (and so cleared the last one's pieces). */
    public boolean read(ExerciseEvent event) {
        EventPayload p = event.payload();
        if (p instanceof EventPayload.PhaseChanged changed && changed.opensTurn(turn)) {
            turn = changed.turn();
            sealed.clear();
            defaulted.clear();
            proposals.clear();
            ratings.clear();
            return true;
        } else if (p instanceof EventPayload.OrdersSubmitted submitted) {
            sealed.put(submitted.side(), submitted.orders());
        } else if (p instanceof EventPayload.OrdersUnsealed withdrawn) {
            sealed.remove(withdrawn.side());
        } else if (p instanceof EventPayload.OrdersDefaulted none) {
            sealed.put(none.side(), new Orders(none.side(), Map.of()));
            defaulted.add(none.side());
        } else if (p instanceof EventPayload.ProposalMade made) {
            proposals.put(made.proposalId(), new Proposed(made.proposalId(), made.from(), made.offered(), made.requested(),
                    made.text(), "OPEN", event.turn()));
        } else if (p instanceof EventPayload.ProposalAnswered answered) {
            proposals.computeIfPresent(answered.proposalId(), (id, proposal) -> proposal.withStatus(answered.answer()));
        } else if (p instanceof EventPayload.ArgumentRated rated) {
            ratings.computeIfAbsent(rated.side(), side -> new LinkedHashMap<>()).put(rated.issueId(), rated.rating());
        }
        return false;
    }

    public int turn() {
        return turn;
    }

    /** The adjudication's input: both sides' orders, accepted proposals in the order they were made, the ratings. */
    public TurnInput input() {
        List<Proposal> accepted = proposals.values().stream().filter(p -> "ACCEPTED".equals(p.status())).map(Proposed::terms).toList();
        return new TurnInput(sealed.get(Side.WASHINGTON), sealed.get(Side.MOSCOW), accepted, ratings());
    }

    public Map<Side, Map<String, Integer>> ratings() {
        Map<Side, Map<String, Integer>> rated = new EnumMap<>(Side.class);
        ratings.forEach((side, byIssue) -> rated.put(side, Map.copyOf(byIssue)));
        return rated;
    }

    /** The sides whose orders were defaulted to HOLD this turn (read from the log; the projection does not keep it). */
    public List<Side> defaulted() {
        return List.copyOf(defaulted);
    }

    public boolean sealed(Side side) {
        return sealed.containsKey(side);
    }

    public Order order(Side side, String issueId) {
        Orders orders = sealed.get(side);
        return orders == null ? Order.hold(issueId) : orders.on(issueId);
    }
}
