package org.hotline.scenario.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hotline.scenario.Finding;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioCatalog;
import org.hotline.scenario.ScenarioFiles;
import org.hotline.scenario.ScenarioFolder;
import org.hotline.scenario.ScenarioProblem;

/**
 * The catalogue the server plays from: the jar's scenarios and the scenarios folder's, reloaded when a
 * facilitator adds a file. A new file may not reuse a loaded scenario's id or an existing file's name,
 * so that a running exercise's rules never change under it and no loaded scenario is refused by the
 * reload; if the reload still loses one, the new file is taken out again.
 */
final class FolderCatalog implements ScenarioCatalog, ScenarioFolder {

    private final Path folder;
    /** A folder named in the configuration must exist; the default one is used once something is added. */
    private final boolean configured;
    private volatile ScenarioCatalog current;

    FolderCatalog(Path folder, boolean configured) {
        this.folder = folder;
        this.configured = configured;
        this.current = load();
    }

    private ScenarioCatalog load() {
        return configured || Files.isDirectory(folder) ? ScenarioFiles.load(folder) : ScenarioFiles.loadBundled();
    }

    @Override
    public List<Scenario> scenarios() {
        return current.scenarios();
    }

    @Override
    public Optional<Scenario> find(String id) {
        return current.find(id);
    }

    @Override
    public Scenario defaultScenario() {
        return current.defaultScenario();
    }

    @Override
    public Map<String, Finding> findings() {
        return current.findings();
    }

    @Override
    public List<ScenarioProblem> problems() {
        return current.problems();
    }

    @Override
    public Checked check(String fileName, String text) {
        String name = fileName(fileName);
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("hotline-scenario-check-");
            Path file = scratch.resolve(name);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            ScenarioCatalog read = ScenarioFiles.load(scratch);
            List<ScenarioProblem> problems = read.problems().stream().filter(p -> p.file().equals(file.toString()))
                    .map(p -> new ScenarioProblem(name, p.line(), p.field(), p.message())).toList();
            Scenario scenario = read.scenarios().stream().filter(s -> s.source().equals(file.toString())).findFirst().orElse(null);
            if (scenario == null && problems.isEmpty()) {
                problems = List.of(new ScenarioProblem(name, 0, "(file)", "not read as a scenario; "
                        + (read.problems().isEmpty() ? "no scenario in it" : read.problems().get(0).message())));
            }
            if (scenario != null && current.find(scenario.id()).isPresent()) {
                problems = List.of(new ScenarioProblem(name, 0, "id", "a scenario with the id '" + scenario.id()
                        + "' is already offered (“" + current.find(scenario.id()).get().title() + "”); give this one an id of its own"));
            }
            return new Checked(problems.isEmpty() ? scenario : null, problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(scratch);
        }
    }

    @Override
    public synchronized Checked add(String fileName, String text) {
        Checked checked = check(fileName, text);
        if (!checked.ok()) {
            return checked;
        }
        String name = fileName(fileName);
        Path target = folder.resolve(name);
        if (Files.exists(target)) {
            return new Checked(null, List.of(new ScenarioProblem(name, 0, "(file)",
                    "a file of this name is already in the scenarios folder; rename the new one")));
        }
        try {
            Files.createDirectories(folder);
            Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            return new Checked(null, List.of(new ScenarioProblem(name, 0, "(file)",
                    "could not be written to the scenarios folder " + folder + ": " + e.getMessage())));
        }
        ScenarioCatalog next = ScenarioFiles.load(folder);
        Optional<Scenario> added = next.scenarios().stream().filter(s -> s.source().equals(target.toString())).findFirst();
        boolean nothingLost = current.scenarios().stream().allMatch(s -> next.find(s.id()).isPresent());
        if (added.isEmpty() || !nothingLost) {
            delete(target);
            return new Checked(null, List.of(new ScenarioProblem(name, 0, "(file)",
                    "the server could not offer it beside the scenarios it has; nothing was added")));
        }
        current = next;
        return new Checked(added.get(), List.of());
    }

    /** Only a plain file name: no folder part can reach outside the scenarios folder. */
    private static String fileName(String fileName) {
        String name = fileName == null ? "" : Path.of(fileName.strip()).getFileName().toString();
        if (!name.matches("[A-Za-z0-9._-]{1,100}\\.ya?ml") || name.startsWith(".")) {
            throw new IllegalArgumentException("fileName: a .yaml or .yml file name (letters, digits, dot, dash, underscore)");
        }
        return name;
    }

    private static void delete(Path path) {
        if (path == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary file left behind is removed by the system.
        }
    }
}
