package org.hotline.scenario;

import java.nio.file.Path;
import java.util.Optional;
import org.hotline.scenario.internal.ExerciseLoader;

/**
 * Loads scenario files without Spring: for the engine's calibration tests, the benchmark and batch
 * runs. The server gets the same catalogue as a bean ({@link ScenarioCatalog}).
 *
 * <pre>{@code
 * Scenario cs1 = ScenarioFiles.bundled("cs1-anglo-russian");     // throws if it did not load
 * ScenarioCatalog all = ScenarioFiles.loadBundled();              // every file in the jar's exercises/
 * ScenarioCatalog mine = ScenarioFiles.load(Path.of("my-scenarios")); // plus a folder of one's own
 * }</pre>
 *
 * Refused files are listed in {@link ScenarioCatalog#problems()}, never thrown.
 */
public final class ScenarioFiles {

    /** The scenario offered first: Washington and Moscow after the war in Ukraine. */
    public static final String DEFAULT_SCENARIO = "future-after-ukraine";

    private ScenarioFiles() {
    }

    /** The scenarios, findings and rulebook the jar carries in exercises/ (loaded once; immutable). */
    public static ScenarioCatalog loadBundled() {
        return Bundled.CATALOG;
    }

    /** The jar's scenarios and those in a folder of the user's own (*.yaml, *.yml). */
    public static ScenarioCatalog load(Path userFolder) {
        return ExerciseLoader.load(Optional.of(userFolder), DEFAULT_SCENARIO);
    }

    /**
     * One bundled scenario by id.
     *
     * @throws IllegalStateException naming the problems if it is missing or was refused
     */
    public static Scenario bundled(String id) {
        ScenarioCatalog catalog = loadBundled();
        return catalog.find(id).orElseThrow(() -> new IllegalStateException(
                "Bundled scenario '" + id + "' did not load. Problems: " + catalog.problems()));
    }

    /** Loaded on first use only, then shared. */
    private static final class Bundled {
        static final ScenarioCatalog CATALOG = ExerciseLoader.load(Optional.empty(), DEFAULT_SCENARIO);
    }
}
