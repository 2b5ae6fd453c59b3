package org.hotline.exercise.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.exercise.Channel;
import org.hotline.exercise.ExerciseEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events one command makes, applied to a working copy of the state as they are made (later
 * checks see earlier effects). Nothing here is visible until the batch is committed.
 */
public class Batch {

    private final ExerciseState state;
    private final Projector projector;
    private final JsonMapper json;
    private final long now;
    private final String actor;
    private final List<ExerciseEvent> events = new ArrayList<>();

    public Batch(ExerciseState state, Projector projector, JsonMapper json, long now, String actor) {
        this.state = state;
        this.projector = projector;
        this.json = json;
        this.now = now;
        this.actor = actor;
    }

    public ExerciseState state() {
        return state;
    }

    public long now() {
        return now;
    }

    public List<ExerciseEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public long nextSeq() {
        return state.lastSeq + 1;
    }

    public void emit(String type, Channel channel, Map<String, ?> payload) {
        ExerciseEvent draft = new ExerciseEvent(state.id, state.lastSeq + 1, type, state.turn, state.phase,
                Instant.ofEpochMilli(now), actor, channel, json.valueToTree(payload));
        projector.apply(state, draft);
        // The envelope shows the turn and phase the event leaves the exercise in.
        ExerciseEvent event = new ExerciseEvent(draft.exerciseId(), draft.seq(), type, state.turn, state.phase,
                draft.time(), actor, channel, draft.payload());
        events.add(event);
    }

    /** A payload map from name-value pairs; values may be null (a plain Map.of refuses them). */
    public static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
