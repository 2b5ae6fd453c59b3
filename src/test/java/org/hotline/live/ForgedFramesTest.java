package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * No client can make the server deliver what it did not say (issue 12, item 1): a MESSAGE (or RECEIPT,
 * CONNECTED, ERROR, ACK, NACK, BEGIN, COMMIT, ABORT) frame sent by a client, from any role, to any
 * topic or user queue, is refused with BAD_FRAME on the sender's error queue and reaches nobody.
 */
class ForgedFramesTest extends WireTest {

    private static final String MARK = "FORGED-BY-A-CLIENT";

    @Test
    void aForgedFrameFromAnyRoleToAnyTopicOrQueueReachesNobody() {
        Table t = new Table("AUTOMATIC", Map.of());
        JsonNode codes = t.created.get("joinCodes");
        String stranger = wire.join(wire.create(wire.login(), "AUTOMATIC", Map.of()).get("joinCodes").get("WASHINGTON").asString(),
                "Stranger").get("token").asString();
        String otherFacilitator = otherFacilitator();

        Map<String, String> senders = new LinkedHashMap<>();
        senders.put("facilitator", t.facilitatorToken);
        senders.put("notetaker", wire.join(codes.get("NOTETAKER").asString(), "Nina").get("token").asString());
        senders.put("player W", t.w1Seat.get("token").asString());
        senders.put("player M", t.m1Seat.get("token").asString());
        senders.put("observer", wire.join(codes.get("OBSERVER").asString(), "Oscar").get("token").asString());
        senders.put("seat of another exercise", stranger);
        senders.put("another facilitator", otherFacilitator);

        String w1 = t.w1Seat.get("playerId").asString();
        List<String> destinations = new ArrayList<>();
        for (String channel : List.of("public", "diplomacy", "team.WASHINGTON", "team.MOSCOW", "staff", "control")) {
            destinations.add(t.topic(channel));
        }
        for (String queue : List.of("replies", "errors", "sync")) {
            destinations.add("/user/seat:" + w1 + "/queue/" + queue);
            destinations.add("/user/account:" + Wire.ADMIN + "/queue/" + queue);
            destinations.add("/user/queue/" + queue);
            destinations.add("/queue/" + queue);
        }

        for (Map.Entry<String, String> sender : senders.entrySet()) {
            RawStomp raw = RawStomp.connect(port, sender.getValue());
            int sent = 0;
            for (String destination : destinations) {
                raw.send("MESSAGE\ndestination:" + destination + "\nsubscription:0\nmessage-id:m-" + sent
                        + "\ncontent-type:application/json\n\n" + forgedEvent(t.id) + "\0");
                sent++;
            }
            for (String frame : List.of("RECEIPT\nreceipt-id:1", "CONNECTED\nversion:1.2", "ERROR\nmessage:" + MARK, "ACK\nid:1",
                    "NACK\nid:1", "BEGIN\ntransaction:t1", "COMMIT\ntransaction:t1", "ABORT\ntransaction:t1")) {
                raw.send(frame + "\n\n" + MARK + "\0");
                sent++;
            }
            int expected = sent;
            await().atMost(Wire.WAIT).until(() -> raw.count(f -> f.contains("\"code\":\"BAD_FRAME\"")) == expected);
            // The sender hears only its own refusals (which name the commandId it sent), nothing delivered.
            assertThat(raw.seen).as(sender.getKey()).noneMatch(f -> f.contains(MARK) && !f.contains("\"code\":\"BAD_FRAME\""));
            assertThat(raw.open()).as("%s stays connected", sender.getKey()).isTrue();
            raw.close();
        }

        // A real event after all of that reaches everyone, and nobody got anything forged.
        t.control(Map.of("type", "START"));
        List<Wire.Client> everyone = List.of(t.facilitator, t.w1, t.w2, t.m1, t.m2, t.observer, t.notetaker);
        for (Wire.Client client : everyone) {
            t.awaitPhase(client, "BRIEFING", 1);
            assertThat(client.received).noneMatch(r -> r.body().toString().contains(MARK));
            long highest = client.events().stream().mapToLong(e -> e.get("seq").asLong()).max().orElse(0);
            assertThat(highest).isLessThan(1000);
        }
    }

    private static String forgedEvent(String exerciseId) {
        return "{\"exerciseId\":\"" + exerciseId + "\",\"seq\":999999,\"type\":\"CHAT_TEAM\",\"turn\":1,\"phase\":\"DELIBERATION\","
                + "\"channel\":\"TEAM_WASHINGTON\",\"payload\":{\"side\":\"WASHINGTON\",\"name\":\"White cell\",\"text\":\"" + MARK + "\"},"
                + "\"commandId\":\"" + MARK + "\",\"firstSeq\":1,\"lastSeq\":1,\"duplicate\":false,\"events\":[]}";
    }

    private String otherFacilitator() {
        String name = "other-" + System.nanoTime();
        wire.post("/api/accounts", Map.of("username", name, "password", "another-long-password"), wire.login());
        return wire.post("/api/login", Map.of("username", name, "password", "another-long-password"), null).body().get("token").asString();
    }
}
