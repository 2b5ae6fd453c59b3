package org.hotline.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every hotline.* key the code reads or the configuration files set is described in the metadata the
 * configuration processor writes from the *Settings records (what an IDE shows an operator).
 */
class ConfigurationMetadataTest {

    private static final Pattern IN_CODE = Pattern.compile("(?:\\$\\{|name = \")(hotline\\.[a-z0-9.-]+)");
    private static final Pattern IN_PROPERTIES = Pattern.compile("(?m)^(hotline\\.[a-z0-9.-]+)=");

    @Test
    void everyHotlineKeyHasADescription() throws IOException {
        Map<String, JsonNode> described = metadata();
        Set<String> used = new TreeSet<>();
        used.addAll(keys(Path.of("src/main/java"), ".java", IN_CODE));
        used.addAll(keys(Path.of("src/main/resources"), ".properties", IN_PROPERTIES));
        assertThat(used).isNotEmpty();
        assertThat(used).as("keys with no metadata").isSubsetOf(described.keySet());
        assertThat(described.values()).as("keys with no description")
                .allSatisfy(p -> assertThat(p.path("description").asString("")).hasSizeGreaterThan(10));
    }

    private static Map<String, JsonNode> metadata() throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's output on the class path").isNotNull();
            JsonNode properties = JsonMapper.builder().build().readTree(in).path("properties");
            return StreamSupport.stream(properties.spliterator(), false)
                    .filter(p -> p.path("name").asString().startsWith("hotline."))
                    .collect(Collectors.toMap(p -> p.path("name").asString(), Function.identity()));
        }
    }

    private static Set<String> keys(Path root, String suffix, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }
}
