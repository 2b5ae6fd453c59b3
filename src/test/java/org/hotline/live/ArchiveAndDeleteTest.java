package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Archive and delete from the wire, for the exercise's own facilitator only: an archived exercise
 * leaves "Your exercises" and stays reviewable; a deleted one is ended first if it runs, and every row
 * of it is gone from the database.
 */
class ArchiveAndDeleteTest extends WireTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEndedExerciseIsArchivedAndStaysReviewable() {
        Table t = new Table("AUTOMATIC", Map.of());
        String path = "/api/exercises/" + t.id + "/archive";
        assertThat(wire.post(path, Map.of(), t.facilitatorToken).status()).as("still running").isEqualTo(409);
        t.control(Map.of("type", "START"));
        t.control(Map.of("type", "END", "reason", "done"));
        t.awaitPhase(t.facilitator, "ENDED", 1);

        assertThat(wire.post(path, Map.of(), otherFacilitator()).status()).isEqualTo(403);
        assertThat(wire.post(path, Map.of(), t.w1Seat.get("token").asString()).status()).isEqualTo(403);
        assertThat(wire.post(path, Map.of(), null).status()).isEqualTo(401);
        assertThat(ids(wire.get("/api/exercises", t.facilitatorToken).body())).contains(t.id);

        assertThat(wire.post(path, Map.of(), t.facilitatorToken).status()).isEqualTo(200);
        assertThat(ids(wire.get("/api/exercises", t.facilitatorToken).body())).doesNotContain(t.id);
        assertThat(ids(wire.get("/api/exercises/archived", t.facilitatorToken).body())).containsExactly(t.id);
        assertThat(ids(wire.get("/api/reviews", t.facilitatorToken).body())).contains(t.id);
        assertThat(wire.get("/api/reviews/" + t.id, t.facilitatorToken).status()).isEqualTo(200);
    }

    @Test
    void deleteEndsARunningExerciseAndRemovesEveryRowOfIt() {
        Table t = new Table("AUTOMATIC", Map.of());
        Table kept = new Table("AUTOMATIC", Map.of());
        t.control(Map.of("type", "START"));
        t.ok(t.w1, "chat.team", Map.of("text", "hello"));
        assertThat(rows(t.id).get(0)).isPositive();

        assertThat(delete(t.id, t.id, otherFacilitator()).status()).isEqualTo(403);
        assertThat(delete(t.id, t.id, t.w1Seat.get("token").asString()).status()).isEqualTo(403);
        Wire.Response unconfirmed = delete(t.id, null, t.facilitatorToken);
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.body().get("message").asString()).contains("confirm");
        assertThat(delete(t.id, "not-the-id", t.facilitatorToken).status()).isEqualTo(400);
        assertThat(wire.get("/api/exercises/" + t.id, t.facilitatorToken).status()).as("nothing deleted by a refusal").isEqualTo(200);

        assertThat(delete(t.id, t.id, t.facilitatorToken).status()).isEqualTo(200);
        // The players' consoles were told the exercise ended before it went.
        assertThat(t.w1.awaitEvent(e -> e.path("type").asString("").equals("EXERCISE_ENDED")).at("/payload/reason").asString())
                .contains("deleted");
        assertThat(rows(t.id)).containsOnly(0);
        assertThat(wire.get("/api/exercises/" + t.id, t.facilitatorToken).status()).isEqualTo(404);
        assertThat(wire.get("/api/reviews/" + t.id, t.facilitatorToken).status()).isEqualTo(404);
        assertThat(wire.get("/api/exercises/" + t.id + "/events", t.w1Seat.get("token").asString()).status()).isEqualTo(401);
        assertThat(ids(wire.get("/api/exercises", t.facilitatorToken).body())).doesNotContain(t.id).contains(kept.id);
        assertThat(rows(kept.id).get(0)).as("the other exercise is untouched").isPositive();
        assertThat(delete(t.id, t.id, t.facilitatorToken).status()).isEqualTo(404);
    }

    /** Rows of the exercise in each table that holds some. */
    private List<Integer> rows(String id) {
        return List.of("exercise_event", "command_receipt", "exercise_snapshot", "exercise", "join_code", "player").stream()
                .map(table -> jdbc.queryForObject("select count(*) from " + table + " where exercise_id = ?", Integer.class, id))
                .toList();
    }

    private Wire.Response delete(String id, String confirm, String token) {
        return wire.post("/api/exercises/" + id + "/delete", confirm == null ? Map.of() : Map.of("confirm", confirm), token);
    }

    private static List<String> ids(JsonNode list) {
        return list.findValuesAsString("id");
    }

    private String otherFacilitator() {
        String name = "other-" + System.nanoTime();
        assertThat(wire.post("/api/accounts", Map.of("username", name, "password", "another-long-password"), wire.login()).status())
                .isEqualTo(201);
        return wire.post("/api/login", Map.of("username", name, "password", "another-long-password"), null).body().get("token").asString();
    }
}
