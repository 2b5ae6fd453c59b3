package org.hotline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.HotlineApplication;
import org.hotline.live.Wire;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Options analysis over the wire: who may use it, a run to its stored result, downloads, the bounded queue, cancelling. */
@SpringBootTest(classes = HotlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:sqlite:${java.io.tmpdir}/hotline-test-analysis-${random.uuid}.db",
                "hotline.admin.username=" + Wire.ADMIN, "hotline.admin.password=" + Wire.ADMIN_PASSWORD,
                "hotline.analysis.workers=1", "hotline.analysis.queue=1"})
class AnalysisApiTest {

    @LocalServerPort
    int port;
    Wire wire;

    @BeforeEach
    void wire() {
        wire = new Wire(port);
    }

    private static Map<String, Object> request(int runs, List<String> washington) {
        return Map.of("scenarioId", "future-after-ukraine", "washington", washington, "moscow", List.of("tit-for-tat", "always-hardline"),
                "runs", runs, "seed", 7, "rulebook", Map.of("emboldening.sensitivity", 6.0), "context", Map.of("chinaAlignment", 50.0));
    }

    private String analyst(String name) {
        String facilitator = wire.login();
        assertThat(wire.post("/api/analysts", Map.of("username", name, "password", "analyst-password-1"), facilitator).status()).isEqualTo(201);
        return wire.post("/api/login", Map.of("username", name, "password", "analyst-password-1"), null).body().get("token").asString();
    }

    private JsonNode waitFor(String id, String token, String state) {
        await().atMost(Duration.ofMinutes(3)).until(() -> wire.get("/api/analyses/" + id, token).body().get("status").get("state")
                .asString().equals(state));
        return wire.get("/api/analyses/" + id, token).body();
    }

    @Test
    void anAnalystRunsAnAnalysisToItsStoredResultAndDownloadsIt() throws Exception {
        String token = analyst("ana-" + System.nanoTime());
        JsonNode setup = wire.get("/api/analyses/setup", token).body();
        assertThat(setup.get("strategies").findValuesAsString("id")).contains("core-first", "grit", "tit-for-tat", "historical");
        assertThat(wire.get("/api/analyses/setup/future-after-ukraine", token).body().get("rulebook").findValuesAsString("key"))
                .contains("emboldening.sensitivity");

        Wire.Response started = wire.post("/api/analyses", request(150, List.of("core-first", "limited")), token);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.body().get("id").asString();
        assertThat(started.body().get("totalRuns").asLong()).isEqualTo(600);

        JsonNode done = waitFor(id, token, "DONE");
        assertThat(done.get("status").get("doneRuns").asLong()).isEqualTo(600);
        JsonNode result = done.get("result");
        assertThat(result.get("pairs")).hasSize(4);
        assertThat(result.get("provenance").get("rulebookChanges").get("emboldening.sensitivity").asDouble()).isEqualTo(6.0);
        assertThat(result.get("provenance").get("scenarioHash").asString()).hasSize(64);
        JsonNode tension = result.get("pairs").get(0).get("metrics").get("END_TENSION");
        assertThat(tension.get("low").asDouble()).isLessThanOrEqualTo(tension.get("mean").asDouble());

        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/analyses/" + id + "/result.csv")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("analysis-" + id + ".csv");
        assertThat(csv.body().lines().count()).isEqualTo(1 + 4 * Metric.values().length);
        assertThat(wire.get("/api/analyses/" + id + "/result.json", token).body().get("pairs")).hasSize(4);
        assertThat(wire.get("/api/analyses", token).body().findValuesAsString("id")).contains(id);

        // the same request gives the same figures (the server runs it on its own threads)
        String again = wire.post("/api/analyses", request(150, List.of("core-first", "limited")), token).body().get("id").asString();
        assertThat(waitFor(again, token, "DONE").get("result").get("pairs")).isEqualTo(result.get("pairs"));
    }

    @Test
    void onlyFacilitatorAndAnalystAccountsMayUseIt() {
        String facilitator = wire.login();
        JsonNode created = wire.create(facilitator, "AUTOMATIC", Map.of());
        String playerToken = wire.join(created.get("joinCodes").get("WASHINGTON").asString(), "Player").get("token").asString();
        assertThat(wire.get("/api/analyses", playerToken).status()).isEqualTo(403);
        assertThat(wire.post("/api/analyses", request(10, List.of("grit")), playerToken).status()).isEqualTo(403);
        assertThat(wire.get("/api/analyses", null).status()).isEqualTo(401);
        assertThat(wire.get("/api/analyses/setup", facilitator).status()).isEqualTo(200);
    }

    @Test
    void badRequestsAreRefusedInPlainWordsAndNothingIsStored() {
        String token = wire.login();
        int before = wire.get("/api/analyses", token).body().size();
        Wire.Response unknown = wire.post("/api/analyses", request(10, List.of("nice")), token);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("message").asString()).contains("Unknown strategy 'nice'");
        Wire.Response noRuns = wire.post("/api/analyses", Map.of("scenarioId", "future-after-ukraine"), token);
        assertThat(noRuns.status()).isEqualTo(400);
        assertThat(wire.post("/api/analyses", "{not json", token).status()).isEqualTo(400);
        assertThat(wire.get("/api/analyses/a-missing", token).status()).isEqualTo(404);
        assertThat(wire.get("/api/analyses", token).body().size()).isEqualTo(before);
    }

    @Test
    void aFullQueueIsRefusedAndOnlyTheOwnerCancels() {
        String owner = wire.login();
        String other = analyst("other-" + System.nanoTime());
        String running = wire.post("/api/analyses", request(200_000, List.of("grit")), owner).body().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> wire.get("/api/analyses/" + running, owner).body().get("status").get("state")
                .asString().equals("RUNNING"));
        String queued = wire.post("/api/analyses", request(200_000, List.of("limited")), owner).body().get("id").asString();
        Wire.Response refused = wire.post("/api/analyses", request(10, List.of("core-first")), owner);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body().get("code").asString()).isEqualTo("BUSY");
        assertThat(refused.body().get("message").asString()).contains("queue is full");

        assertThat(wire.post("/api/analyses/" + running + "/cancel", Map.of(), other).status()).isEqualTo(403);
        assertThat(wire.post("/api/analyses/" + running + "/cancel", Map.of(), owner).status()).isEqualTo(200);
        assertThat(wire.post("/api/analyses/" + queued + "/cancel", Map.of(), owner).status()).isEqualTo(200);
        JsonNode cancelled = waitFor(running, owner, "CANCELLED");
        assertThat(cancelled.get("status").get("message").asString()).startsWith("Cancelled after");
        assertThat(cancelled.get("status").get("doneRuns").asLong()).isLessThan(400_000);
        waitFor(queued, owner, "CANCELLED");
        assertThat(wire.get("/api/analyses/" + running + "/result.csv", owner).status()).isEqualTo(409);
        assertThat(wire.post("/api/analyses/" + running + "/cancel", Map.of(), owner).status()).isEqualTo(409);
    }
}
