package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Generated adversarial input from the wire (issue 12, item 9): 10,000 WebSocket messages (frames of
 * every command, garbage text and binary, random JSON bodies to every destination) from a player and an
 * observer, and 1,000 random REST bodies. Seeded, so a failure replays. The server stays healthy, every
 * input gets exactly one explicit answer, the log changes only by the commands it acknowledged, and a
 * refusal logs one line without a stack trace.
 */
@TestPropertySource(properties = {"hotline.access.failed-logins-per-minute=1000000", "hotline.access.failed-joins-per-minute=1000000",
        "hotline.access.failed-tokens-per-minute=1000000"})
class FuzzTest extends WireTest {

    private static final long SEED = 20261201L;
    private static final int FRAMES = Integer.getInteger("fuzz.frames", 10_000);
    private static final int REST_BODIES = 1_000;
    private static final int BATCH = 250;
    private static final Pattern ACK = Pattern.compile("\"firstSeq\":(\\d+),\"lastSeq\":(\\d+),\"duplicate\":false");
    private static final String[] FIELDS = {"commandId", "text", "issueId", "move", "redLine", "argument", "after", "type", "seconds",
        "action", "proposalId", "offered", "requested", "tag", "decision", "side", "rating", "playerId", "injectId", "inject",
        "changes", "rationale", "summary", "byIssue", "reason", "code", "name", "username", "password", "mode", "seed", "timers",
        "scenarioId", "token", "role"};
    private static final String[] WORDS = {"NEGOTIATE", "PRESS", "HOLD", "CONCEDE", "WASHINGTON", "MOSCOW", "START", "END", "EXTEND",
        "PROPOSE", "ACCEPT", "NOTE", "P1", "ukraine", "arms-control", "REVIEWED", "AUTOMATIC", "", " ", "\u2028", "\uD83D\uDE80",
        "\\u0000", "<script>", "%s%n", "../../etc/passwd", "null", "9".repeat(40)};

    private final Random random = new Random(SEED);

    @Test
    void generatedFramesAndBodiesGetAnAnswerAndChangeNothingUnacknowledged() {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged.start();
        root.addAppender(logged);
        try {
            Table t = new Table("AUTOMATIC", Map.of());
            t.control(Map.of("type", "START"));
            t.control(Map.of("type", "ADVANCE"));
            String other = wire.create(t.facilitatorToken, "AUTOMATIC", Map.of()).get("id").asString();
            RawStomp player = RawStomp.connect(port, t.w1Seat.get("token").asString());
            RawStomp observer = RawStomp.connect(port, wire.join(t.created.get("joinCodes").get("OBSERVER").asString(), "Fuzz")
                    .get("token").asString());
            for (RawStomp raw : List.of(player, observer)) {
                raw.send("SUBSCRIBE\nid:sync\ndestination:/user/queue/sync\n\n\0");
            }
            long before = t.facilitator.sync(t.id, 0).get("lastSeq").asLong();
            int logLinesBefore = logged.list.size();
            int sent = 0;
            while (sent < FRAMES) {
                for (int i = 0; i < BATCH && sent < FRAMES; i++, sent++) {
                    RawStomp raw = random.nextInt(5) == 0 ? observer : player;
                    input(raw, t, other);
                }
                int expected = sent;
                try {
                    await().atMost(Duration.ofSeconds(30)).until(() -> answers(player) + answers(observer) >= expected);
                } catch (org.awaitility.core.ConditionTimeoutException silent) {
                    throw new AssertionError((expected - answers(player) - answers(observer)) + " inputs unanswered; server said: "
                            + logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
                            .map(e -> e.getLoggerName() + " " + e.getFormattedMessage()).distinct().limit(20).toList()
                            + " player open " + player.open() + " observer open " + observer.open());
                }
            }
            assertThat(answers(player) + answers(observer)).as("exactly one answer per input").isEqualTo(FRAMES);
            assertThat(player.seen).as("no server failure").noneMatch(f -> f.contains("\"code\":\"INTERNAL\""));
            assertThat(observer.seen).as("no server failure").noneMatch(f -> f.contains("\"code\":\"INTERNAL\""));
            assertThat(player.open()).isTrue();
            assertThat(observer.open()).isTrue();

            // The log grew by exactly the events of the commands the fuzzers saw acknowledged.
            TreeSet<Long> acknowledged = new TreeSet<>();
            for (RawStomp raw : List.of(player, observer)) {
                for (String frame : raw.seen) {
                    Matcher ack = ACK.matcher(frame);
                    if (frame.startsWith("MESSAGE\n") && frame.contains("\ndestination:/user/queue/replies") && ack.find()) {
                        for (long seq = Long.parseLong(ack.group(1)); seq <= Long.parseLong(ack.group(2)); seq++) {
                            acknowledged.add(seq);
                        }
                    }
                }
            }
            TreeSet<Long> appended = new TreeSet<>();
            wire.log(t.id, t.facilitatorToken).stream().map(e -> e.get("seq").asLong()).filter(seq -> seq > before).forEach(appended::add);
            assertThat(appended).isEqualTo(acknowledged);
            assertThat(wire.log(other, t.facilitatorToken)).hasSize(wire.log(other, t.facilitatorToken).size());

            restBodies(t.facilitatorToken);

            // Healthy: the table plays on.
            assertThat(wire.get("/actuator/health", null).status()).isEqualTo(200);
            t.ok(t.w2, "chat.team", Map.of("text", "still here"));
            for (Wire.Client client : List.of(t.facilitator, t.w1, t.w2, t.m1, t.m2, t.observer, t.notetaker)) {
                assertThat(client.connected()).isTrue();
            }
            List<ILoggingEvent> during = logged.list.subList(logLinesBefore, logged.list.size());
            assertThat(during).as("no stack trace for bad input").noneMatch(e -> e.getThrowableProxy() != null);
            assertThat(during.size()).as("about one log line per refused input").isLessThan(2 * (FRAMES + REST_BODIES));
        } finally {
            root.detachAppender(logged);
        }
    }

    private static long answers(RawStomp raw) {
        return raw.count(f -> f.startsWith("MESSAGE\n"));
    }

    /** One generated WebSocket message that must get exactly one answer on the sender's queues. */
    private void input(RawStomp raw, Table t, String other) {
        switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> raw.send("SEND\ndestination:" + destination(t, other) + contentType() + "\n\n" + json(0) + "\0");
            case 4 -> raw.send(pick("MESSAGE", "RECEIPT", "CONNECTED", "ERROR", "ACK", "NACK", "BEGIN", "COMMIT", "ABORT", "CONNECT")
                    + "\ndestination:" + t.topic(pick("public", "team.MOSCOW", "control")) + "\nid:" + random.nextInt(9)
                    + "\ntransaction:x\nsubscription:0\n\n" + json(0) + "\0");
            case 5 -> raw.send("SUBSCRIBE\nid:s" + random.nextInt(1000) + "\ndestination:" + pick(t.topic("control"),
                    t.topic("staff"), t.topic("team.MOSCOW"), "/topic/exercise." + other + ".public", "/user/queue/errors",
                    "/queue/replies-user0", "/user/seat:p-x/queue/replies", "/topic/" + text(8), text(20)) + "\n\n\0");
            case 6 -> raw.send("UNSUBSCRIBE\nid:u" + random.nextInt(1000) + "\n\n\0");
            case 7 -> raw.send("X" + text(1 + random.nextInt(200)) + (random.nextBoolean() ? "\0" : ""));
            case 8 -> raw.sendBinary(binary());
            default -> raw.send("SEND\ndestination:" + destination(t, other) + "\n" + pick("bad\\qescape:1", "content-length:9999",
                    "content-length:-1", "content-length:x", text(5)) + "\n\n{\"a\":\"b\0c\"}\0");
        }
    }

    private String destination(Table t, String other) {
        return pick(t.app("sync"), t.app("chat.team"), t.app("chat.diplomacy"), t.app("draft"), t.app("orders.submit"),
                t.app("proposal"), t.app("note"), t.app("control"), "/app/exercise." + other + ".chat.team", "/app/exercise.ZZ.sync",
                "/app/exercise..draft", "/topic/exercise." + t.id + ".public", "/user/queue/replies", "/app/" + text(10), "");
    }

    private String contentType() {
        return pick("\ncontent-type:application/json", "", "\ncontent-type:text/plain", "\ncontent-type:application/octet-stream");
    }

    /** Random JSON, mostly well-formed, with the protocol's field names and values of every type. */
    private String json(int depth) {
        int kind = random.nextInt(depth > 2 ? 6 : 9);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextBoolean());
            case 2 -> pick("0", "-1", "1.5", "1e309", "99999999999999999999999", String.valueOf(random.nextLong()), "2");
            case 3, 4 -> '"' + (random.nextBoolean() ? pick(WORDS) : escaped(text(random.nextInt(40)))) + '"';
            case 5 -> pick("{", "}", "[", "{\"text\":", "'single'", "NaN", "\"unterminated", "{\"a\" 1}");
            case 6 -> "[" + json(depth + 1) + "," + json(depth + 1) + "]";
            default -> {
                StringBuilder object = new StringBuilder("{");
                int fields = random.nextInt(6);
                for (int i = 0; i < fields; i++) {
                    if (i > 0) {
                        object.append(',');
                    }
                    object.append('"').append(random.nextInt(8) == 0 ? escaped(text(5)) : pick(FIELDS)).append("\":").append(json(depth + 1));
                }
                yield object.append('}').toString();
            }
        };
    }

    private String text(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(switch (random.nextInt(6)) {
                case 0 -> random.nextInt(32);
                case 1 -> 0x80 + random.nextInt(0x700);
                case 2 -> 0x1F300 + random.nextInt(200);
                default -> 32 + random.nextInt(95);
            });
        }
        return text.toString();
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c < 32) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private byte[] binary() {
        byte[] bytes = new byte[1 + random.nextInt(300)];
        random.nextBytes(bytes);
        if (bytes[0] == '\n' || bytes[0] == '\r' || bytes[0] == 0) {
            bytes[0] = (byte) 0xfe;
        }
        return bytes;
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    /** Random bodies to the REST calls that take one: every answer is a documented status with the documented body. */
    private void restBodies(String facilitator) {
        HttpClient http = HttpClient.newHttpClient();
        String[] paths = {"/api/login", "/api/join", "/api/setup", "/api/exercises", "/api/accounts", "/api/accounts/nobody/password",
            "/api/reviews/import", "/api/logout"};
        for (int i = 0; i < REST_BODIES; i++) {
            String path = pick(paths);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", pick("application/json", "application/json", "text/plain", "application/xml"))
                    .POST(HttpRequest.BodyPublishers.ofString(json(0), StandardCharsets.UTF_8));
            if (random.nextBoolean() && !path.equals("/api/logout")) {
                request.header("Authorization", "Bearer " + facilitator);
            }
            try {
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("%s %s", path, answer.body()).isIn(200, 201, 204, 400, 401, 403, 404, 409, 415, 429);
                if (answer.statusCode() >= 400) {
                    JsonNode body = wire.json.readTree(answer.body());
                    assertThat(body.get("code").asString()).isNotBlank();
                    assertThat(body.get("message").asString()).isNotBlank().doesNotContain("Exception", "java.", "`");
                }
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
