package org.hotline.exercise;

import java.time.Instant;
import org.hotline.exercise.internal.EventReader;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One entry of the log, as every client receives it (docs/protocol.md, section 5). The payload's
 * record is the one its type names.
 */
@JsonDeserialize(using = EventReader.class)
public record ExerciseEvent(
        String exerciseId,
        long seq,
        EventType type,
        int turn,
        Phase phase,
        Instant time,
        String actor,
        Channel channel,
        EventPayload payload) {

    public ExerciseEvent {
        if (type != null && payload != null && type.payloadType() != payload.getClass()) {
            throw new IllegalArgumentException(type + " carries " + type.payloadType().getSimpleName() + ", not "
                    + payload.getClass().getSimpleName());
        }
    }

    /** The same event under another exercise id, or with another payload of its type (a copied log). */
    public ExerciseEvent with(String newExerciseId, EventPayload newPayload) {
        return new ExerciseEvent(newExerciseId, seq, type, turn, phase, time, actor, channel, newPayload);
    }

    /** The payload as the record its type names; {@code ClassCastException} if asked for another. */
    public <T extends EventPayload> T payload(Class<T> expected) {
        return expected.cast(payload);
    }
}
