package org.hotline.exercise.internal;

import java.util.ArrayList;
import java.util.List;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.EventType;
import org.hotline.exercise.ExerciseEvent;

/** A log written elsewhere (an import, a branch), checked and renumbered to a new exercise. */
public final class CopiedLog {

    private CopiedLog() {
    }

    /**
     * The events under the new id, projected into {@code state} as they are read. The log must start
     * with EXERCISE_CREATED and number its events 1, 2, 3… with no gap; the first event that does
     * not fit is named.
     */
    public static List<ExerciseEvent> project(List<ExerciseEvent> log, String id, ExerciseState state, Projector projector) {
        if (log.isEmpty() || log.get(0) == null || log.get(0).type() != EventType.EXERCISE_CREATED) {
            throw new CommandRejected("INVALID", "events: a log starts with EXERCISE_CREATED");
        }
        List<ExerciseEvent> events = new ArrayList<>();
        for (ExerciseEvent e : log) {
            long expected = events.size() + 1L;
            if (e == null || e.seq() != expected || e.type() == null || e.phase() == null || e.time() == null
                    || e.channel() == null || e.payload() == null) {
                throw new CommandRejected("INVALID", "events[" + (expected - 1) + "]: seq " + expected
                        + " with type, turn, phase, time, channel and payload expected");
            }
            ExerciseEvent event = e.with(id, e.payload());
            try {
                projector.apply(state, event);
            } catch (RuntimeException bad) {
                throw new CommandRejected("INVALID", "events[" + (expected - 1) + "] (" + e.type() + "): " + bad.getMessage());
            }
            events.add(event);
        }
        return events;
    }
}
