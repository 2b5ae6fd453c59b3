package org.hotline.scenario.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hotline.scenario.Finding;

/** Reads exercises/findings.yaml, the finding catalogue (docs/design.md section 5). */
final class FindingsReader {

    /** What a catalogue entry is; stored in {@link Finding#kind()} in lower case with dashes. */
    enum Kind { BENEFIT, COST, BENEFIT_CIRCUMSTANCE, COST_CIRCUMSTANCE, FINDING, RECOMMENDATION, CASE }

    private FindingsReader() {
    }

    /** The findings by id, or an empty map if the file has any problem (recorded in {@code problems}). */
    static Map<String, Finding> read(String text, Problems problems) {
        Values values = new Values(problems);
        Fields file = values.document(text).orElse(null);
        if (file == null) {
            return Map.of();
        }
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (YamlNode node : file.list("findings")) {
            Fields entry = values.fields(node);
            if (entry == null) {
                continue;
            }
            String id = Ids.findingId(entry, problems);
            Kind kind = entry.choice("kind", Kind.class, "finding kind");
            String title = entry.text("title");
            String body = entry.text("text");
            String citation = entry.text("citation");
            entry.finish();
            if (id != null && findings.containsKey(id)) {
                problems.at(node, "duplicate finding id '" + id + "'");
            } else if (id != null && kind != null) {
                findings.put(id, new Finding(id, kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), title, body, citation));
            }
        }
        file.finish();
        return problems.any() ? Map.of() : Map.copyOf(findings);
    }
}
