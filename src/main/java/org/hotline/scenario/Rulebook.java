package org.hotline.scenario;

import java.util.List;
import java.util.Map;

/**
 * Every coefficient and threshold the mechanisms use, each naming the finding ids it encodes.
 * A scenario's rulebook is the shared rulebook file with the scenario's overrides applied.
 */
public record Rulebook(String version, Map<String, Entry> entries) {

    public record Entry(String key, double value, double min, double max, String description, List<String> findings) {
    }

    public double value(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            throw new IllegalArgumentException("No rulebook entry '" + key + "'");
        }
        return entry.value();
    }
}
