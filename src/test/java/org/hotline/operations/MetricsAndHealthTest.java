package org.hotline.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.hotline.HotlineApplication;
import org.hotline.live.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** /actuator/prometheus and /actuator/health from the wire: who may read them, and meters that move with play. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = HotlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:sqlite:${java.io.tmpdir}/hotline-test-ops-${random.uuid}.db",
                "hotline.admin.username=" + Wire.ADMIN, "hotline.admin.password=" + Wire.ADMIN_PASSWORD,
                "hotline.operations.scrape-token=" + MetricsAndHealthTest.SCRAPE_TOKEN})
class MetricsAndHealthTest {

    static final String SCRAPE_TOKEN = "scrape-token-for-prometheus-0123456789";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void metricsAreForFacilitatorsAndTheScrapeTokenOnly() {
        Wire wire = new Wire(port);
        String facilitator = wire.login();
        JsonNode created = wire.create(facilitator, "AUTOMATIC", Map.of());
        String player = wire.join(created.get("joinCodes").get("MOSCOW").asString(), "Oleg").get("token").asString();

        assertThat(scrape(null).statusCode()).isEqualTo(401);
        assertThat(scrape("not-a-token").statusCode()).isEqualTo(401);
        HttpResponse<String> asPlayer = scrape(player);
        assertThat(asPlayer.statusCode()).isEqualTo(403);
        assertThat(asPlayer.body()).doesNotContain("hotline_");
        assertThat(scrape(facilitator).statusCode()).isEqualTo(200);
        HttpResponse<String> asPrometheus = scrape(SCRAPE_TOKEN);
        assertThat(asPrometheus.statusCode()).isEqualTo(200);
        assertThat(asPrometheus.body()).contains("hotline_exercises_running", "hotline_sessions{");
    }

    @Test
    void metersFollowSessionsCommandsRefusalsAndCatchUp() {
        Wire wire = new Wire(port);
        String facilitator = wire.login();
        JsonNode created = wire.create(facilitator, "AUTOMATIC", Map.of());
        String id = created.get("id").asString();
        double runningBefore = value("hotline_exercises_running{application=\"hotline\"}");
        assertThat(runningBefore).isGreaterThanOrEqualTo(1);
        Wire.Client oleg = wire.connect(wire.join(created.get("joinCodes").get("MOSCOW").asString(), "Oleg").get("token").asString())
                .subscribeQueues();
        try {
            double players = value("hotline_sessions{application=\"hotline\",role=\"PLAYER\"}");
            double applied = value("hotline_commands_total{application=\"hotline\",outcome=\"applied\"}");
            double forbidden = value("hotline_refusals_total{application=\"hotline\",code=\"FORBIDDEN\"}");
            double syncs = value("hotline_catchup_events_count{application=\"hotline\"}");

            oleg.sync(id, 0);
            oleg.reply(oleg.send("/app/exercise." + id + ".chat.team", Map.of("text", "Hold the line")));
            oleg.error(oleg.send("/app/exercise." + id + ".control", Map.of("action", "START")));

            assertThat(players).isGreaterThanOrEqualTo(1);
            await().atMost(Wire.WAIT).untilAsserted(() -> {
                assertThat(value("hotline_commands_total{application=\"hotline\",outcome=\"applied\"}")).isEqualTo(applied + 1);
                assertThat(value("hotline_refusals_total{application=\"hotline\",code=\"FORBIDDEN\"}")).isEqualTo(forbidden + 1);
                assertThat(value("hotline_catchup_events_count{application=\"hotline\"}")).isEqualTo(syncs + 1);
                assertThat(value("hotline_events_appended_total{application=\"hotline\",type=\"CHAT_TEAM\"}")).isGreaterThanOrEqualTo(1);
                assertThat(value("hotline_log_append_seconds_count{application=\"hotline\"}")).isGreaterThanOrEqualTo(1);
                assertThat(value("hotline_log_flush_seconds_count{application=\"hotline\"}")).isGreaterThanOrEqualTo(1);
            });
        } finally {
            oleg.disconnect();
        }
        await().atMost(Wire.WAIT).untilAsserted(() ->
                assertThat(value("hotline_sessions{application=\"hotline\",role=\"PLAYER\"}")).isZero());
    }

    @Test
    void adjudicationIsTimed() {
        Wire wire = new Wire(port);
        String facilitator = wire.login();
        JsonNode created = wire.create(facilitator, "AUTOMATIC", Map.of());
        String id = created.get("id").asString();
        Wire.Client control = wire.connect(facilitator).subscribeQueues();
        Wire.Client ana = wire.connect(wire.join(created.get("joinCodes").get("WASHINGTON").asString(), "Ana").get("token").asString())
                .subscribeQueues();
        Wire.Client oleg = wire.connect(wire.join(created.get("joinCodes").get("MOSCOW").asString(), "Oleg").get("token").asString())
                .subscribeQueues();
        try {
            double before = value("hotline_adjudication_seconds_count{application=\"hotline\"}");
            for (int i = 0; i < 3; i++) {
                control.reply(control.send("/app/exercise." + id + ".control", Map.of("type", i == 0 ? "START" : "ADVANCE")));
            }
            ana.reply(ana.send("/app/exercise." + id + ".orders.submit", Map.of()));
            oleg.reply(oleg.send("/app/exercise." + id + ".orders.submit", Map.of()));
            await().atMost(Wire.WAIT).untilAsserted(() ->
                    assertThat(value("hotline_adjudication_seconds_count{application=\"hotline\"}")).isEqualTo(before + 1));
        } finally {
            List.of(control, ana, oleg).forEach(Wire.Client::disconnect);
        }
    }

    @Test
    void healthShowsTheDatabaseAndScenarioFilesToFacilitatorsOnly() {
        Wire wire = new Wire(port);
        Wire.Response anonymous = wire.get("/actuator/health", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body().get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.body().has("components")).isFalse();

        JsonNode details = wire.get("/actuator/health", wire.login()).body();
        assertThat(details.at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(details.at("/components/scenarios/status").asString()).isEqualTo("UP");
        assertThat(details.at("/components/scenarios/details/playable").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(details.at("/components/scenarios/details/refusedFiles").isArray()).isTrue();
    }

    @Test
    void startUpNamesTheAddressAndPrintsNoGeneratedPassword(CapturedOutput output) {
        assertThat(output.getAll()).contains("Hotline is ready: open http://localhost:" + port + "/")
                .doesNotContain("generated security password");
    }

    private HttpResponse<String> scrape(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One sample of the exposition, 0 when the series has not appeared yet. */
    private double value(String series) {
        return scrape(SCRAPE_TOKEN).body().lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).strip())).findFirst().orElse(0);
    }
}
