package org.hotline.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finding ids (docs/design.md section 5) attached to an effect or a roll, with a bit mask so that an issue
 * can collect the ids behind its outcome without building lists on the hot path.
 */
record Tag(List<String> ids, long mask) {

    private static final List<String> CATALOGUE = List.of(
            "B1", "B2", "B3", "B4", "K1", "K2", "M1", "M2", "M3", "M4", "M5", "M6",
            "F1", "F2", "F3", "F4", "F5", "F6", "R1", "R2", "R3", "R4", "R5", "R6", "CS1", "CS2", "CS3", "CS4");
    private static final Map<Long, List<String>> BY_MASK = new ConcurrentHashMap<>();

    static Tag of(String... ids) {
        long mask = 0;
        for (String id : ids) {
            int bit = CATALOGUE.indexOf(id);
            if (bit < 0) {
                throw new IllegalArgumentException("Unknown finding id " + id);
            }
            mask |= 1L << bit;
        }
        return new Tag(List.of(ids), mask);
    }

    /**
     * The ids of a mask, in catalogue order; each distinct mask's list is built once. A plain read first:
     * computeIfAbsent locks the map's bin even when the key is there, and analysis threads call this
     * for every issue of every turn, so the lock alone kept two threads from running faster than one.
     */
    static List<String> ids(long mask) {
        List<String> known = BY_MASK.get(mask);
        return known != null ? known : BY_MASK.computeIfAbsent(mask, Tag::build);
    }

    private static List<String> build(long mask) {
        List<String> ids = new ArrayList<>(Long.bitCount(mask));
        for (int bit = 0; bit < CATALOGUE.size(); bit++) {
            if ((mask & (1L << bit)) != 0) {
                ids.add(CATALOGUE.get(bit));
            }
        }
        return List.copyOf(ids);
    }
}
