package org.hotline.review.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hotline.exercise.EventPayload.EarlierSeed;
import org.hotline.exercise.EventPayload.ExerciseCreated;

/**
 * Which seed each turn was played with. An exercise plays with its own seed; a branch started with a
 * new seed keeps, in EXERCISE_CREATED's {@code earlierSeeds}, the seeds its copied turns were played
 * with, so that its log still re-adjudicates to the same states.
 *
 * @param earlier each entry covers the turns up to {@code throughTurn} not covered by an earlier entry
 */
record Seeds(long seed, List<EarlierSeed> earlier) {

    static Seeds of(ExerciseCreated created) {
        List<EarlierSeed> earlier = new ArrayList<>(created.earlierSeeds() == null ? List.of() : created.earlierSeeds());
        earlier.sort(Comparator.comparingInt(EarlierSeed::throughTurn));
        return new Seeds(created.seed(), List.copyOf(earlier));
    }

    long forTurn(int turn) {
        return earlier.stream().filter(e -> turn <= e.throughTurn()).findFirst().map(EarlierSeed::seed).orElse(seed);
    }

    /** The seeds a branch from {@code turn} played with {@code newSeed} records for the turns it copies. */
    List<EarlierSeed> forBranch(int turn, long newSeed) {
        List<EarlierSeed> entries = new ArrayList<>();
        boolean differs = false;
        for (int t = 1; t <= turn; t++) {
            long used = forTurn(t);
            differs |= used != newSeed;
            EarlierSeed last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            if (last != null && last.seed() == used) {
                entries.set(entries.size() - 1, new EarlierSeed(t, used));
            } else {
                entries.add(new EarlierSeed(t, used));
            }
        }
        return differs ? entries : List.of();
    }
}
