package org.hotline.exercise;

import java.util.Map;

/** What a facilitator gives to create an exercise; seed and timers (seconds per phase) are optional. */
public record NewExercise(String scenarioId, Mode mode, Long seed, Map<Phase, Integer> timers) {
}
