package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every REST refusal carries the documented {"code","message"} body in plain words (issue 12, items 4,
 * 5 and 7): bad bodies, wrong JSON types naming the field, 404, 405, 415, /error; security headers.
 */
class RestErrorsTest extends WireTest {

    private final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    @Test
    void badBodiesAreRefusedInPlainWords() {
        for (String path : List.of("/api/login", "/api/join", "/api/setup")) {
            assertPlain(call("POST", path, "", "application/json", null), 400, "BAD_JSON");
            assertPlain(call("POST", path, "{\"username\":", "application/json", null), 400, "BAD_JSON");
            assertPlain(call("POST", path, "[1,2]", "application/json", null), 400, "BAD_JSON");
            assertPlain(call("POST", path, "{}", "text/plain", null), 415, "UNSUPPORTED_MEDIA_TYPE");
        }
        Answer wrongType = call("POST", "/api/login", "{\"username\":{\"a\":1},\"password\":\"x\"}", "application/json", null);
        assertPlain(wrongType, 400, "INVALID");
        assertThat(wrongType.body().get("message").asString()).startsWith("username:");
    }

    @Test
    void wrongJsonTypesAreRefusedNamingTheField() {
        String token = wire.login();
        int owned = wire.get("/api/exercises", token).body().size();
        Map<String, Object> base = new LinkedHashMap<>(Map.of("scenarioId", wire.scenarioId(), "mode", "REVIEWED"));
        Object[][] cases = {{"mode", null, "mode"}, {"mode", "FAST", "mode"}, {"mode", 1, "mode"}, {"seed", 1.5, "seed"},
            {"seed", "12", "seed"}, {"seed", true, "seed"}, {"timers", Map.of("ORDERS", "x"), "timers"}, {"timers", List.of(1), "timers"},
            {"scenarioId", 7, "scenarioId"}};
        for (Object[] c : cases) {
            Map<String, Object> body = new LinkedHashMap<>(base);
            body.put((String) c[0], c[1]);
            Answer answer = call("POST", "/api/exercises", wire.json.writeValueAsString(body), "application/json", token);
            assertPlain(answer, 400, "INVALID");
            assertThat(answer.body().get("message").asString()).as("%s", body).startsWith((String) c[2]).contains(":");
        }
        assertThat(wire.get("/api/exercises", token).body().size()).as("nothing was created").isEqualTo(owned);
        JsonNode created = wire.create(token, "AUTOMATIC", Map.of());
        String id = created.get("id").asString();
        for (String after : List.of("-1", "1.5", "abc", "99999999999999999999")) {
            assertPlain(call("GET", "/api/exercises/" + id + "/events?after=" + after, null, null, token), 400, "INVALID");
        }
        assertThat(wire.get("/api/exercises/" + id + "/events?after=0", token).status()).isEqualTo(200);
    }

    @Test
    void unknownPathsWrongMethodsAndTheErrorPageAnswerWithTheDocumentedBody() {
        String token = wire.login();
        assertPlain(call("GET", "/api/no-such-thing", null, null, token), 404, "NOT_FOUND");
        assertPlain(call("GET", "/no-such-page.html", null, null, null), 404, "NOT_FOUND");
        assertPlain(call("GET", "/error", null, null, null), 404, "NOT_FOUND");
        assertPlain(call("POST", "/error", "{}", "application/json", null), 404, "NOT_FOUND");
        Answer wrongMethod = call("DELETE", "/api/exercises", null, null, token);
        assertPlain(wrongMethod, 405, "METHOD_NOT_ALLOWED");
        assertThat(wrongMethod.raw().headers().firstValue("Allow")).isPresent();
        assertPlain(call("PUT", "/api/login", "{}", "application/json", null), 405, "METHOD_NOT_ALLOWED");
        assertPlain(call("GET", "/api/login", null, null, null), 405, "METHOD_NOT_ALLOWED");
        assertPlain(call("GET", "/api/me", null, null, null), 401, "UNAUTHORIZED");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : List.of("/", "/api/scenarios", "/api/no-such-thing", "/facilitator.html")) {
            HttpResponse<String> raw = call("GET", path, null, null, null).raw();
            assertThat(raw.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(raw.headers().firstValue("Permissions-Policy")).as(path).get().asString().contains("camera=()", "microphone=()");
            assertThat(raw.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
    }

    /** The documented body: a code and a message in words, no Java class names, no library wording. */
    private static void assertPlain(Answer answer, int status, String code) {
        assertThat(answer.status()).as("%s", answer.raw().body()).isEqualTo(status);
        assertThat(answer.body().get("code").asString()).as("%s", answer.raw().body()).isEqualTo(code);
        String message = answer.body().get("message").asString();
        assertThat(message).isNotBlank().doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z]")
                .doesNotContain("Exception", "java", "Jackson", "Required request body", "Cannot deserialize", "`");
    }

    private Answer call(String method, String path, String body, String contentType, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode json = isJson && !response.body().isBlank() ? wire.json.readTree(response.body()) : wire.json.nullNode();
            return new Answer(response.statusCode(), json, response);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
