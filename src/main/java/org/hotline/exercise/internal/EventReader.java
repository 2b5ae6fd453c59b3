package org.hotline.exercise.internal;

import java.time.Instant;
import org.hotline.exercise.Channel;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.EventType;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.Phase;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads an event written elsewhere (an imported log): its type says which record the payload is.
 * Missing parts stay null so that the importer names what is missing.
 */
public class EventReader extends ValueDeserializer<ExerciseEvent> {

    @Override
    public ExerciseEvent deserialize(JsonParser parser, DeserializationContext context) {
        JsonNode node = context.readTree(parser);
        EventType type = type(context, node.path("type").asString(null));
        JsonNode payload = node.get("payload");
        EventPayload data = type == null || payload == null || payload.isNull() ? null
                : context.readTreeAsValue(payload, type.payloadType());
        return new ExerciseEvent(node.path("exerciseId").asString(null), node.path("seq").asLong(0), type,
                node.path("turn").asInt(0), value(context, node.get("phase"), Phase.class),
                value(context, node.get("time"), Instant.class), node.path("actor").asString(null),
                value(context, node.get("channel"), Channel.class), data);
    }

    private EventType type(DeserializationContext context, String name) {
        if (name == null) {
            return null;
        }
        try {
            return EventType.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return context.reportInputMismatch(this, "No event type '%s'", name);
        }
    }

    private static <T> T value(DeserializationContext context, JsonNode node, Class<T> type) {
        return node == null || node.isNull() ? null : context.readTreeAsValue(node, type);
    }
}
