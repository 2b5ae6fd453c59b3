package org.hotline.exercise;

import java.util.EnumMap;
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

    /** The name without surrounding blanks, empty when none was given. */
    public String checkedName() {
        String checked = name == null ? "" : name.strip();
        if (checked.length() > NAME_LIMIT) {
            throw new CommandRejected("INVALID", "name: at most " + NAME_LIMIT + " characters");
        }
        return checked;
    }

    /** The timers, each a timed phase with 0 (none) to 86400 seconds. */
    public Map<Phase, Integer> checkedTimers() {
        Map<Phase, Integer> checked = new EnumMap<>(Phase.class);
        if (timers != null) {
            timers.forEach((phase, seconds) -> {
                if (!phase.timed() || seconds == null || seconds < 0 || seconds > 86_400) {
                    throw new CommandRejected("INVALID", "timers: 0 to 86400 seconds for BRIEFING, DELIBERATION, ORDERS, RESULTS");
                }
                checked.put(phase, seconds);
            });
        }
        return checked;
    }
}
