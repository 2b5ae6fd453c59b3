package org.hotline.live;

import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.hotline.HotlineApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The real server on a random port with a fresh database file of the shipped store (SQLite); tests talk to it over the wire only. */
@SpringBootTest(classes = HotlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:sqlite:${java.io.tmpdir}/hotline-test-wire-${random.uuid}.db",
                "hotline.admin.username=" + Wire.ADMIN, "hotline.admin.password=" + Wire.ADMIN_PASSWORD,
                "hotline.live.chat-burst=5", "hotline.access.failed-joins-per-minute=1000"})
abstract class WireTest {

    @LocalServerPort
    int port;
    Wire wire;
    private final List<Wire.Client> clients = new ArrayList<>();

    @BeforeEach
    void wire() {
        wire = new Wire(port);
    }

    @AfterEach
    void disconnect() {
        clients.forEach(Wire.Client::disconnect);
    }

    Wire.Client connect(String token) {
        Wire.Client client = wire.connect(token);
        clients.add(client);
        return client;
    }

    /** A facilitator, two players per team, an observer and a notetaker in a new exercise. */
    final class Table {
        final String facilitatorToken = wire.login();
        final JsonNode created;
        final String id;
        final Wire.Client facilitator;
        final Wire.Client w1;
        final Wire.Client w2;
        final Wire.Client m1;
        final Wire.Client m2;
        final Wire.Client observer;
        final Wire.Client notetaker;
        final JsonNode w1Seat;
        final JsonNode m1Seat;

        Table(String mode, Map<String, Integer> timers) {
            this(wire.scenarioId(), mode, timers);
        }

        Table(String scenarioId, String mode, Map<String, Integer> timers) {
            created = wire.create(facilitatorToken, scenarioId, mode, timers);
            id = created.get("id").asString();
            JsonNode codes = created.get("joinCodes");
            w1Seat = wire.join(codes.get("WASHINGTON").asString(), "Ana");
            m1Seat = wire.join(codes.get("MOSCOW").asString(), "Oleg");
            facilitator = connect(facilitatorToken).subscribeQueues().subscribe(topic("control"));
            w1 = player(w1Seat);
            w2 = player(wire.join(codes.get("WASHINGTON").asString(), "Bea"));
            m1 = player(m1Seat);
            m2 = player(wire.join(codes.get("MOSCOW").asString(), "Pavel"));
            observer = connect(wire.join(codes.get("OBSERVER").asString(), "Projector").get("token").asString())
                    .subscribeQueues().subscribe(topic("public"));
            notetaker = connect(wire.join(codes.get("NOTETAKER").asString(), "Nora").get("token").asString())
                    .subscribeQueues().subscribe(topic("public")).subscribe(topic("diplomacy"))
                    .subscribe(topic("team.WASHINGTON")).subscribe(topic("team.MOSCOW")).subscribe(topic("staff"));
            for (Wire.Client client : List.of(facilitator, w1, w2, m1, m2, observer, notetaker)) {
                client.sync(id, Long.MAX_VALUE);
            }
        }

        private Wire.Client player(JsonNode seat) {
            return connect(seat.get("token").asString()).subscribeQueues().subscribe(topic("public"))
                    .subscribe(topic("diplomacy")).subscribe(topic("team." + seat.get("side").asString()));
        }

        String topic(String channel) {
            return "/topic/exercise." + id + "." + channel;
        }

        String app(String command) {
            return "/app/exercise." + id + "." + command;
        }

        JsonNode control(Map<String, ?> command) {
            return ok(facilitator, "control", command);
        }

        JsonNode ok(Wire.Client client, String command, Map<String, ?> body) {
            String commandId = client.send(app(command), body);
            Predicate<JsonNode> mine = b -> commandId.equals(b.path("commandId").asString(null));
            await().atMost(Wire.WAIT).until(() -> client.find("/user/queue/replies", mine).isPresent()
                    || client.find("/user/queue/errors", mine).isPresent());
            client.find("/user/queue/errors", mine).ifPresent(e -> {
                throw new AssertionError("refused: " + e);
            });
            return client.reply(commandId);
        }

        JsonNode refused(Wire.Client client, String command, Map<String, ?> body) {
            return client.error(client.send(app(command), body));
        }

        List<String> issues() {
            List<String> ids = new ArrayList<>();
            wire.get("/api/exercises/" + id, facilitatorToken).body().get("issues").forEach(i -> ids.add(i.get("id").asString()));
            return ids;
        }

        JsonNode awaitPhase(Wire.Client client, String phase, int turn) {
            return client.awaitEvent(e -> "PHASE_CHANGED".equals(e.path("type").asString(null))
                    && phase.equals(e.get("payload").get("phase").asString()) && e.get("payload").get("turn").asInt() == turn);
        }
    }
}
