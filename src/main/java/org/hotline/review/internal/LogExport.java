package org.hotline.review.internal;

import java.time.Instant;
import java.util.List;
import org.hotline.exercise.ExerciseEvent;

/**
 * The complete log of one exercise as a file (docs/protocol.md, "Log export"): every event in its
 * envelope, on every channel. {@code schema} and {@code version} say how to read it; a server
 * refuses a version it does not know rather than guess.
 */
record LogExport(String schema, Integer version, Instant exported, Source exercise, List<ExerciseEvent> events) {

    static final String SCHEMA = "hotline.exercise-log";
    static final int VERSION = 1;

    record Source(String id, String scenarioId, String title, String mode, String phase, int turn, long lastSeq) {
    }
}
