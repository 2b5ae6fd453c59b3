package org.hotline.scenario.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hotline.scenario.Finding;

/** The shapes ids must have, and checks of references to the finding catalogue. */
final class Ids {

    /** Lower case, digits and dashes: safe in variable paths (which use dots) and in URLs. */
    static final Pattern PLAIN = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern FINDING = Pattern.compile("[A-Z]{1,2}[0-9]{1,2}");

    private Ids() {
    }

    static String plainId(Fields fields, String key, Problems problems) {
        String id = fields.text(key);
        if (id != null && !PLAIN.matcher(id).matches()) {
            problems.at(fields.line(), YamlNode.child(fields.path(), key),
                    "'" + id + "' is not a valid id: use lower-case letters, digits and dashes, starting with a letter");
            return null;
        }
        return id;
    }

    static String findingId(Fields fields, Problems problems) {
        String id = fields.text("id");
        if (id != null && !FINDING.matcher(id).matches()) {
            problems.at(fields.line(), YamlNode.child(fields.path(), "id"), "'" + id + "' is not a finding id such as B1, M6 or CS4");
            return null;
        }
        return id;
    }

    /** Reads a list of finding ids, each of which must be in the catalogue. */
    static List<String> findingRefs(Fields fields, String key, Map<String, Finding> catalogue, Values values) {
        return fields.optionalList(key).stream()
                .map(node -> {
                    String id = values.text(node);
                    if (id != null && !catalogue.containsKey(id)) {
                        values.problems().at(node, "unknown finding id '" + id + "'; the catalogue (findings.yaml) has "
                                + String.join(", ", catalogue.keySet().stream().sorted().toList()));
                        return null;
                    }
                    return id;
                })
                .filter(id -> id != null)
                .toList();
    }
}
