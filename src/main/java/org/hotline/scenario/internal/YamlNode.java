package org.hotline.scenario.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it stands in its file (line, and the field path from the root),
 * so that every refusal can name the file, the line and the field.
 */
sealed interface YamlNode {

    int line();

    String path();

    /** What the value is, in words for a message ("a list", "a mapping", "text 'abc'"). */
    String describe();

    record Mapping(int line, String path, Map<String, YamlNode> entries) implements YamlNode {
        public Mapping {
            entries = new LinkedHashMap<>(entries);
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Sequence(int line, String path, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar; {@code kind} tells how YAML typed it, {@code text} is its text (null for a YAML null). */
    record Scalar(int line, String path, Kind kind, String text) implements YamlNode {

        enum Kind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

        @Override
        public String describe() {
            return switch (kind) {
                case NULL -> "no value";
                case STRING -> "text '" + text + "'";
                default -> "'" + text + "'";
            };
        }
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }
}
