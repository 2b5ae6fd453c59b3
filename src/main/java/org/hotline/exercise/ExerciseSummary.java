package org.hotline.exercise;

import java.time.Instant;
import java.util.Map;

/** An exercise as lists show it; deadline is null when none runs, remainingSeconds set when paused. */
public record ExerciseSummary(
        String id,
        String scenarioId,
        String title,
        String owner,
        Mode mode,
        Phase phase,
        int turn,
        int turns,
        Instant deadline,
        boolean paused,
        Long remainingSeconds,
        Map<Phase, Integer> timers,
        long lastSeq,
        Instant created) {
}
