package org.hotline.scenario.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.scenario.ScenarioProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Parses YAML text into {@link YamlNode}s with line numbers, using Jackson's YAML token stream.
 * Syntax errors and duplicate keys become {@link ScenarioProblem}s, never exceptions.
 */
final class YamlReader {

    private static final YAMLMapper MAPPER = new YAMLMapper();

    private final String file;
    private final List<ScenarioProblem> problems;

    YamlReader(String file, List<ScenarioProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The document's root, or null when the text is not YAML (the problem is recorded). */
    YamlNode read(String text) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new ScenarioProblem(file, 1, "(file)", "the file is empty"));
                return null;
            }
            return value(parser, "", parser.currentTokenLocation().getLineNr());
        } catch (JacksonException e) {
            int line = e.getLocation() != null ? Math.max(1, e.getLocation().getLineNr()) : 1;
            problems.add(new ScenarioProblem(file, line, "(yaml)", "not valid YAML: " + firstLine(e.getOriginalMessage())));
            return null;
        }
    }

    /** {@code containerLine}: where a mapping or list starts; for a key's value, the key's line. */
    private YamlNode value(JsonParser parser, String path, int containerLine) {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> mapping(parser, path, containerLine);
            case START_ARRAY -> sequence(parser, path, containerLine);
            case VALUE_STRING -> new YamlNode.Scalar(line, path, YamlNode.Scalar.Kind.STRING, parser.getString());
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(line, path, YamlNode.Scalar.Kind.INTEGER, parser.getString());
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(line, path, YamlNode.Scalar.Kind.DECIMAL, parser.getString());
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(line, path, YamlNode.Scalar.Kind.BOOLEAN, parser.getString());
            case VALUE_NULL -> new YamlNode.Scalar(line, path, YamlNode.Scalar.Kind.NULL, null);
            default -> new YamlNode.Scalar(line, path, YamlNode.Scalar.Kind.STRING, parser.getString());
        };
    }

    private YamlNode mapping(JsonParser parser, String path, int line) {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            int keyLine = parser.currentTokenLocation().getLineNr();
            parser.nextToken();
            YamlNode child = value(parser, YamlNode.child(path, key), keyLine);
            if (entries.containsKey(key)) {
                problems.add(new ScenarioProblem(file, keyLine, YamlNode.child(path, key),
                        "the key is given twice (first on line " + entries.get(key).line() + ")"));
            } else {
                entries.put(key, child);
            }
        }
        return new YamlNode.Mapping(line, path, entries);
    }

    private YamlNode sequence(JsonParser parser, String path, int line) {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(parser, YamlNode.item(path, items.size()), parser.currentTokenLocation().getLineNr()));
        }
        return new YamlNode.Sequence(line, path, items);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.strip().lines().findFirst().orElse("unreadable");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
