package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Walks every REST row of docs/protocol.md: the path answers for the documented caller and refuses others. */
class RestDocumentTest extends WireTest {

    @Test
    void everyDocumentedPathAnswersAsDocumented() {
        String facilitator = wire.login();
        JsonNode created = wire.create(facilitator, "AUTOMATIC", Map.of());
        String id = created.get("id").asString();
        String player = wire.join(created.get("joinCodes").get("MOSCOW").asString(), "Oleg").get("token").asString();
        String account = "doc-account-" + System.nanoTime();
        wire.post("/api/accounts", Map.of("username", account, "password", "long-enough-password"), facilitator);
        Map<String, Object> bodies = Map.of(
                "/api/setup", Map.of("token", "not-the-setup-token", "username", "x", "password", "long-enough-password"),
                "/api/login", Map.of("username", Wire.ADMIN, "password", Wire.ADMIN_PASSWORD),
                "/api/accounts", Map.of("username", "doc-" + System.nanoTime(), "password", "long-enough-password"),
                "/api/exercises", Map.of("scenarioId", wire.scenarioId(), "mode", "REVIEWED"),
                "/api/join", Map.of("code", created.get("joinCodes").get("OBSERVER").asString(), "name", "Doc"));

        String analysisId = wire.post("/api/analyses", Map.of("scenarioId", wire.scenarioId(), "washington", List.of("grit"),
                "moscow", List.of("grit"), "runs", 10), facilitator).body().get("id").asString();

        List<List<String>> rows = ProtocolDocument.read().table("rest");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(10);
        for (List<String> row : rows) {
            String method = row.get(0);
            String path = row.get(1).replace("{id}", id).replace("{username}", account).replace("{analysisId}", analysisId)
                    .replace("{scenarioId}", wire.scenarioId());
            String who = row.get(2);
            boolean open = who.startsWith("anyone");
            String token = open ? null : who.startsWith("FACILITATOR") ? facilitator : path.equals("/api/logout") ? wire.login() : player;
            Wire.Response response = call(method, path, bodies.get(path), token);
            assertThat(response.status()).as("%s %s as %s: %s", method, path, who, response.body())
                    .isNotIn(401, 404, 405, 500);
            if (!open) {
                assertThat(call(method, path, bodies.get(path), null).status()).as("%s %s without a token", method, path).isEqualTo(401);
            }
            if (who.equals("FACILITATOR")) {
                assertThat(call(method, path, bodies.get(path), player).status()).as("%s %s as a player", method, path).isEqualTo(403);
            }
            if (who.contains("OBSERVER")) {
                assertThat(response.status()).isEqualTo(200);
                assertThat(call(method, path, null, player).status()).isEqualTo(200);
            }
        }
    }

    private Wire.Response call(String method, String path, Object body, String token) {
        return method.equals("GET") ? wire.get(path, token) : wire.post(path, body == null ? Map.of() : body, token);
    }
}
