package org.hotline.scenario.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hotline.scenario.ScenarioFiles;

/** Loads classpath files (fixtures and the bundled exercises) through the loader's own entry point. */
final class Fixtures {

    private Fixtures() {
    }

    static ExerciseLoader.SourceFile file(String resource) {
        return new ExerciseLoader.SourceFile(resource, () -> {
            try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new UncheckedIOException(new IOException("no such resource " + resource));
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static ExerciseLoader.SourceFile text(String name, String text) {
        return new ExerciseLoader.SourceFile(name, () -> text);
    }

    /** Scenario files loaded with the fixture rulebook and the bundled finding catalogue. */
    static ScenarioLibrary load(ExerciseLoader.SourceFile... scenarios) {
        return ExerciseLoader.load(file("fixtures/rulebook.yaml"), file("exercises/findings.yaml"), List.of(scenarios),
                ScenarioFiles.DEFAULT_SCENARIO);
    }
}
