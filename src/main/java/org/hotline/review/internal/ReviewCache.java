package org.hotline.review.internal;

import java.util.List;
import java.util.function.Supplier;
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
 * whole log. An entry holds for as long as the exercise has no newer event (the log's last seq is
 * the key) and the scenario it was read with is still the loaded one; a new event drops it. The
 * memory is bounded by the events the entries hold together (a few megabytes per thousand events),
 * the least recently read going first.
 */
@Component
class ReviewCache {

    /** The events all cached reviews may hold together: fifty 1,000-event exercises. */
    private static final long MAX_EVENTS = 50_000;

    private final Cache<String, ReviewData> byExercise = Caffeine.newBuilder().maximumWeight(MAX_EVENTS)
            .weigher((String id, ReviewData data) -> Math.max(1, data.log.size())).build();

    /** The cached review when it is of this exercise at its last seq and of this scenario; otherwise {@code read} once. */
    ReviewData get(ExerciseSummary exercise, Scenario scenario, Supplier<ReviewData> read) {
        ReviewData cached = byExercise.getIfPresent(exercise.id());
        if (cached != null && cached.scenario == scenario && lastSeq(cached.log) == exercise.lastSeq()) {
            return cached;
        }
        ReviewData fresh = read.get();
        byExercise.put(exercise.id(), fresh);
        return fresh;
    }

    @EventListener
    void appended(ExerciseEventsAppended appended) {
        byExercise.invalidate(appended.exerciseId());
    }

    private static long lastSeq(List<ExerciseEvent> log) {
        return log.isEmpty() ? 0 : log.get(log.size() - 1).seq();
    }
}
