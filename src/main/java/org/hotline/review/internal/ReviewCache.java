package org.hotline.review.internal;

import java.util.List;
import java.util.function.UnaryOperator;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.ExerciseEventsAppended;
import org.hotline.exercise.ExerciseSummary;
import org.hotline.scenario.Scenario;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The last review computed for each exercise, so that reading it again does not re-adjudicate the
 * whole log nor write its answer again. An entry holds for as long as the exercise has no newer event
 * (the log's last seq is the key) and the scenario it was read with is still the loaded one. A new
 * event makes it stale: its written answer is dropped at once, and the next read computes the review
 * afresh from the entry's log and the events after it (the log only grows; nothing is computed before
 * someone reads). The memory is bounded by the events the entries hold together (a few megabytes per
 * thousand events, with the written answer), the least recently read going first.
 */
@Component
class ReviewCache {

    /**
     * The events all cached reviews may hold together, each counted three times: in the whole log, in the
     * log as stored, and in the written answer (about as large as either): sixteen 1,000-event exercises.
     */
    private static final long MAX_EVENTS = 50_000;

    private final Cache<String, ReviewData> byExercise = Caffeine.newBuilder().maximumWeight(MAX_EVENTS)
            .weigher((String id, ReviewData data) -> Math.max(1, 3 * data.log.size())).build();

    /**
     * The cached review when it is of this exercise at its last seq and of this scenario; otherwise
     * {@code read} once, given the stale entry (null when there is none) to take the start of the log from.
     */
    ReviewData get(ExerciseSummary exercise, Scenario scenario, UnaryOperator<ReviewData> read) {
        ReviewData cached = byExercise.getIfPresent(exercise.id());
        long cachedSeq = cached == null ? -1 : lastSeq(cached.logged);
        if (cached != null && cached.scenario == scenario && cachedSeq == exercise.lastSeq()) {
            return cached;
        }
        ReviewData fresh = read.apply(cached != null && cachedSeq < exercise.lastSeq() ? cached : null);
        byExercise.put(exercise.id(), fresh);
        return fresh;
    }

    @EventListener
    void appended(ExerciseEventsAppended appended) {
        ReviewData stale = byExercise.getIfPresent(appended.exerciseId());
        if (stale != null) {
            stale.written.clear();
        }
    }

    static long lastSeq(List<ExerciseEvent> log) {
        return log.isEmpty() ? 0 : log.get(log.size() - 1).seq();
    }
}
