package org.hotline.exercise.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.hotline.exercise.Channel;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.Phase;
import tools.jackson.databind.json.JsonMapper;

/**
 * The projected state of each exercise in progress, kept in memory; an ended one is rebuilt from its
 * snapshot when asked. One lock per exercise: commands on one exercise are handled one at a time.
 */
public class Projections {

    private final EventLog eventLog;
    private final Projector projector;
    private final JsonMapper json;
    private final ConcurrentMap<String, ExerciseState> running = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Long> snapshotSeq = new ConcurrentHashMap<>();

    public Projections(EventLog eventLog, Projector projector, JsonMapper json) {
        this.eventLog = eventLog;
        this.projector = projector;
        this.json = json;
    }

    public Object lock(String exerciseId) {
        return locks.computeIfAbsent(exerciseId, id -> new Object());
    }

    public Optional<ExerciseState> find(String exerciseId) {
        ExerciseState state = running.get(exerciseId);
        if (state != null) {
            return Optional.of(state);
        }
        if (exerciseId == null || !eventLog.exists(exerciseId)) {
            return Optional.empty();
        }
        synchronized (lock(exerciseId)) {
            return Optional.of(load(exerciseId));
        }
    }

    /** The latest snapshot plus the events after it. */
    public ExerciseState load(String exerciseId) {
        ExerciseState cached = running.get(exerciseId);
        if (cached != null) {
            return cached;
        }
        ExerciseState state = eventLog.latestSnapshot(exerciseId).orElseGet(ExerciseState::new);
        snapshotSeq.put(exerciseId, state.lastSeq);
        for (ExerciseEvent event : eventLog.events(exerciseId, state.lastSeq, Set.of(Channel.values()), Integer.MAX_VALUE)) {
            projector.apply(state, event);
        }
        keep(state);
        return state;
    }

    /** The cached state with the events other nodes appended since (one indexed query when there are none). */
    public ExerciseState caughtUp(ExerciseState cached) {
        synchronized (lock(cached.id)) {
            ExerciseState current = find(cached.id).orElse(cached);
            List<ExerciseEvent> newer = eventLog.events(current.id, current.lastSeq, Set.of(Channel.values()), Integer.MAX_VALUE);
            if (newer.isEmpty()) {
                return current;
            }
            ExerciseState next = current.copy();
            newer.forEach(event -> projector.apply(next, event));
            keep(next);
            return next;
        }
    }

    /** The committed state becomes the one commands are checked against (ended ones are let go). */
    public void keep(ExerciseState state) {
        if (state.phase == Phase.ENDED) {
            running.remove(state.id);
        } else {
            running.put(state.id, state);
        }
    }

    public boolean snapshotDue(ExerciseState state, int every) {
        return state.lastSeq - snapshotSeq.getOrDefault(state.id, 0L) >= every;
    }

    public void snapshotTaken(ExerciseState state) {
        snapshotSeq.put(state.id, state.lastSeq);
    }
}
