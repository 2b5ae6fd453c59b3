package org.hotline.bots;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.bots.internal.Playbooks;
import org.hotline.scenario.Scenario;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The strategies a computer-played team can use, read from exercises/strategies.yaml. Plain Java:
 * the command line, the analysis module and live seats read the same file.
 *
 * <pre>{@code
 * Strategies all = Strategies.bundled();
 * Strategy grit = all.create("grit", scenario);   // throws with a plain message for an unknown id
 * }</pre>
 */
public final class Strategies {

    public static final String FILE = "exercises/strategies.yaml";

    private final Map<String, StrategySpec> specs;
    private final String contentHash;

    private Strategies(Map<String, StrategySpec> specs, String contentHash) {
        this.specs = specs;
        this.contentHash = contentHash;
    }

    /** The file the jar carries (loaded once). */
    public static Strategies bundled() {
        return Bundled.STRATEGIES;
    }

    /**
     * Reads a strategies file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong
     */
    @SuppressWarnings("unchecked")
    public static Strategies read(String text, String name) {
        Map<String, Object> root;
        try {
            root = new YAMLMapper().readValue(text, Map.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(name + ": not valid YAML: " + e.getOriginalMessage());
        }
        Object list = root == null ? null : root.get("strategies");
        if (!(list instanceof List<?> entries)) {
            throw new IllegalArgumentException(name + ": needs a list 'strategies'");
        }
        Map<String, StrategySpec> specs = new LinkedHashMap<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> fields) || !(fields.get("id") instanceof String id) || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new IllegalArgumentException(name + ": every strategy needs an id in lower case with hyphens, such as 'core-first'");
            }
            String kind = fields.get("kind") instanceof String k ? k : id;
            if (!Playbooks.KINDS.contains(kind)) {
                throw new IllegalArgumentException(name + ": strategy '" + id + "' plays kind '" + kind + "'; the kinds are "
                        + String.join(", ", Playbooks.KINDS.stream().sorted().toList()));
            }
            if (specs.containsKey(id)) {
                throw new IllegalArgumentException(name + ": strategy '" + id + "' is defined twice");
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            if (fields.get("parameters") instanceof Map<?, ?> given) {
                Playbooks.flatten("", given, parameters);
            }
            specs.put(id, new StrategySpec(id, kind, text(fields, "name", id), text(fields, "argument", ""),
                    text(fields, "description", ""), Map.copyOf(parameters)));
        }
        return new Strategies(specs, sha256(text));
    }

    private static String text(Map<?, ?> fields, String key, String fallback) {
        Object value = fields.get(key);
        return value == null ? fallback : String.valueOf(value).strip();
    }

    public List<StrategySpec> specs() {
        return List.copyOf(specs.values());
    }

    public Optional<StrategySpec> find(String id) {
        return Optional.ofNullable(specs.get(id));
    }

    /** SHA-256 of the file's text: results record it, so a later reader knows which parameters played. */
    public String contentHash() {
        return contentHash;
    }

    /**
     * A strategy ready to play a scenario (either side).
     *
     * @throws IllegalArgumentException for an unknown id, a malformed parameter, or a strategy the
     *                                  scenario cannot support (historical without a track)
     */
    public Strategy create(String id, Scenario scenario) {
        StrategySpec spec = specs.get(id);
        if (spec == null) {
            throw new IllegalArgumentException("Unknown strategy '" + id + "'; the strategies are " + String.join(", ", specs.keySet()));
        }
        return Playbooks.create(spec, spec.kind(), scenario);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static final class Bundled {
        static final Strategies STRATEGIES = load();

        private static Strategies load() {
            try (InputStream in = Strategies.class.getClassLoader().getResourceAsStream(FILE)) {
                if (in == null) {
                    throw new IllegalStateException(FILE + " is missing from the build");
                }
                return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), FILE);
            } catch (IOException e) {
                throw new IllegalStateException(FILE + " cannot be read: " + e.getMessage(), e);
            }
        }
    }
}
