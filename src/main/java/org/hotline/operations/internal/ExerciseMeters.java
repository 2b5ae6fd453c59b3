package org.hotline.operations.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.ExerciseEventsAppended;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Exercises in progress (read from the shared exercise index, so every node of a cluster reports the
 * same number) and the events this node committed, by type.
 */
@Component
class ExerciseMeters {

    private final MeterRegistry registry;
    private final Map<String, Counter> appended = new ConcurrentHashMap<>();

    ExerciseMeters(MeterRegistry registry, JdbcTemplate jdbc) {
        this.registry = registry;
        Gauge.builder("hotline.exercises.running", jdbc, db -> running(db))
                .description("Exercises created and not yet ended").register(registry);
    }

    @EventListener
    void appended(ExerciseEventsAppended batch) {
        for (ExerciseEvent event : batch.events()) {
            appended.computeIfAbsent(event.type().name(), type -> Counter.builder("hotline.events.appended").tag("type", type)
                    .description("Events committed to the log by this node").register(registry)).increment();
        }
    }

    private static double running(JdbcTemplate db) {
        Long count = db.queryForObject("select count(*) from exercise where phase <> 'ENDED'", Long.class);
        return count == null ? 0 : count;
    }
}
