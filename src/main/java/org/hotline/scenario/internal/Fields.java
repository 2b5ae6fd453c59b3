package org.hotline.scenario.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of one YAML mapping, read by name. A required field that is missing is a problem
 * naming the field and the mapping's line; {@link #finish()} refuses fields nobody read (typos).
 */
final class Fields {

    private final YamlNode.Mapping mapping;
    private final Values values;
    private final Set<String> known = new HashSet<>();

    Fields(YamlNode.Mapping mapping, Values values) {
        this.mapping = mapping;
        this.values = values;
    }

    int line() {
        return mapping.line();
    }

    String path() {
        return mapping.path();
    }

    /** Every entry in file order, empty values included, for mappings keyed by id (moves, overrides). */
    Map<String, YamlNode> entries() {
        known.addAll(mapping.entries().keySet());
        return mapping.entries();
    }

    Optional<YamlNode> optional(String key) {
        known.add(key);
        YamlNode node = mapping.entries().get(key);
        if (node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Scalar.Kind.NULL) {
            return Optional.empty();
        }
        return Optional.ofNullable(node);
    }

    /** The field's value, or empty with a "missing field" problem. */
    Optional<YamlNode> required(String key) {
        Optional<YamlNode> node = optional(key);
        if (node.isEmpty()) {
            values.problems().at(mapping.line(), YamlNode.child(mapping.path(), key), "missing required field '" + key + "'");
        }
        return node;
    }

    String text(String key) {
        return required(key).map(values::text).orElse(null);
    }

    String text(String key, String fallback) {
        return optional(key).map(values::text).orElse(fallback);
    }

    Double number(String key, double min, double max) {
        return required(key).map(n -> values.number(n, min, max)).orElse(null);
    }

    Double number(String key, double min, double max, double fallback) {
        return optional(key).map(n -> values.number(n, min, max)).orElse(fallback);
    }

    Integer integer(String key, int min, int max) {
        return required(key).map(n -> values.integer(n, min, max)).orElse(null);
    }

    Integer integer(String key, int min, int max, int fallback) {
        return optional(key).map(n -> values.integer(n, min, max)).orElse(fallback);
    }

    Boolean bool(String key, boolean fallback) {
        return optional(key).map(values::bool).orElse(fallback);
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, String noun) {
        return required(key).map(n -> values.choice(n, type, noun)).orElse(null);
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, String noun, E fallback) {
        return optional(key).map(n -> values.choice(n, type, noun)).orElse(fallback);
    }

    Fields fields(String key) {
        return required(key).map(values::fields).orElse(null);
    }

    Optional<Fields> optionalFields(String key) {
        return optional(key).map(values::fields);
    }

    List<YamlNode> list(String key) {
        return required(key).map(values::list).orElse(List.of());
    }

    List<YamlNode> optionalList(String key) {
        return optional(key).map(values::list).orElse(List.of());
    }

    /** Refuses every field that no read asked for: a misspelt field must not silently fall back. */
    void finish() {
        for (var entry : mapping.entries().entrySet()) {
            if (!known.contains(entry.getKey())) {
                values.problems().at(entry.getValue(), "unknown field '" + entry.getKey() + "'; expected one of "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
    }
}
