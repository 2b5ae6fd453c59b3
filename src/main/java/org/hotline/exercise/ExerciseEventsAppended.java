package org.hotline.exercise;

import java.util.List;

/** Published after a batch of events is committed, in sequence order, for delivery to clients. */
public record ExerciseEventsAppended(String exerciseId, List<ExerciseEvent> events) {
}
