package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.zaxxer.hikari.HikariDataSource;
import org.hotline.HotlineApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * H2 closes its database under the running server (as its store does after a panic, e.g. memory ran
 * out in the middle of a write), while every pooled connection has just been used, so the pool does
 * not check them before handing them out again. The server must not stay broken: at most the first
 * command fails, in plain words and with nothing changed; the next ones are acknowledged on the
 * reopened file, and the log holds everything acknowledged before and after.
 */
class DatabaseReopeningTest {

    @TempDir
    Path data;
    private ConfigurableApplicationContext app;
    private Wire.Client facilitator;

    @AfterEach
    void stop() {
        if (facilitator != null) {
            facilitator.disconnect();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aDatabaseClosedUnderTheServerIsReopenedAndNothingAcknowledgedIsLost() throws Exception {
        app = new SpringApplicationBuilder(HotlineApplication.class).run("--server.port=0",
                "--hotline.data-dir=" + data.toAbsolutePath(), "--hotline.admin.username=" + Wire.ADMIN,
                "--hotline.admin.password=" + Wire.ADMIN_PASSWORD, "--spring.main.banner-mode=off");
        Wire wire = new Wire(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        String token = wire.login();
        String id = wire.create(token, "AUTOMATIC", Map.of()).get("id").asString();
        facilitator = wire.connect(token).subscribeQueues();
        String note = "/app/exercise." + id + ".note";
        List<String> acknowledged = new ArrayList<>();
        facilitator.reply(facilitator.send(note, Map.of("tag", "NOTE", "text", "before the close")));
        acknowledged.add("before the close");

        closeTheDatabaseWithEveryConnectionJustUsed(app.getBean(HikariDataSource.class));
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sent.add(facilitator.send(note, Map.of("tag", "NOTE", "text", "after the close " + i)));
        }
        int failed = 0;
        for (int i = 0; i < sent.size(); i++) {
            String commandId = sent.get(i);
            await().atMost(Wire.WAIT).until(() -> answered(commandId));
            var error = facilitator.find("/user/queue/errors", b -> commandId.equals(b.path("commandId").asString(null)));
            if (error.isPresent()) {
                failed++;
                assertThat(error.get().get("message").asString()).contains("nothing was changed").doesNotContain("Exception", "90121");
            } else {
                acknowledged.add("after the close " + (i + 1));
            }
        }
        assertThat(failed).as("commands refused after the database closed").isLessThanOrEqualTo(1);

        List<String> notes = wire.log(id, token).stream().filter(e -> e.get("type").asString().equals("NOTE_ADDED"))
                .map(e -> e.get("payload").get("text").asString()).toList();
        // Exactly what was acknowledged: a refused command left nothing behind.
        assertThat(notes).containsExactlyElementsOf(acknowledged);
        assertThat(wire.get("/actuator/health", null).status()).isEqualTo(200);
    }

    private boolean answered(String commandId) {
        return facilitator.find("/user/queue/replies", b -> commandId.equals(b.path("commandId").asString(null))).isPresent()
                || facilitator.find("/user/queue/errors", b -> commandId.equals(b.path("commandId").asString(null))).isPresent();
    }

    /** Borrows every connection of the pool, closes the database through one, and gives them all back. */
    private static void closeTheDatabaseWithEveryConnectionJustUsed(HikariDataSource pool) throws SQLException {
        List<Connection> all = new ArrayList<>();
        for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
            all.add(pool.getConnection());
        }
        try (Statement statement = all.get(0).createStatement()) {
            statement.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException closedWhileAnswering) {
            // H2 may answer the SHUTDOWN itself with "Database is already closed".
        }
        for (Connection connection : all) {
            try {
                connection.close();
            } catch (SQLException alreadyClosed) {
                // Given back to the pool all the same.
            }
        }
    }
}
