package org.hotline.exercise;

import java.util.Map;

/**
 * What a facilitator gives to create an exercise; seed, timers (seconds per phase) and name are
 * optional. Without a name the exercise is called after its scenario.
 */
public record NewExercise(String scenarioId, Mode mode, Long seed, Map<Phase, Integer> timers, String name) {

    public static final int NAME_LIMIT = 120;

    public NewExercise(String scenarioId, Mode mode, Long seed, Map<Phase, Integer> timers) {
        this(scenarioId, mode, seed, timers, null);
    }
}
