package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who may (still) join: nobody once the exercise has ended, and not a removed player with the code they had. */
class JoinTest extends WireTest {

    @Test
    void aRemovedPlayerCannotJoinAgainWithTheirTeamsOldCode() {
        Table t = new Table("AUTOMATIC", Map.of());
        String oldCode = t.created.get("joinCodes").get("MOSCOW").asString();
        t.control(Map.of("type", "REMOVE_PLAYER", "playerId", t.m1Seat.get("playerId").asString()));
        assertThat(wire.get("/api/exercises/" + t.id, t.m1Seat.get("token").asString()).status()).isEqualTo(401);
        Wire.Response again = wire.post("/api/join", Map.of("code", oldCode, "name", "Oleg again"), null);
        assertThat(again.status()).isEqualTo(403);

        JsonNode codes = wire.get("/api/exercises/" + t.id, t.facilitatorToken).body().get("joinCodes");
        assertThat(codes.get("MOSCOW").asString()).isNotEqualTo(oldCode);
        assertThat(codes.get("WASHINGTON").asString()).isEqualTo(t.created.get("joinCodes").get("WASHINGTON").asString());
        assertThat(wire.join(codes.get("MOSCOW").asString(), "Sasha").get("side").asString()).isEqualTo("MOSCOW");
    }

    @Test
    void nobodyJoinsAnEndedExercise() {
        Table t = new Table("AUTOMATIC", Map.of());
        t.control(Map.of("type", "END"));
        for (String seat : new String[] {"WASHINGTON", "MOSCOW", "OBSERVER", "NOTETAKER"}) {
            Wire.Response late = wire.post("/api/join", Map.of("code", t.created.get("joinCodes").get(seat).asString(), "name", "Late"), null);
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.body().get("code").asString()).isEqualTo("WRONG_PHASE");
            assertThat(late.body().get("message").asString()).contains("ended");
        }
    }
}
