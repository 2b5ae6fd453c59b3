package org.hotline.scenario.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hotline.scenario.Finding;
import org.hotline.scenario.Rulebook;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioCatalog;
import org.hotline.scenario.ScenarioProblem;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads the finding catalogue, the rulebook and the scenario files into a {@link ScenarioCatalog}.
 * Each file is accepted whole or refused with its problems; a refused file never stops the others.
 * Uses spring-core's resource resolver only to list the files inside the jar; no application context.
 */
public final class ExerciseLoader {

    public static final String RULEBOOK = "rulebook.yaml";
    public static final String FINDINGS = "findings.yaml";
    /** The computer-played strategies' parameters (bots module), not a scenario. */
    public static final String STRATEGIES = "strategies.yaml";
    private static final String BUNDLED = "exercises/";

    /** A file to load: its name for messages, and its text (reading may fail). */
    public record SourceFile(String name, Supplier<String> text) {
    }

    private ExerciseLoader() {
    }

    /** The files in the jar's exercises/ folder, then the user's folder (if any). */
    public static ScenarioCatalog load(Optional<Path> userFolder, String defaultId) {
        List<ScenarioProblem> problems = new ArrayList<>();
        Map<String, SourceFile> bundled = bundled(problems);
        List<SourceFile> scenarioFiles = new ArrayList<>(bundled.values().stream()
                .filter(f -> !f.name().equals(BUNDLED + RULEBOOK) && !f.name().equals(BUNDLED + FINDINGS)
                        && !f.name().equals(BUNDLED + STRATEGIES)).toList());
        userFolder.ifPresent(folder -> scenarioFiles.addAll(folder(folder, problems)));
        SourceFile rulebook = bundled.get(BUNDLED + RULEBOOK);
        SourceFile findings = bundled.getOrDefault(BUNDLED + FINDINGS, missing(BUNDLED + FINDINGS));
        ScenarioLibrary library = load(rulebook, findings, scenarioFiles, defaultId);
        problems.addAll(library.problems());
        return new ScenarioLibrary(library.scenarios(), library.findings(), problems, defaultId);
    }

    /**
     * Loads the given files; later files whose scenario id is already taken are refused. A rulebook
     * file that is absent ({@code rulebookFile} null) is reported, and the scenarios load with an empty
     * rulebook (so that overrides are refused); one that is present but broken refuses every scenario.
     */
    public static ScenarioLibrary load(SourceFile rulebookFile, SourceFile findingsFile, List<SourceFile> scenarioFiles,
            String defaultId) {
        List<ScenarioProblem> problems = new ArrayList<>();
        Problems findingProblems = new Problems(findingsFile.name());
        Map<String, Finding> findings = read(findingsFile, findingProblems).map(t -> FindingsReader.read(t, findingProblems))
                .orElse(Map.of());
        problems.addAll(findingProblems.list());
        Rulebook rulebook;
        String rulebookName = rulebookFile != null ? rulebookFile.name() : BUNDLED + RULEBOOK;
        if (rulebookFile == null) {
            problems.add(new ScenarioProblem(rulebookName, 0, "(file)",
                    "the file is missing: scenarios load without a rulebook and their overrides are refused"));
            rulebook = new Rulebook("none", Map.of());
        } else {
            Problems rulebookProblems = new Problems(rulebookName);
            rulebook = read(rulebookFile, rulebookProblems).map(t -> RulebookReader.read(t, findings, rulebookProblems))
                    .orElse(null);
            problems.addAll(rulebookProblems.list());
        }

        ScenarioReader reader = new ScenarioReader(findings, rulebook);
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        for (SourceFile file : scenarioFiles) {
            Problems fileProblems = new Problems(file.name());
            if (rulebook == null || findings.isEmpty()) {
                fileProblems.at(0, "(file)", "not loaded: " + (rulebook == null ? rulebookName : findingsFile.name())
                        + " did not load (see its problems)");
            } else {
                try {
                    read(file, fileProblems).flatMap(text -> reader.read(text, fileProblems))
                            .ifPresent(scenario -> scenarios.put(scenario.id(), scenario));
                } catch (RuntimeException e) {
                    // A reader defect must cost one file, not the catalogue; the message, not a trace.
                    fileProblems.at(0, "(file)", "could not be read (a loader defect; please report it): "
                            + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
                }
            }
            problems.addAll(fileProblems.list());
        }
        return new ScenarioLibrary(List.copyOf(scenarios.values()), findings, List.copyOf(problems), defaultId);
    }

    private static Optional<String> read(SourceFile file, Problems problems) {
        try {
            return Optional.of(file.text().get());
        } catch (UncheckedIOException e) {
            problems.at(0, "(file)", "cannot be read: " + e.getCause().getMessage());
            return Optional.empty();
        }
    }

    private static SourceFile missing(String name) {
        return new SourceFile(name, () -> {
            throw new UncheckedIOException(new IOException("the file is missing"));
        });
    }

    private static Map<String, SourceFile> bundled(List<ScenarioProblem> problems) {
        Map<String, SourceFile> files = new LinkedHashMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(ExerciseLoader.class.getClassLoader())
                    .getResources("classpath:/" + BUNDLED + "*.yaml");
            Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
            for (Resource resource : resources) {
                files.put(BUNDLED + resource.getFilename(), new SourceFile(BUNDLED + resource.getFilename(), () -> {
                    try {
                        return resource.getContentAsString(StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
        } catch (IOException e) {
            problems.add(new ScenarioProblem(BUNDLED, 0, "(folder)", "cannot list the bundled scenarios: " + e.getMessage()));
        }
        return files;
    }

    /** The *.yaml and *.yml files of a user's folder, by name. */
    public static List<SourceFile> folder(Path folder, List<ScenarioProblem> problems) {
        if (!Files.isDirectory(folder)) {
            problems.add(new ScenarioProblem(folder.toString(), 0, "hotline.scenarios.folder", "no such folder"));
            return List.of();
        }
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml") && Files.isRegularFile(p))
                    .sorted()
                    .map(p -> new SourceFile(p.toString(), () -> {
                        try {
                            return Files.readString(p, StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }))
                    .toList();
        } catch (IOException e) {
            problems.add(new ScenarioProblem(folder.toString(), 0, "hotline.scenarios.folder", "cannot list the folder: " + e.getMessage()));
            return List.of();
        }
    }
}
