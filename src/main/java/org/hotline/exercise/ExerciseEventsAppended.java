package org.hotline.exercise;

import java.util.List;

/**
 * Published after a batch of events is committed, in sequence order, for delivery to clients. Each
 * event's payload comes with the JSON the log holds for it ({@code payloads}, in the same order), so
 * that it is written once for the log and the clients, and with the seq of the event before it on its
 * channel ({@code previous}, 0 for the channel's first), which live clients check for losses.
 */
public record ExerciseEventsAppended(String exerciseId, List<ExerciseEvent> events, List<String> payloads, List<Long> previous) {
}
