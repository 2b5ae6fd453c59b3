package org.hotline.review.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.engine.Order;
import org.hotline.engine.Orders;
import org.hotline.engine.Proposal;
import org.hotline.engine.TurnInput;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.scenario.Move;
import org.hotline.scenario.Side;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the log has gathered, as it is read in order, for the current turn's adjudication: the sealed
 * (or defaulted) orders, the proposals and their answers, the facilitator's ratings. A new turn's
 * briefing starts afresh, as the exercise itself does.
 */
final class TurnInputs {

    private final JsonMapper json;
    private int turn;
    private final Map<Side, Orders> sealed = new EnumMap<>(Side.class);
    private final List<Side> defaulted = new ArrayList<>();
    private final Map<String, Proposal> proposals = new LinkedHashMap<>();
    private final Map<String, String> answers = new LinkedHashMap<>();
    private final Map<Side, Map<String, Integer>> ratings = new EnumMap<>(Side.class);

    TurnInputs(JsonMapper json) {
        this.json = json;
    }

    /** Takes in one event; true when it opened a new turn. */
    boolean read(ExerciseEvent e) {
        JsonNode p = e.payload();
        switch (e.type()) {
            case "PHASE_CHANGED" -> {
                int next = p.get("turn").asInt();
                if ("BRIEFING".equals(p.get("phase").asString()) && next != turn) {
                    turn = next;
                    sealed.clear();
                    defaulted.clear();
                    proposals.clear();
                    answers.clear();
                    ratings.clear();
                    return true;
                }
            }
            case "ORDERS_SUBMITTED" -> {
                Orders orders = json.treeToValue(p.get("orders"), Orders.class);
                sealed.put(orders.side(), orders);
            }
            case "ORDERS_DEFAULTED" -> {
                Side side = Side.valueOf(p.get("side").asString());
                sealed.put(side, new Orders(side, Map.of()));
                defaulted.add(side);
            }
            case "PROPOSAL_MADE" -> proposals.put(p.get("proposalId").asString(), new Proposal(p.get("proposalId").asString(),
                    Side.valueOf(p.get("from").asString()), moves(p.get("offered")), moves(p.get("requested"))));
            case "PROPOSAL_ANSWERED" -> answers.put(p.get("proposalId").asString(), p.get("answer").asString());
            case "ARGUMENT_RATED" -> ratings.computeIfAbsent(Side.valueOf(p.get("side").asString()), s -> new LinkedHashMap<>())
                    .put(p.get("issueId").asString(), p.get("rating").asInt());
            default -> {
                // Other events do not feed adjudication.
            }
        }
        return false;
    }

    int turn() {
        return turn;
    }

    /** The adjudication's input as the exercise builds it: accepted proposals in the order they were made. */
    TurnInput input() {
        List<Proposal> accepted = proposals.values().stream().filter(x -> "ACCEPTED".equals(answers.get(x.id()))).toList();
        return new TurnInput(sealed.get(Side.WASHINGTON), sealed.get(Side.MOSCOW), accepted, ratings());
    }

    Map<Side, Map<String, Integer>> ratings() {
        Map<Side, Map<String, Integer>> rated = new EnumMap<>(Side.class);
        ratings.forEach((side, byIssue) -> rated.put(side, Map.copyOf(byIssue)));
        return rated;
    }

    List<Side> defaulted() {
        return List.copyOf(defaulted);
    }

    Order order(Side side, String issueId) {
        Orders orders = sealed.get(side);
        return orders == null ? Order.hold(issueId) : orders.on(issueId);
    }

    private Map<String, Move> moves(JsonNode node) {
        return json.treeToValue(node, new TypeReference<LinkedHashMap<String, Move>>() { });
    }
}
