package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A computer-played team survives a server restart: the assignment is stored, and the new server's
 * seat reads the team's log from where it stands and plays the next turn, with no second assignment.
 */
class ComputerSeatRestartTest {

    @TempDir
    Path data;
    @RegisterExtension
    final Restarts servers = new Restarts("--hotline.live.events-per-page=7");

    private Wire.Client control(Wire wire, String token, String id) {
        return servers.connect(wire, token).subscribeQueues().subscribe("/topic/exercise." + id + ".control");
    }

    private static void send(Wire.Client client, String id, String command, Map<String, ?> body) {
        client.reply(client.send("/app/exercise." + id + "." + command, body));
    }

    private static boolean computerSubmitted(Wire wire, String id, String token, int turn) {
        return wire.log(id, token).stream().anyMatch(e -> "ORDERS_SUBMITTED".equals(e.get("type").asString()) && e.get("turn").asInt() == turn
                && "MOSCOW".equals(e.get("payload").get("side").asString()) && e.get("payload").get("name").asString().startsWith("Computer · "));
    }

    private static void awaitPhase(Wire wire, String id, String token, String phase, int turn) {
        await().atMost(Wire.WAIT).until(() -> {
            JsonNode e = wire.get("/api/exercises/" + id, token).body();
            return e.get("phase").asString().equals(phase) && e.get("turn").asInt() == turn;
        });
    }

    @Test
    void theComputerTeamPlaysOnAfterARestart() {
        Wire first = servers.start(data);
        String facilitator = first.login();
        JsonNode created = first.create(facilitator, "AUTOMATIC", Map.of());
        String id = created.get("id").asString();
        String ana = first.join(created.get("joinCodes").get("WASHINGTON").asString(), "Ana").get("token").asString();
        String path = "/api/exercises/" + id + "/computer-seats";
        assertThat(first.post(path, Map.of("side", "MOSCOW", "strategy", "tit-for-tat"), facilitator).status()).isEqualTo(201);
        Wire.Client c = control(first, facilitator, id);
        Wire.Client w = servers.connect(first, ana).subscribeQueues();
        send(c, id, "control", Map.of("type", "START"));
        send(c, id, "control", Map.of("type", "ADVANCE"));
        send(c, id, "control", Map.of("type", "ADVANCE"));
        awaitPhase(first, id, facilitator, "ORDERS", 1);
        await().atMost(Wire.WAIT).until(() -> computerSubmitted(first, id, facilitator, 1));
        send(w, id, "orders.submit", Map.of());
        awaitPhase(first, id, facilitator, "RESULTS", 1);
        servers.stopLatest();

        Wire second = servers.start(data);
        String again = second.login();
        JsonNode seat = second.get(path, again).body().get(0);
        assertThat(seat.get("side").asString()).isEqualTo("MOSCOW");
        assertThat(seat.get("strategy").asString()).isEqualTo("tit-for-tat");
        await().atMost(Wire.WAIT).until(() -> second.get(path, again).body().get(0).get("playing").asBoolean());
        Wire.Client c2 = control(second, again, id);
        send(c2, id, "control", Map.of("type", "ADVANCE"));
        send(c2, id, "control", Map.of("type", "ADVANCE"));
        send(c2, id, "control", Map.of("type", "ADVANCE"));
        awaitPhase(second, id, again, "ORDERS", 2);
        await().atMost(Wire.WAIT).until(() -> computerSubmitted(second, id, again, 2));
        // the seat's own reading of its submission follows a moment later
        await().atMost(Wire.WAIT).until(() -> second.get(path, again).body().get(0).get("ordersTurn").asInt() == 2);
        JsonNode after = second.get(path, again).body().get(0);
        assertThat(after.get("read").get("PUBLIC").asLong()).as("the resumed seat read its team's log from the start").isPositive();
        assertThat(after.get("read").has("TEAM_WASHINGTON")).isFalse();
        long joined = second.log(id, again).stream().filter(e -> "PLAYER_JOINED".equals(e.get("type").asString())
                && e.get("payload").get("name").asString().startsWith("Computer · ")).count();
        assertThat(joined).as("the same seat plays on; nobody assigned it again").isEqualTo(1);
    }
}
