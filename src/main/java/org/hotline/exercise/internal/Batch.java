package org.hotline.exercise.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hotline.engine.GameState;
import org.hotline.exercise.Channel;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.EventType;
import org.hotline.exercise.ExerciseEvent;

/**
 * The events one command makes, applied to a working copy of the state as they are made (later
 * checks see earlier effects). Nothing here is visible until the batch is committed.
 */
public class Batch {

    private final ExerciseState state;
    private final Projector projector;
    private final long now;
    private final String actor;
    private final List<ExerciseEvent> events = new ArrayList<>();
    private final List<Long> previous = new ArrayList<>();

    public Batch(ExerciseState state, Projector projector, long now, String actor) {
        this.state = state;
        this.projector = projector;
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

    /** For each event, the seq of the one before it on its channel (0 for the channel's first). */
    public List<Long> previous() {
        return Collections.unmodifiableList(previous);
    }

    public long nextSeq() {
        return state.lastSeq + 1;
    }

    public void emit(Channel channel, EventPayload payload) {
        emit(channel, payload, null);
    }

    /**
     * The facilitator's state or draft ({@code logged}: as changes from the last state) with the state
     * those changes lead to, which this server has just computed: the projection takes it rather than
     * applying the changes again (a tenth of a seal's time: the state to JSON and back).
     */
    public void emitState(Channel channel, EventPayload logged, GameState applied) {
        emit(channel, logged, applied);
    }

    private void emit(Channel channel, EventPayload payload, GameState applied) {
        EventType type = EventType.of(payload);
        ExerciseEvent draft = new ExerciseEvent(state.id, state.lastSeq + 1, type, state.turn, state.phase,
                Instant.ofEpochMilli(now), actor, channel, payload);
        previous.add(state.channelSeqs.getOrDefault(channel, 0L));
        projector.apply(state, draft, applied);
        // The envelope shows the turn and phase the event leaves the exercise in.
        events.add(new ExerciseEvent(draft.exerciseId(), draft.seq(), type, state.turn, state.phase, draft.time(), actor,
                channel, payload));
    }
}
