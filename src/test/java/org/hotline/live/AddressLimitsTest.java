package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.socket.WebSocketHttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Limits per client address behind a reverse proxy (server.forward-headers-strategy=native: the address
 * is X-Forwarded-For's) and seats per join code and per exercise (issue 12, item 2).
 */
@TestPropertySource(properties = {"server.forward-headers-strategy=native", "hotline.access.failed-tokens-per-minute=3",
        "hotline.access.failed-setups-per-minute=2", "hotline.access.max-seats-per-code=3", "hotline.access.max-seats-per-exercise=5"})
class AddressLimitsTest extends WireTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void badBearerTokensAreLimitedPerForwardedAddressOnRestAndStomp() {
        String good = wire.login();
        for (int i = 0; i < 3; i++) {
            assertThat(me("10.9.9.1", "guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> limited = me("10.9.9.1", "guess-4");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(wire.json.readTree(limited.body()).get("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(me("10.9.9.1", good).statusCode()).as("past the limit even a good token waits").isEqualTo(429);
        assertThat(me("10.9.9.2", good).statusCode()).as("another client behind the same proxy").isEqualTo(200);

        WebSocketHttpHeaders from = new WebSocketHttpHeaders();
        from.add("X-Forwarded-For", "10.9.9.3");
        for (int i = 0; i < 3; i++) {
            RawStomp raw = RawStomp.open(port, from);
            raw.send("CONNECT\naccept-version:1.2\nhost:localhost\nAuthorization:Bearer guess-" + i + "\n\n\0");
            assertThat(raw.await(f -> f.startsWith("ERROR"))).contains("UNAUTHORIZED");
        }
        RawStomp raw = RawStomp.open(port, from);
        raw.send("CONNECT\naccept-version:1.2\nhost:localhost\nAuthorization:Bearer " + good + "\n\n\0");
        assertThat(raw.await(f -> f.startsWith("ERROR"))).contains("RATE_LIMITED");
    }

    @Test
    void wrongSetupTokensAreLimitedPerAddress() {
        String body = "{\"token\":\"guess\",\"username\":\"someone\",\"password\":\"long-enough-password\"}";
        for (int i = 0; i < 2; i++) {
            assertThat(post("10.9.8.1", "/api/setup", body).statusCode()).isEqualTo(403);
        }
        HttpResponse<String> limited = post("10.9.8.1", "/api/setup", body);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("RATE_LIMITED", "setup");
        assertThat(post("10.9.8.2", "/api/setup", body).statusCode()).isEqualTo(403);
    }

    @Test
    void aJoinCodeAndAnExerciseHaveACapOnSeats() {
        JsonNode codes = wire.create(wire.login(), "AUTOMATIC", Map.of()).get("joinCodes");
        for (int i = 0; i < 3; i++) {
            wire.join(codes.get("OBSERVER").asString(), "Projector " + i);
        }
        Wire.Response full = wire.post("/api/join", Map.of("code", codes.get("OBSERVER").asString(), "name", "One more"), null);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.body().get("code").asString()).isEqualTo("FULL");
        assertThat(full.body().get("message").asString()).contains("join code", "at most 3");
        wire.join(codes.get("WASHINGTON").asString(), "Ana");
        wire.join(codes.get("WASHINGTON").asString(), "Bea");
        Wire.Response exerciseFull = wire.post("/api/join", Map.of("code", codes.get("MOSCOW").asString(), "name", "Oleg"), null);
        assertThat(exerciseFull.status()).isEqualTo(409);
        assertThat(exerciseFull.body().get("message").asString()).contains("exercise", "at most 5");
    }

    private HttpResponse<String> me(String from, String token) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me")).header("X-Forwarded-For", from)
                .header("Authorization", "Bearer " + token).GET());
    }

    private HttpResponse<String> post(String from, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Forwarded-For", from)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
