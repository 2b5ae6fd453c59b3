package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.exercise.Exercises;
import org.hotline.exercise.Mode;
import org.hotline.exercise.NewExercise;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Creating an exercise and issuing its join codes is one transaction: nothing is half-created. */
class CreateExerciseTest extends WireTest {

    @Autowired
    Exercises exercises;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFailureWhileIssuingJoinCodesLeavesNoExercise() {
        String owner = "owner-" + System.nanoTime();
        AtomicReference<String> id = new AtomicReference<>();
        assertThatThrownBy(() -> exercises.create(owner, new NewExercise(wire.scenarioId(), Mode.AUTOMATIC, 3L, Map.of()), created -> {
            id.set(created);
            jdbc.update("insert into join_code (code, exercise_id, role, side) values (?, ?, 'OBSERVER', null)", "CODE-" + created, created);
            throw new IllegalStateException("join codes could not be stored");
        })).hasMessageContaining("join codes could not be stored");

        assertThat(id.get()).isNotNull();
        assertThat(exercises.ownedBy(owner)).isEmpty();
        assertThat(exercises.summary(id.get())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from join_code where exercise_id = ?", Integer.class, id.get())).isZero();
    }

    @Test
    void aCreatedExerciseHasItsJoinCodesStored() {
        String token = wire.login();
        Map<String, ?> codes = wire.json.convertValue(wire.create(token, "AUTOMATIC", Map.of()).get("joinCodes"), Map.class);
        assertThat(codes).containsOnlyKeys("WASHINGTON", "MOSCOW", "OBSERVER", "NOTETAKER");
    }
}
