package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each event is written as JSON once and the same bytes go to its own topic and to the control
 * topic: every client must still read every event it is sent as the very event the log holds. A
 * turn is played to its results (drafts, chat, proposals, seals, adjudication); then, for the
 * facilitator and one player of each team, the events received on the topics equal the REST log as
 * that seat may read it, event by event, in the live shape (docs/protocol.md section 5): without the
 * exercise id, the time in epoch milliseconds, no null envelope fields, and {@code prev} the seq of the
 * event before it on its channel in that log.
 */
class DeliveryTest extends WireTest {

    @Test
    void everyClientDecodesEveryEventItIsSentAsTheLogHoldsIt() {
        Table t = new Table("AUTOMATIC", Map.of());
        long before = wire.get("/api/exercises/" + t.id, t.facilitatorToken).body().get("lastSeq").asLong();
        List<String> issues = t.issues();
        t.control(Map.of("type", "START"));
        t.control(Map.of("type", "ADVANCE"));
        t.ok(t.w1, "chat.team", Map.of("text", "hold the line, «ünïcode» and \"quotes\""));
        t.ok(t.m1, "chat.diplomacy", Map.of("text", "talks?"));
        t.ok(t.w1, "proposal", Map.of("action", "PROPOSE", "offered", Map.of(issues.get(0), "NEGOTIATE"),
                "requested", Map.of(issues.get(0), "NEGOTIATE"), "text", "talks"));
        t.ok(t.w1, "draft", Map.of("issueId", issues.get(0), "move", "NEGOTIATE", "argument", "talks help both"));
        t.ok(t.m2, "draft", Map.of("issueId", issues.get(1), "move", "BUILDUP", "argument", "deterrence"));
        t.control(Map.of("type", "ADVANCE"));
        t.ok(t.w2, "orders.submit", Map.of());
        t.ok(t.m2, "orders.submit", Map.of());
        long last = t.facilitator.awaitEvent(e -> "RESULTS_PUBLISHED".equals(e.path("type").asString(null))).get("seq").asLong();

        assertSameEvents(t.facilitator, true, wire.log(t.id, t.facilitatorToken), before, last);
        assertSameEvents(t.w1, false, wire.log(t.id, t.w1Seat.get("token").asString()), before, last);
        assertSameEvents(t.m1, false, wire.log(t.id, t.m1Seat.get("token").asString()), before, last);
        // What the topic or the message says is left out of each event: read whole above, sent without it.
        assertThat(t.facilitator.messages).filteredOn(m -> m.destination().endsWith(".control")).isNotEmpty().allSatisfy(m -> {
            assertThat(m.body().get(0).has("time")).isTrue();
            m.body().forEach(e -> assertThat(e.has("prev")).isFalse());
            for (int i = 1; i < m.body().size(); i++) {
                assertThat(m.body().get(i).has("time") || m.body().get(i).has("actor")).isFalse();
            }
        });
        assertThat(t.w1.messages).filteredOn(m -> !m.destination().endsWith(".control")).isNotEmpty()
                .allSatisfy(m -> m.body().forEach(e -> assertThat(e.has("channel")).isFalse()));
        assertThat(t.facilitator.messages).anySatisfy(m -> assertThat(m.body().size()).isGreaterThan(1));
    }

    /**
     * The server writes events and answers to a session itself: a client that sends SUBSCRIBE and SEND
     * right behind its CONNECT, without waiting, still reads CONNECTED first, then its messages, each
     * naming the subscription id the client gave (a colon in it escaped, as STOMP 1.2 asks) and the
     * body's length.
     */
    @Test
    void aClientThatDoesNotWaitForConnectedReadsItFirstThenItsOwnSubscriptions() {
        Table t = new Table("AUTOMATIC", Map.of());
        RawStomp raw = RawStomp.open(port);
        raw.send("CONNECT\naccept-version:1.2\nhost:localhost\nAuthorization:Bearer " + t.facilitatorToken + "\n\n\0");
        raw.send("SUBSCRIBE\nid:sync\\cmine\ndestination:/user/queue/sync\n\n\0");
        raw.send("SUBSCRIBE\nid:control\ndestination:" + t.topic("control") + "\n\n\0");
        raw.send("SEND\ndestination:/app/exercise." + t.id + ".sync\n\n{\"after\":0}\0");
        String page = raw.await(f -> f.startsWith("MESSAGE") && f.contains("destination:/user/queue/sync\n"));
        assertThat(raw.seen.get(0)).startsWith("CONNECTED\n");
        assertThat(page).contains("\nsubscription:sync\\cmine\n").contains("\ncontent-type:application/json\n");
        String body = page.substring(page.indexOf("\n\n") + 2);
        assertThat(page).contains("\ncontent-length:" + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\n");

        t.control(Map.of("type", "START"));
        String event = raw.await(f -> f.startsWith("MESSAGE") && f.contains("destination:" + t.topic("control") + "\n"));
        assertThat(event).contains("\nsubscription:control\n").doesNotContain("content-type");
        raw.send("UNSUBSCRIBE\nid:control\n\n\0");
        raw.send("SEND\ndestination:/app/exercise." + t.id + ".sync\n\n{\"after\":0}\0");
        await().atMost(Wire.WAIT).until(() -> raw.count(f -> f.contains("destination:/user/queue/sync\n")) == 2);
        long events = raw.count(f -> f.contains("destination:" + t.topic("control") + "\n"));
        t.control(Map.of("type", "ADVANCE"));
        long advanced = wire.get("/api/exercises/" + t.id, t.facilitatorToken).body().get("lastSeq").asLong();
        t.facilitator.awaitEvent(e -> e.path("seq").asLong() == advanced);
        assertThat(raw.count(f -> f.contains("destination:" + t.topic("control") + "\n"))).as("after UNSUBSCRIBE").isEqualTo(events);
        raw.close();
    }

    private static void assertSameEvents(Wire.Client client, boolean control, List<JsonNode> log, long after, long upTo) {
        Map<String, Long> lastOnChannel = new java.util.HashMap<>();
        List<JsonNode> live = new java.util.ArrayList<>();
        for (JsonNode e : log) {
            long prev = lastOnChannel.getOrDefault(e.get("channel").asString(), 0L);
            lastOnChannel.put(e.get("channel").asString(), e.get("seq").asLong());
            tools.jackson.databind.node.ObjectNode shaped = ((tools.jackson.databind.node.ObjectNode) e).deepCopy();
            shaped.remove("exerciseId");
            shaped.put("time", java.time.Instant.parse(e.get("time").asString()).toEpochMilli());
            if (!control) {
                shaped.put("prev", prev);
            }
            if (shaped.get("actor").isNull()) {
                shaped.remove("actor");
            }
            live.add(tools.jackson.databind.json.JsonMapper.builder().build().readTree(shaped.toString())); // numbers as the wire reads them
        }
        List<JsonNode> expected = live.stream().filter(e -> e.get("seq").asLong() > after && e.get("seq").asLong() <= upTo).toList();
        assertThat(expected).hasSizeGreaterThan(10);
        await().atMost(Wire.WAIT).until(() -> received(client, after, upTo).size() >= expected.size());
        assertThat(client.events()).allSatisfy(e -> assertThat(e.isObject()).as("an event read as a JSON object: %s", e).isTrue());
        assertThat(received(client, after, upTo)).containsExactlyElementsOf(expected);
    }

    private static List<JsonNode> received(Wire.Client client, long after, long upTo) {
        return client.events().stream().filter(e -> e.path("seq").asLong() > after && e.path("seq").asLong() <= upTo)
                .sorted(Comparator.comparingLong(e -> e.get("seq").asLong())).toList();
    }
}
