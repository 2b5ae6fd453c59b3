package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.hotline.bots.internal.ComputerSeats;
import org.hotline.exercise.Channel;
import org.hotline.exercise.ExerciseEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * One human team (Washington) and one computer-played team (Moscow, tit-for-tat) play a whole exercise
 * over the wire; the computer answers proposals and submits in time, its moves are marked as
 * computer-played with their reasons, and it never reads Washington's chat or sealed orders.
 */
class ComputerSeatTest extends WireTest {

    @Autowired
    ComputerSeats computerSeats;

    @Test
    void aHumanTeamPlaysAComputerTeamToTheEnd() {
        String facilitatorToken = wire.login();
        JsonNode created = wire.create(facilitatorToken, "AUTOMATIC", Map.of());
        String id = created.get("id").asString();
        JsonNode ana = wire.join(created.get("joinCodes").get("WASHINGTON").asString(), "Ana");
        String path = "/api/exercises/" + id + "/computer-seats";
        assertThat(wire.post(path, Map.of("side", "MOSCOW", "strategy", "tit-for-tat"), ana.get("token").asString()).status()).isEqualTo(403);
        assertThat(wire.post(path, Map.of("side", "WASHINGTON", "strategy", "grit"), facilitatorToken).body().get("message").asString())
                .contains("has players");
        assertThat(wire.post(path, Map.of("side", "MOSCOW", "strategy", "historical"), facilitatorToken).status()).isEqualTo(400);
        Wire.Response assigned = wire.post(path, Map.of("side", "MOSCOW", "strategy", "tit-for-tat"), facilitatorToken);
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
        String computer = assigned.body().get("playerId").asString();

        Wire.Client facilitator = connect(facilitatorToken).subscribeQueues().subscribe("/topic/exercise." + id + ".control");
        Wire.Client w1 = connect(ana.get("token").asString()).subscribeQueues().subscribe("/topic/exercise." + id + ".public")
                .subscribe("/topic/exercise." + id + ".diplomacy").subscribe("/topic/exercise." + id + ".team.WASHINGTON");
        facilitator.sync(id, Long.MAX_VALUE);
        w1.sync(id, Long.MAX_VALUE);
        Seats t = new Seats(id, facilitator);

        int turns = wire.get("/api/exercises/" + id, facilitatorToken).body().get("turns").asInt();
        t.control("START");
        int played = 0;
        for (int turn = 1; turn <= turns; turn++) {
            int thisTurn = turn;
            t.awaitPhase(w1, "BRIEFING", turn);
            t.control("ADVANCE");
            t.awaitPhase(w1, "DELIBERATION", turn);
            t.ok(w1, "chat.team", Map.of("text", "SECRET-W-" + turn + ": we will press on cyber"));
            t.ok(w1, "proposal", Map.of("action", "PROPOSE", "offered", Map.of("iran", "NEGOTIATE"),
                    "requested", Map.of("new-start-successor", "NEGOTIATE"), "text", "talks for talks"));
            w1.awaitEvent(e -> "PROPOSAL_ANSWERED".equals(e.get("type").asString()) && e.get("turn").asInt() == thisTurn);
            t.ok(w1, "draft", Map.of("issueId", "iran", "move", "NEGOTIATE", "argument", "as proposed"));
            t.ok(w1, "draft", Map.of("issueId", "cyber", "move", "PRESS", "argument", "pressure on cyber"));
            t.control("ADVANCE");
            t.awaitPhase(w1, "ORDERS", turn);
            t.ok(w1, "orders.submit", Map.of());
            JsonNode results = w1.awaitEvent(e -> "RESULTS_PUBLISHED".equals(e.get("type").asString()) && e.get("turn").asInt() == thisTurn);
            JsonNode moscow = results.get("payload").get("orders").get("MOSCOW");
            assertThat(moscow.get("cyber").get("move").asString()).as("tit-for-tat mirrors last turn's PRESS on cyber")
                    .isEqualTo(turn == 1 ? "NEGOTIATE" : "PRESS");
            assertThat(moscow.get("cyber").get("argument").asString()).startsWith("[computer-played: tit-for-tat]");
            played = turn;
            if (w1.find("/topic/exercise." + id + ".public", e -> "EXERCISE_ENDED".equals(e.path("type").asString(null))).isPresent()) {
                break;
            }
            if (turn < turns) {
                t.awaitPhase(w1, "RESULTS", turn);
                t.control("ADVANCE");
            }
        }
        assertThat(played).isGreaterThanOrEqualTo(2);

        List<JsonNode> log = wire.log(id, facilitatorToken);
        assertThat(log).anyMatch(e -> "ORDERS_SUBMITTED".equals(e.get("type").asString()) && "MOSCOW".equals(e.get("payload").get("side").asString())
                && e.get("payload").get("name").asString().startsWith("Computer · "));
        assertThat(log).anyMatch(e -> "CHAT_TEAM".equals(e.get("type").asString())
                && e.get("payload").get("text").asString().startsWith("[computer-played: tit-for-tat]"));
        assertThat(log).noneMatch(e -> "ORDERS_DEFAULTED".equals(e.get("type").asString()));

        List<ExerciseEvent> read = computerSeats.readBy(computer);
        assertThat(read).isNotEmpty();
        assertThat(read).allMatch(e -> EnumSet.of(Channel.PUBLIC, Channel.DIPLOMACY, Channel.TEAM_MOSCOW).contains(e.channel()));
        // Washington's team chat never reaches it; Washington's orders only once revealed at Results
        assertThat(read).noneMatch(e -> wire.json.writeValueAsString(e).contains("SECRET-W"));
        assertThat(read).noneMatch(e -> e.type() == org.hotline.exercise.EventType.ORDERS_SUBMITTED && e.channel() != Channel.TEAM_MOSCOW);
        assertThat(read).noneMatch(e -> e.type() == org.hotline.exercise.EventType.DRAFT_CHANGED && e.channel() != Channel.TEAM_MOSCOW);
    }

    /** The facilitator's commands and a player's, answered before the test goes on. */
    private final class Seats {
        final String id;
        final Wire.Client facilitator;

        Seats(String id, Wire.Client facilitator) {
            this.id = id;
            this.facilitator = facilitator;
        }

        void control(String type) {
            ok(facilitator, "control", Map.of("type", type));
        }

        void ok(Wire.Client client, String command, Map<String, ?> body) {
            String commandId = client.send("/app/exercise." + id + "." + command, body);
            org.awaitility.Awaitility.await().atMost(Wire.WAIT).until(() -> client.find("/user/queue/replies",
                    b -> commandId.equals(b.path("commandId").asString(null))).isPresent()
                    || client.find("/user/queue/errors", b -> commandId.equals(b.path("commandId").asString(null))).isPresent());
            client.find("/user/queue/errors", b -> commandId.equals(b.path("commandId").asString(null))).ifPresent(e -> {
                throw new AssertionError("refused: " + e);
            });
        }

        void awaitPhase(Wire.Client client, String phase, int turn) {
            client.awaitEvent(e -> "PHASE_CHANGED".equals(e.path("type").asString(null))
                    && phase.equals(e.get("payload").get("phase").asString()) && e.get("payload").get("turn").asInt() == turn);
        }
    }
}
