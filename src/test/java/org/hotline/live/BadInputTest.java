package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;

/** Every bad input of docs/protocol.md section 6 gets its error on the sender's queue; session and exercise go on. */
class BadInputTest extends WireTest {

    private final Set<String> provoked = new HashSet<>();

    @Test
    void everyBadInputIsAnsweredAndPlayGoesOn() {
        Table t = new Table("AUTOMATIC", Map.of());
        String issue = t.issues().get(0);

        t.w1.sendRaw(t.app("chat.team"), "{\"commandId\": \"c1\", \"text\": ");
        expect(t.w1.awaitOne("/user/queue/errors", e -> e.get("code").asString().equals("BAD_JSON")), "BAD_JSON");
        expect(t.refused(t.w1, "draft", Map.of("issueId", Map.of("nested", 1))), "INVALID");
        t.w1.sendRaw("/app/nowhere", "{}");
        expect(t.w1.awaitOne("/user/queue/errors", e -> "/app/nowhere".equals(e.path("destination").asString(null))), "BAD_FRAME");
        expect(t.w1.error(t.w1.send("/app/exercise.nosuchexercise.chat.team", Map.of("text", "hello"))), "UNKNOWN_EXERCISE");
        t.m1.subscribe(t.topic("team.WASHINGTON"));
        expect(t.m1.awaitOne("/user/queue/errors", e -> t.topic("team.WASHINGTON").equals(e.path("destination").asString(null))), "FORBIDDEN");
        expect(t.refused(t.w1, "control", Map.of("type", "END")), "FORBIDDEN");

        t.control(Map.of("type", "START"));
        t.control(Map.of("type", "ADVANCE"));
        expect(t.refused(t.w1, "orders.submit", Map.of()), "WRONG_PHASE");
        expect(t.refused(t.w1, "draft", Map.of("issueId", "atlantis", "move", "NEGOTIATE")), "UNKNOWN_ISSUE");
        expect(t.refused(t.w1, "draft", Map.of("issueId", issue, "move", "NUKE")), "UNKNOWN_MOVE");
        expect(t.refused(t.w1, "chat.team", Map.of("text", " ")), "INVALID");
        expect(t.refused(t.w1, "chat.team", Map.of("text", "x".repeat(2001))), "TOO_LARGE");
        expect(t.refused(t.w1, "chat.team", Map.of("text", "x".repeat(20_000))), "TOO_LARGE");
        expect(t.refused(t.m1, "proposal", Map.of("action", "ACCEPT", "proposalId", "P999")), "UNKNOWN_PROPOSAL");
        t.ok(t.w1, "proposal", Map.of("action", "PROPOSE", "offered", Map.of(issue, "NEGOTIATE"), "requested", Map.of()));
        JsonNode proposal = t.w2.awaitEvent(e -> e.get("type").asString().equals("PROPOSAL_MADE"));
        expect(t.refused(t.w2, "proposal", Map.of("action", "ACCEPT", "proposalId", proposal.get("payload").get("proposalId").asString())),
                "WRONG_TEAM");
        expect(t.refused(t.facilitator, "control", Map.of("type", "REMOVE_PLAYER", "playerId", "p-nobody")), "UNKNOWN_PLAYER");
        expect(t.refused(t.facilitator, "control", Map.of("type", "RELEASE_INJECT", "injectId", "no-such-inject")), "UNKNOWN_INJECT");

        // Domestic politics bind Washington's hands (mechanism 6): the engine withholds CONCEDE.
        t.control(Map.of("type", "RELEASE_INJECT", "inject", Map.of("title", "Backlash", "text", "Congress revolts",
                "audience", "WASHINGTON", "changes", List.of(Map.of("variable", "washington.domesticSupport", "delta", -100)))));
        // A team's view carries its withheld moves only when they changed (absent otherwise).
        JsonNode withheld = t.w1.awaitEvent(e -> e.get("type").asString().equals("STATE_SIDE")
                && !e.get("payload").path("withheld").isEmpty());
        assertThat(withheld.get("payload").get("withheld").findValuesAsString("move")).contains("CONCEDE");
        expect(t.refused(t.w1, "draft", Map.of("issueId", issue, "move", "CONCEDE")), "MOVE_WITHHELD");
        // Nor may the team offer it to Moscow in a proposal.
        expect(t.refused(t.w1, "proposal", Map.of("action", "PROPOSE", "offered", Map.of(issue, "CONCEDE"), "requested", Map.of())),
                "MOVE_WITHHELD");

        t.control(Map.of("type", "ADVANCE"));
        expect(t.refused(t.w1, "orders.unseal", Map.of()), "NOT_SEALED");
        t.ok(t.w1, "orders.submit", Map.of());
        expect(t.refused(t.w2, "orders.submit", Map.of()), "SEALED");

        for (int i = 0; i < 5; i++) {
            t.ok(t.m2, "chat.team", Map.of("text", "flood " + i));
        }
        expect(t.refused(t.m2, "chat.team", Map.of("text", "flood 5")), "RATE_LIMITED");

        // Every client is still connected, and the exercise still runs.
        for (Wire.Client c : List.of(t.w1, t.w2, t.m1, t.m2, t.facilitator)) {
            assertThat(c.connected()).isTrue();
        }
        t.ok(t.m1, "draft", Map.of("issueId", issue, "move", "NEGOTIATE"));
        t.ok(t.m1, "orders.submit", Map.of());
        t.awaitPhase(t.w2, "RESULTS", 1);

        Set<String> documented = new HashSet<>();
        ProtocolDocument.read().table("errors").forEach(row -> documented.add(row.get(0)));
        documented.remove("INTERNAL");
        // A server short of memory or disk, or whose database is away: provoked by CapacityTest on a small heap
        // and by ClusterTest restarting PostgreSQL.
        documented.remove("SERVER_BUSY");
        assertThat(provoked).isEqualTo(documented);
    }

    @Test
    void aResentCommandIsAppliedOnce() {
        Table t = new Table("AUTOMATIC", Map.of());
        Map<String, Object> chat = Map.of("commandId", "same-id", "text", "only once");
        JsonNode first = t.ok(t.w1, "chat.team", chat);
        t.w1.send(t.app("chat.team"), chat);
        JsonNode again = t.w1.awaitOne("/user/queue/replies", r -> r.get("duplicate").asBoolean());
        assertThat(again.get("firstSeq").asLong()).isEqualTo(first.get("firstSeq").asLong());
        t.w1.sync(t.id, 0);
        long copies = t.w2.sync(t.id, 0).get("events").valueStream()
                .filter(e -> e.get("type").asString().equals("CHAT_TEAM")).count();
        assertThat(copies).isEqualTo(1);
    }

    @Test
    void connectWithoutAValidTokenIsRefused() {
        assertThatThrownBy(() -> connect("not-a-token").sync("x", 0)).isInstanceOf(RuntimeException.class);
        assertThat(wire.get("/api/me", "not-a-token").status()).isEqualTo(401);
        assertThat(wire.get("/api/exercises", null).status()).isEqualTo(401);
        assertThat(wire.post("/api/join", Map.of("code", "AAAA-BBBB-CCCC-DDDD", "name", "x"), null).status()).isEqualTo(403);
        assertThat(wire.post("/api/join", "{broken", null).status()).isEqualTo(400);
    }

    @Test
    void anUnreadableFrameIsAnsweredAndTheSessionGoesOn() throws Exception {
        Table t = new Table("AUTOMATIC", Map.of());
        List<String> frames = new CopyOnWriteArrayList<>();
        WebSocketSession raw = new StandardWebSocketClient()
                .execute(new TextWebSocketHandler() {
                    @Override
                    protected void handleTextMessage(WebSocketSession session,
                                                     TextMessage message) {
                        // The server may put several STOMP frames in one WebSocket message.
                        for (String frame : message.getPayload().split("\0")) {
                            if (!frame.isBlank()) {
                                frames.add(frame.strip());
                            }
                        }
                    }
                }, "ws://localhost:" + port + "/ws").get(10, TimeUnit.SECONDS);
        raw.sendMessage(new TextMessage("CONNECT\naccept-version:1.2\nhost:localhost\n"
                + "Authorization:Bearer " + t.w1Seat.get("token").asString() + "\n\n\0"));
        await().atMost(Wire.WAIT).until(() -> frames.stream().anyMatch(f -> f.startsWith("CONNECTED")));
        raw.sendMessage(new TextMessage("SUBSCRIBE\nid:0\ndestination:/user/queue/errors\n\n\0"));
        raw.sendMessage(new TextMessage("SUBSCRIBE\nid:1\ndestination:/user/queue/replies\n\n\0"));
        raw.sendMessage(new TextMessage("NONSENSE garbage\n\n\0"));
        raw.sendMessage(new TextMessage("SEND\ndestination:/app/x\n\nno terminator"));
        raw.sendMessage(new TextMessage("SEND\ndestination:" + t.app("chat.team")
                + "\ncontent-type:application/json\n\n{\"commandId\":\"after-garbage\",\"text\":\"still here\"}\0"));
        await().atMost(Wire.WAIT).until(() -> frames.stream().anyMatch(f -> f.contains("after-garbage")));
        assertThat(frames.stream().filter(f -> f.contains("\"code\":\"BAD_FRAME\""))).hasSize(2);
        assertThat(raw.isOpen()).isTrue();
        raw.close();
    }

    private void expect(JsonNode error, String code) {
        assertThat(error.get("code").asString()).as("error %s", error).isEqualTo(code);
        assertThat(error.get("message").asString()).isNotBlank();
        provoked.add(code);
    }
}
