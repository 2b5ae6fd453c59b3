package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.exercise.Phase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each role against each destination of docs/protocol.md (allowed or refused as documented), then a
 * played turn in which no payload reaching a player or observer carries what it must not see.
 */
class VisibilityMatrixTest extends WireTest {

    private static final List<String> ROLES = List.of("facilitator", "notetaker", "player W", "player M", "observer");

    @Test
    void everyRoleOnEveryDocumentedDestination() {
        Table t = new Table("REVIEWED", Map.of());
        String otherFacilitator = otherFacilitatorToken();
        Wire.Client stranger = connect(otherFacilitator).subscribeQueues();
        String strangersOwn = wire.create(otherFacilitator, "AUTOMATIC", Map.of()).get("id").asString();
        Map<String, Wire.Client> clients = new LinkedHashMap<>();
        clients.put("facilitator", t.facilitator);
        clients.put("notetaker", t.notetaker);
        clients.put("player W", t.w1);
        clients.put("player M", t.m1);
        clients.put("observer", t.observer);

        List<List<String>> rows = ProtocolDocument.read().table("destinations");
        assertThat(rows).hasSizeGreaterThan(10);
        for (List<String> row : rows) {
            String frame = row.get(0);
            String destination = row.get(1).replace("{id}", t.id);
            for (int i = 0; i < ROLES.size(); i++) {
                boolean allowed = row.get(2 + i).equals("yes");
                Wire.Client client = clients.get(ROLES.get(i));
                assertThat(refused(client, t.id, frame, destination))
                        .as("%s %s by %s", frame, destination, ROLES.get(i)).isEqualTo(!allowed);
            }
            if (!destination.startsWith("/user/")) {
                assertThat(refused(stranger, strangersOwn, frame, destination)).as("%s %s by another facilitator", frame, destination).isTrue();
            }
        }
        // Exercises are isolated: a seat of one cannot reach another, a facilitator lists only their own.
        assertThat(refused(t.w1, t.id, "SUBSCRIBE", "/topic/exercise." + strangersOwn + ".public")).isTrue();
        assertThat(refused(t.observer, t.id, "SEND", "/app/exercise." + strangersOwn + ".sync")).isTrue();
        assertThat(wire.get("/api/exercises", otherFacilitator).body().findValuesAsString("id")).containsExactly(strangersOwn);
        assertThat(wire.get("/api/exercises/" + strangersOwn, t.w1Seat.get("token").asString()).status()).isEqualTo(403);
    }

    @Test
    void noPayloadReachesAPlayerThatItMustNotSee() {
        Table t = new Table("REVIEWED", Map.of());
        List<String> issues = t.issues();
        t.control(Map.of("type", "START"));
        t.control(Map.of("type", "ADVANCE"));
        t.ok(t.w1, "chat.team", Map.of("text", "WSECRETCHAT"));
        t.ok(t.m1, "chat.team", Map.of("text", "MSECRETCHAT"));
        t.ok(t.w1, "chat.diplomacy", Map.of("text", "open channel"));
        t.ok(t.facilitator, "note", Map.of("tag", "NOTE", "text", "FSECRETNOTE"));
        t.ok(t.notetaker, "note", Map.of("tag", "QUOTE", "text", "NSECRETNOTE", "decision", issues.get(0)));
        t.ok(t.w1, "draft", Map.of("issueId", issues.get(0), "move", "PRESS", "argument", "WSECRETARG"));
        t.ok(t.m1, "draft", Map.of("issueId", issues.get(0), "move", "NEGOTIATE", "argument", "MSECRETARG"));
        t.control(Map.of("type", "ADVANCE"));
        t.ok(t.w2, "orders.submit", Map.of());
        t.ok(t.m2, "orders.submit", Map.of());
        t.awaitPhase(t.facilitator, "ADJUDICATION", 1);
        t.control(Map.of("type", "RATE_ARGUMENT", "side", "MOSCOW", "issueId", issues.get(0), "rating", 2));
        t.control(Map.of("type", "APPROVE", "rationale", "FSECRETRATIONALE"));
        for (Wire.Client c : List.of(t.w1, t.w2, t.m1, t.m2, t.observer, t.notetaker)) {
            t.awaitPhase(c, "RESULTS", 1);
        }

        assertSees(t, t.w1, "WASHINGTON", Set.of("PUBLIC", "DIPLOMACY", "TEAM_WASHINGTON"),
                List.of("MSECRETCHAT", "FSECRETNOTE", "NSECRETNOTE", "FSECRETRATIONALE"), "MSECRETARG",
                Set.of("perceivedResolve", "strain", "rolls", "seed", "effects"));
        assertSees(t, t.m2, "MOSCOW", Set.of("PUBLIC", "DIPLOMACY", "TEAM_MOSCOW"),
                List.of("WSECRETCHAT", "FSECRETNOTE", "NSECRETNOTE", "FSECRETRATIONALE"), "WSECRETARG",
                Set.of("burden", "allianceCohesion", "rolls", "seed", "effects"));
        assertSees(t, t.observer, null, Set.of("PUBLIC"),
                List.of("WSECRETCHAT", "MSECRETCHAT", "FSECRETNOTE", "NSECRETNOTE", "open channel", "FSECRETRATIONALE"),
                "WSECRETARG", Set.of("burden", "allianceCohesion", "perceivedResolve", "strain", "domesticSupport", "rolls", "seed"));
        // Staff see the notes; only the facilitator sees the engine's draft, dice and rationale.
        assertThat(t.notetaker.events().toString()).contains("NSECRETNOTE", "FSECRETNOTE").doesNotContain("FSECRETRATIONALE");
        assertThat(t.facilitator.sync(t.id, 0).get("events").toString()).contains("FSECRETRATIONALE", "\"rolls\"", "\"seed\"");
        // The checks above can fail: each side does see its own private state, the facilitator the dice.
        assertThat(t.w1.events().toString()).contains("\"burden\"");
        assertThat(t.m2.events().toString()).contains("\"perceivedResolve\"");
        assertThat(t.facilitator.events().toString()).contains("Roll for");
        documentedEventsOnly(t.facilitator.events());
    }

    /** Everything a client received live, in its catch-up and over REST stays within what its role may see. */
    private void assertSees(Table t, Wire.Client client, String side, Set<String> channels, List<String> never,
                            String argumentOfTheOtherSide, Set<String> forbiddenFields) {
        JsonNode sync = client.sync(t.id, 0);
        String token = client == t.w1 ? t.w1Seat.get("token").asString() : null;
        List<JsonNode> all = new ArrayList<>(client.events());
        sync.get("events").forEach(all::add);
        if (token != null) {
            wire.get("/api/exercises/" + t.id + "/events?after=0", token).body().get("events").forEach(all::add);
        }
        assertThat(all).isNotEmpty();
        for (JsonNode event : all) {
            String text = event.toString();
            assertThat(channels).as("channel of %s", text).contains(event.get("channel").asString());
            for (String secret : never) {
                assertThat(text).doesNotContain(secret);
            }
            // Dice and the sides' private variables never appear, not even in narrative text.
            assertThat(text).doesNotContain("Roll for", "washington.", "moscow.", " read as ");
            if (!event.get("type").asString().equals("RESULTS_PUBLISHED")) {
                assertThat(text).as("the other side's orders before Results").doesNotContain(argumentOfTheOtherSide);
            }
            for (String field : forbiddenFields) {
                assertThat(event.findValues(field)).as("field %s in %s", field, text).isEmpty();
            }
            if (side != null && event.get("payload").has("side") && event.get("channel").asString().startsWith("TEAM_")) {
                assertThat(event.get("payload").get("side").asString()).isEqualTo(side);
            }
        }
    }

    private static void documentedEventsOnly(List<JsonNode> events) {
        Map<String, String> documented = new LinkedHashMap<>();
        for (List<String> row : ProtocolDocument.read().table("events")) {
            documented.put(row.get(0), row.get(1));
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode event : events) {
            String type = event.get("type").asString();
            seen.add(type);
            assertThat(documented).as("event type %s is documented", type).containsKey(type);
            String channel = event.get("channel").asString().toLowerCase().replace("team_", "team.");
            assertThat(documented.get(type).toLowerCase()).as("channel of %s", type)
                    .contains(channel.startsWith("team.") ? "team." : channel);
            assertThat(ProtocolDocument.read().words("phases")).contains(event.get("phase").asString());
        }
        assertThat(seen).contains("PHASE_CHANGED", "RESULTS_PUBLISHED", "ADJUDICATION_DECIDED");
        assertThat(ProtocolDocument.read().words("phases")).containsExactly(
                java.util.Arrays.stream(Phase.values()).map(Enum::name).toArray(String[]::new));
    }

    /** True if the server refuses the frame (FORBIDDEN or an unknown exercise) on the client's error queue. */
    private static boolean refused(Wire.Client client, String ownExercise, String frame, String destination) {
        int errorsBefore = client.count("/user/queue/errors");
        if (frame.equals("SUBSCRIBE")) {
            client.subscribe(destination);
        } else {
            client.send(destination, destination.endsWith(".sync") ? Map.of("after", Long.MAX_VALUE) : Map.of());
        }
        client.sync(ownExercise, Long.MAX_VALUE);
        List<JsonNode> errors = client.bodies("/user/queue/errors");
        return errors.subList(errorsBefore, errors.size()).stream()
                .anyMatch(e -> destination.equals(e.path("destination").asString(null))
                        && List.of("FORBIDDEN", "UNKNOWN_EXERCISE").contains(e.get("code").asString()));
    }

    private String otherFacilitatorToken() {
        String name = "control-" + System.nanoTime();
        Wire.Response created = wire.post("/api/accounts", Map.of("username", name, "password", "another-long-password"), wire.login());
        assertThat(created.status()).isEqualTo(201);
        return wire.post("/api/login", Map.of("username", name, "password", "another-long-password"), null).body().get("token").asString();
    }
}
