package org.hotline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps docs/model.md's generated tables true: between each pair of markers the file must hold what
 * the tests compute. Run with {@code -Dhotline.writeModelDoc=true} to write them (see README).
 */
final class ModelDocument {

    static final Path FILE = Path.of("docs/model.md");

    private ModelDocument() {
    }

    static void check(String tables) {
        section("calibration", tables);
    }

    static void section(String name, String generated) {
        String begin = "<!-- generated:" + name + " (do not edit; see README) -->\n";
        String end = "<!-- end:" + name + " -->";
        try {
            String text = Files.readString(FILE, StandardCharsets.UTF_8);
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            assertThat(from).as("docs/model.md has the marker " + begin.strip()).isNotNegative();
            assertThat(to).as("docs/model.md has the marker " + end).isGreaterThan(from);
            String current = text.substring(from + begin.length(), to);
            if (Boolean.getBoolean("hotline.writeModelDoc")) {
                Files.writeString(FILE, text.substring(0, from + begin.length()) + generated + text.substring(to), StandardCharsets.UTF_8);
                return;
            }
            assertThat(current).as("docs/model.md's " + name + " table is what the engine now gives; regenerate it (see README)")
                    .isEqualTo(generated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
