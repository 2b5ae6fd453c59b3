package org.hotline.exercise;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One entry of the log, as every client receives it (docs/protocol.md, section 5). */
public record ExerciseEvent(
        String exerciseId,
        long seq,
        String type,
        int turn,
        Phase phase,
        Instant time,
        String actor,
        Channel channel,
        JsonNode payload) {
}
