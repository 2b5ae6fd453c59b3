package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.hotline.HotlineApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Limits from the wire: failed joins and failed logins per client address (docs/protocol.md section 2),
 * and a scenario's move-count limit per turn (section 3, {@code draft}).
 */
@SpringBootTest(classes = HotlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:sqlite:${java.io.tmpdir}/hotline-test-limits-${random.uuid}.db",
                "hotline.admin.username=" + Wire.ADMIN, "hotline.admin.password=" + Wire.ADMIN_PASSWORD,
                "hotline.access.failed-joins-per-minute=3", "hotline.access.failed-logins-per-minute=3"})
class LimitsTest extends WireTest {

    static final String TWO_ISSUES = "two-issues-per-turn";

    /** The default scenario with issuesPerTurn 2, in a folder of its own (hotline.scenarios.folder). */
    @DynamicPropertySource
    static void scenarioFolder(DynamicPropertyRegistry registry) throws IOException {
        Path folder = Files.createTempDirectory("hotline-scenarios");
        String yaml = Files.readString(Path.of("exercises/future-after-ukraine.yaml"))
                .replaceFirst("(?m)^id: .*$", "id: " + TWO_ISSUES)
                .replaceFirst("(?m)^issuesPerTurn: 0$", "issuesPerTurn: 2");
        Files.writeString(folder.resolve(TWO_ISSUES + ".yaml"), yaml);
        registry.add("hotline.scenarios.folder", folder::toString);
    }

    @Test
    void repeatedBadJoinCodesAreRefusedWith429WhileAnotherAddressStillJoins() {
        String code = wire.create(wire.login(), "AUTOMATIC", Map.of()).get("joinCodes").get("MOSCOW").asString();
        for (int i = 0; i < 3; i++) {
            Raw wrong = post("127.0.0.2", "/api/join", "{\"code\":\"AAAA-BBBB-CCCC-DDDD\",\"name\":\"Eve\"}", null);
            assertThat(wrong.status()).isEqualTo(403);
            assertThat(wrong.body().get("code").asString()).isEqualTo("FORBIDDEN");
        }
        Raw limited = post("127.0.0.2", "/api/join", "{\"code\":\"AAAA-BBBB-CCCC-DDDD\",\"name\":\"Eve\"}", null);
        assertRateLimited(limited);
        // Past the limit even the right code is refused from that address ...
        assertRateLimited(post("127.0.0.2", "/api/join", "{\"code\":\"" + code + "\",\"name\":\"Eve\"}", null));
        // ... while another address joins with it.
        assertThat(wire.join(code, "Oleg").get("side").asString()).isEqualTo("MOSCOW");
    }

    @Test
    void repeatedBadPasswordsAreRefusedWith429WhileAnotherAddressStillLogsIn() {
        String wrong = "{\"username\":\"" + Wire.ADMIN + "\",\"password\":\"not-the-password\"}";
        for (int i = 0; i < 3; i++) {
            Raw refused = post("127.0.0.3", "/api/login", wrong, null);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body().get("code").asString()).isEqualTo("UNAUTHORIZED");
        }
        assertRateLimited(post("127.0.0.3", "/api/login", wrong, null));
        String right = "{\"username\":\"" + Wire.ADMIN + "\",\"password\":\"" + Wire.ADMIN_PASSWORD + "\"}";
        assertRateLimited(post("127.0.0.3", "/api/login", right, null));
        // HTTP Basic counts against the same limit.
        assertRateLimited(get("127.0.0.3", "/api/me", basic(Wire.ADMIN_PASSWORD)));
        assertThat(wire.login()).isNotBlank();
    }

    @Test
    void repeatedBadBasicPasswordsAreRefusedWith429WhileAnotherAddressStillGetsIn() {
        for (int i = 0; i < 3; i++) {
            assertThat(get("127.0.0.4", "/api/me", basic("not-the-password")).status()).isEqualTo(401);
        }
        assertRateLimited(get("127.0.0.4", "/api/me", basic("not-the-password")));
        assertRateLimited(get("127.0.0.4", "/api/me", basic(Wire.ADMIN_PASSWORD)));
        Raw fromElsewhere = get("127.0.0.5", "/api/me", basic(Wire.ADMIN_PASSWORD));
        assertThat(fromElsewhere.status()).isEqualTo(200);
        assertThat(fromElsewhere.body().get("username").asString()).isEqualTo(Wire.ADMIN);
    }

    @Test
    void aTeamMovesOnAtMostIssuesPerTurnAndARemovedLineIsPlayedAsHold() {
        Table t = new Table(TWO_ISSUES, "AUTOMATIC", Map.of());
        List<String> issues = t.issues();
        String first = issues.get(0);
        String second = issues.get(1);
        String third = issues.get(2);
        t.control(Map.of("type", "START"));
        t.awaitPhase(t.w1, "BRIEFING", 1);

        t.ok(t.w1, "draft", Map.of("issueId", first, "move", "NEGOTIATE", "argument", "talks"));
        t.ok(t.w2, "draft", Map.of("issueId", second, "move", "PRESS", "argument", "pressure"));
        JsonNode third1 = t.refused(t.w1, "draft", Map.of("issueId", third, "move", "BUILDUP"));
        assertThat(third1.get("code").asString()).isEqualTo("INVALID");
        assertThat(third1.get("message").asString()).contains("at most 2 issues per turn");
        // HOLD is not a move on the issue, so it does not count.
        t.ok(t.w1, "draft", Map.of("issueId", third, "move", "HOLD"));

        // "move": null removes the line; then there is room for another move.
        java.util.HashMap<String, Object> remove = new java.util.HashMap<>();
        remove.put("issueId", first);
        remove.put("move", null);
        t.ok(t.w2, "draft", remove);
        JsonNode removed = t.w1.awaitEvent(e -> "DRAFT_CHANGED".equals(e.get("type").asString())
                && first.equals(e.get("payload").get("change").get("issueId").asString())
                && e.get("payload").get("change").get("move").isNull());
        assertThat(removed.get("payload").get("change").get("previous").asString()).isEqualTo("NEGOTIATE");
        assertThat(removed.get("payload").has("line")).isFalse();
        t.ok(t.w1, "draft", Map.of("issueId", third, "move", "BUILDUP", "argument", "deterrence"));

        t.control(Map.of("type", "ADVANCE"));
        t.control(Map.of("type", "ADVANCE"));
        t.awaitPhase(t.w1, "ORDERS", 1);
        t.ok(t.w1, "orders.submit", Map.of());
        t.control(Map.of("type", "LOCK_ORDERS"));
        JsonNode results = t.observer.awaitEvent(e -> "RESULTS_PUBLISHED".equals(e.get("type").asString()));
        JsonNode washington = null;
        for (JsonNode issue : results.get("payload").get("issues")) {
            if (first.equals(issue.get("issueId").asString())) {
                washington = issue;
            }
        }
        assertThat(washington).isNotNull();
        assertThat(washington.get("washingtonMove").asString()).isEqualTo("HOLD");
        JsonNode orders = results.get("payload").get("orders").get("WASHINGTON");
        assertThat(orders.has(first)).isFalse();
        assertThat(orders.get(second).get("move").asString()).isEqualTo("PRESS");
        assertThat(orders.get(third).get("move").asString()).isEqualTo("BUILDUP");
    }

    private void assertRateLimited(Raw response) {
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.body().get("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(response.body().get("message").asString()).contains("wait a minute");
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString((Wire.ADMIN + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    record Raw(int status, JsonNode body) {
    }

    private Raw post(String from, String path, String body, String authorization) {
        return exchange(from, "POST", path, body, authorization);
    }

    private Raw get(String from, String path, String authorization) {
        return exchange(from, "GET", path, null, authorization);
    }

    /**
     * One HTTP/1.0 exchange from a chosen loopback address (any 127.x.y.z is this machine), so the
     * server sees different clients; HTTP/1.0 keeps the answer unchunked.
     */
    private Raw exchange(String from, String method, String path, String body, String authorization) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: localhost\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(text.indexOf(' ') + 1, text.indexOf(' ') + 4));
            String payload = text.substring(text.indexOf("\r\n\r\n") + 4);
            return new Raw(status, payload.isBlank() ? wire.json.nullNode() : wire.json.readTree(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
