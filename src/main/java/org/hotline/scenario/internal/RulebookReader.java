package org.hotline.scenario.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.scenario.Finding;
import org.hotline.scenario.Rulebook;

/**
 * Reads exercises/rulebook.yaml: every coefficient and threshold, keyed by name, with its value, the
 * range a scenario override may move it in, a description and its finding ids.
 */
final class RulebookReader {

    private RulebookReader() {
    }

    /** The rulebook, or null if the file has any problem (recorded in {@code problems}). */
    static Rulebook read(String text, Map<String, Finding> findings, Problems problems) {
        Values values = new Values(problems);
        Fields file = values.document(text).orElse(null);
        if (file == null) {
            return null;
        }
        String version = file.text("version");
        Map<String, Rulebook.Entry> entries = new LinkedHashMap<>();
        Fields all = file.fields("entries");
        for (var keyed : all != null ? all.entries().entrySet() : Set.<Map.Entry<String, YamlNode>>of()) {
            String key = keyed.getKey();
            YamlNode node = keyed.getValue();
            Fields entry = values.fields(node);
            if (entry == null) {
                continue;
            }
            Double min = entry.number("min", -Double.MAX_VALUE, Double.MAX_VALUE);
            Double max = entry.number("max", -Double.MAX_VALUE, Double.MAX_VALUE);
            boolean rangeOk = min != null && max != null && min <= max;
            if (min != null && max != null && min > max) {
                problems.at(node, "min " + Values.format(min) + " is above max " + Values.format(max));
            }
            Double value = entry.required("value")
                    .map(n -> values.number(n, rangeOk ? min : -Double.MAX_VALUE, rangeOk ? max : Double.MAX_VALUE))
                    .orElse(null);
            String description = entry.text("description");
            entry.required("findings");
            List<String> refs = Ids.findingRefs(entry, "findings", findings, values);
            entry.finish();
            if (value != null && rangeOk) {
                entries.put(key, new Rulebook.Entry(key, value, min, max, description, refs));
            }
        }
        file.finish();
        return problems.any() ? null : new Rulebook(version, Collections.unmodifiableMap(entries));
    }
}
