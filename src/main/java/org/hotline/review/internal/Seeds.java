package org.hotline.review.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Which seed each turn was played with. An exercise plays with its own seed; a branch started with a
 * new seed keeps, in EXERCISE_CREATED's {@code earlierSeeds}, the seeds its copied turns were played
 * with, so that its log still re-adjudicates to the same states.
 *
 * @param earlier each entry covers the turns up to {@code throughTurn} not covered by an earlier entry
 */
record Seeds(long seed, List<Earlier> earlier) {

    record Earlier(int throughTurn, long seed) {
    }

    static Seeds of(JsonNode created) {
        List<Earlier> earlier = new ArrayList<>();
        for (JsonNode entry : created.path("earlierSeeds")) {
            earlier.add(new Earlier(entry.get("throughTurn").asInt(), entry.get("seed").asLong()));
        }
        earlier.sort(Comparator.comparingInt(Earlier::throughTurn));
        return new Seeds(created.get("seed").asLong(), List.copyOf(earlier));
    }

    long forTurn(int turn) {
        return earlier.stream().filter(e -> turn <= e.throughTurn()).findFirst().map(Earlier::seed).orElse(seed);
    }

    /** The seeds a branch from {@code turn} played with {@code newSeed} records for the turns it copies. */
    List<Map<String, Object>> forBranch(int turn, long newSeed) {
        List<Map<String, Object>> entries = new ArrayList<>();
        boolean differs = false;
        for (int t = 1; t <= turn; t++) {
            long used = forTurn(t);
            differs |= used != newSeed;
            Map<String, Object> last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            if (last != null && (long) last.get("seed") == used) {
                last.put("throughTurn", t);
            } else {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("throughTurn", t);
                entry.put("seed", used);
                entries.add(entry);
            }
        }
        if (!differs) {
            return List.of();
        }
        return entries;
    }
}
