package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A facilitator may name an exercise; without a name it is called after its scenario; a name too long is refused. */
class ExerciseNameTest extends WireTest {

    @Test
    void anExerciseTakesItsNameOrItsScenariosTitle() {
        String token = wire.login();
        Wire.Response named = wire.post("/api/exercises", Map.of("scenarioId", wire.scenarioId(), "mode", "AUTOMATIC",
                "name", "  Staff college, group B  "), token);
        assertThat(named.status()).isEqualTo(201);
        assertThat(named.body().get("title").asString()).isEqualTo("Staff college, group B");
        String id = named.body().get("id").asString();
        assertThat(wire.get("/api/exercises/" + id, token).body().get("title").asString()).isEqualTo("Staff college, group B");
        assertThat(wire.get("/api/exercises", token).body().findValuesAsString("title")).contains("Staff college, group B");

        Wire.Response plain = wire.post("/api/exercises", Map.of("scenarioId", wire.scenarioId(), "mode", "AUTOMATIC", "name", " "), token);
        assertThat(plain.body().get("title").asString()).isNotBlank().isNotEqualTo("Staff college, group B");
        assertThat(wire.get("/api/scenarios", null).body().findValuesAsString("title")).contains(plain.body().get("title").asString());

        Wire.Response tooLong = wire.post("/api/exercises", Map.of("scenarioId", wire.scenarioId(), "mode", "AUTOMATIC",
                "name", "x".repeat(121)), token);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("message").asString()).contains("name", "120");
    }
}
