package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.HotlineApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Kills the server process (no shutdown, no flush) right after it acknowledged commands, then starts
 * a new one on the same database file with the shipped configuration: every acknowledged command is there.
 */
class KillTest {

    @TempDir
    Path data;
    private Process child;
    private ConfigurableApplicationContext second;
    private Wire.Client client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.disconnect();
        }
        if (child != null) {
            child.destroyForcibly();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void acknowledgedCommandsSurviveAKilledProcess() throws Exception {
        int port = freePort();
        child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HotlineApplication.class.getName(),
                "--server.port=" + port, "--hotline.data-dir=" + data.toAbsolutePath(),
                "--hotline.admin.username=" + Wire.ADMIN, "--hotline.admin.password=" + Wire.ADMIN_PASSWORD,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(data.resolve("child.log").toFile()).start();
        Wire first = new Wire(port);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> first.get("/actuator/health", null).status() == 200);
        String facilitator = first.login();
        JsonNode created = first.create(facilitator, "AUTOMATIC", Map.of());
        String id = created.get("id").asString();
        client = first.connect(facilitator).subscribeQueues();
        String app = "/app/exercise." + id + ".";
        client.reply(client.send(app + "control", Map.of("type", "START")));
        client.reply(client.send(app + "control", Map.of("type", "ADVANCE")));
        long lastAcknowledged = client.reply(client.send(app + "note", Map.of("tag", "NOTE", "text", "acknowledged, then killed")))
                .get("lastSeq").asLong();
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        second = new SpringApplicationBuilder(HotlineApplication.class).run("--server.port=0",
                "--hotline.data-dir=" + data.toAbsolutePath(), "--spring.main.banner-mode=off");
        Wire again = new Wire(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
        List<JsonNode> log = again.log(id, again.login());
        assertThat(log).last().satisfies(e -> {
            assertThat(e.get("seq").asLong()).isEqualTo(lastAcknowledged);
            assertThat(e.get("payload").get("text").asString()).isEqualTo("acknowledged, then killed");
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
