package org.hotline.exercise.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.access.Role;
import org.hotline.engine.GameState;
import org.hotline.engine.Orders;
import org.hotline.engine.Outcome;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.Member;
import org.hotline.exercise.Mode;
import org.hotline.exercise.Phase;
import org.hotline.scenario.Side;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Applies one event to the projection. Replaying the log through it rebuilds the state exactly. */
public class Projector {

    private final JsonMapper json;

    public Projector(JsonMapper json) {
        this.json = json;
    }

    public void apply(ExerciseState s, ExerciseEvent event) {
        JsonNode p = event.payload();
        s.lastSeq = event.seq();
        switch (event.type()) {
            case "EXERCISE_CREATED" -> {
                s.id = event.exerciseId();
                s.scenarioId = p.get("scenarioId").asString();
                s.title = p.get("title").asString();
                s.owner = p.get("owner").asString();
                s.mode = Mode.valueOf(p.get("mode").asString());
                s.seed = p.get("seed").asLong();
                s.timers = json.treeToValue(p.get("timers"), new TypeReference<LinkedHashMap<Phase, Integer>>() { });
                s.created = event.time().toEpochMilli();
            }
            case "PLAYER_JOINED" -> s.members.put(text(p, "playerId"), new Member(text(p, "playerId"), text(p, "name"),
                    Role.valueOf(text(p, "role")), side(text(p, "side")), false));
            case "PLAYER_REMOVED" -> s.members.computeIfPresent(text(p, "playerId"),
                    (id, m) -> new Member(m.playerId(), m.name(), m.role(), m.side(), true));
            case "PLAYER_MOVED" -> s.members.computeIfPresent(text(p, "playerId"),
                    (id, m) -> new Member(m.playerId(), m.name(), m.role(), side(text(p, "side")), m.removed()));
            case "PHASE_CHANGED" -> {
                Phase phase = Phase.valueOf(text(p, "phase"));
                int turn = p.get("turn").asInt();
                if (phase == Phase.BRIEFING && turn != s.turn) {
                    s.drafts.clear();
                    s.sealed.clear();
                    s.ratings.clear();
                    s.proposals.clear();
                    s.draftOutcome = null;
                }
                s.phase = phase;
                s.turn = turn;
                clock(s, p);
            }
            case "CLOCK_CHANGED" -> clock(s, p);
            case "STATE_FULL" -> s.game = json.treeToValue(p.get("state"), GameState.class);
            case "DRAFT_CHANGED" -> s.drafts.put(side(text(p, "side")), json.treeToValue(p.get("draft"),
                    new TypeReference<LinkedHashMap<String, ExerciseState.DraftEntry>>() { }));
            case "ORDERS_SUBMITTED" -> s.sealed.put(side(text(p, "side")), json.treeToValue(p.get("orders"), Orders.class));
            case "ORDERS_DEFAULTED" -> s.sealed.put(side(text(p, "side")), new Orders(side(text(p, "side")), Map.of()));
            case "PROPOSAL_MADE" -> {
                ExerciseState.OpenProposal proposal = new ExerciseState.OpenProposal(text(p, "proposalId"),
                        side(text(p, "from")),
                        json.treeToValue(p.get("offered"), new TypeReference<LinkedHashMap<String, org.hotline.scenario.Move>>() { }),
                        json.treeToValue(p.get("requested"), new TypeReference<LinkedHashMap<String, org.hotline.scenario.Move>>() { }),
                        text(p, "text"), "OPEN", event.turn());
                s.proposals.put(proposal.id(), proposal);
            }
            case "PROPOSAL_ANSWERED" -> s.proposals.computeIfPresent(text(p, "proposalId"),
                    (id, proposal) -> proposal.withStatus(text(p, "answer")));
            case "ARGUMENT_RATED" -> s.ratings.computeIfAbsent(side(text(p, "side")), k -> new LinkedHashMap<>())
                    .put(text(p, "issueId"), p.get("rating").asInt());
            case "ADJUDICATION_DRAFTED" -> s.draftOutcome = json.treeToValue(p.get("outcome"), Outcome.class);
            case "EXERCISE_ENDED" -> s.endReason = text(p, "reason");
            default -> {
                // The other events (chat, notes, public and team views, results) change nothing a
                // command is checked against: they live in the log only.
            }
        }
    }

    private static void clock(ExerciseState s, JsonNode p) {
        JsonNode deadline = p.get("deadline");
        s.deadline = deadline == null || deadline.isNull() ? null : Instant.parse(deadline.asString()).toEpochMilli();
        s.paused = p.path("paused").asBoolean(false);
        JsonNode remaining = p.get("remainingMillis");
        s.remainingMillis = remaining == null || remaining.isNull() ? null : remaining.asLong();
    }

    private static String text(JsonNode p, String field) {
        JsonNode node = p.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static Side side(String name) {
        return name == null ? null : Side.valueOf(name);
    }
}
