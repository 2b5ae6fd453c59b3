package org.hotline.live.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.hotline.access.AccessRefused;
import org.hotline.access.Caller;
import org.hotline.exercise.CommandRejected;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioCatalog;
import org.hotline.scenario.ScenarioFiles;
import org.hotline.scenario.ScenarioProblem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checks a scenario file a facilitator is about to add, with the same reader and rules as the server's
 * own loading, and answers its problems by file, line and field. Nothing is stored: a file without
 * problems is offered once it is in the folder of {@code hotline.scenarios.folder} and the server restarts.
 */
@RestController
class ScenarioCheckApi {

    static final int MAX_CHARS = 500_000;

    record Upload(String fileName, String text) {
    }

    record Problem(String file, int line, String field, String message) {
    }

    record Checked(boolean ok, String id, String title, Integer turns, List<Problem> problems) {
    }

    @PostMapping("/api/scenarios/check")
    Checked check(@AuthenticationPrincipal Caller caller, @RequestBody Upload upload) {
        if (caller == null || !caller.facilitator()) {
            throw new AccessRefused(403, "FORBIDDEN", "Only a facilitator checks scenario files");
        }
        String name = upload.fileName() == null ? "" : Path.of(upload.fileName().strip()).getFileName().toString();
        if (!name.matches("[A-Za-z0-9._-]{1,100}\\.ya?ml")) {
            throw new CommandRejected("INVALID", "fileName: a .yaml or .yml file name (letters, digits, dot, dash, underscore)");
        }
        if (upload.text() == null || upload.text().isBlank() || upload.text().length() > MAX_CHARS) {
            throw new CommandRejected("INVALID", "text: the file's contents, 1 to " + MAX_CHARS + " characters");
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("hotline-scenario-check-");
            Path file = folder.resolve(name);
            Files.writeString(file, upload.text(), StandardCharsets.UTF_8);
            ScenarioCatalog catalog = ScenarioFiles.load(folder);
            List<Problem> problems = catalog.problems().stream().filter(p -> p.file().equals(file.toString()))
                    .map(p -> new Problem(name, p.line(), p.field(), p.message())).toList();
            Scenario scenario = catalog.scenarios().stream().filter(s -> s.source().equals(file.toString())).findFirst().orElse(null);
            if (scenario == null && problems.isEmpty()) {
                problems = List.of(new Problem(name, 0, "(file)", "not read as a scenario; " + others(catalog.problems())));
            }
            return new Checked(scenario != null && problems.isEmpty(), scenario == null ? null : scenario.id(),
                    scenario == null ? null : scenario.title(), scenario == null ? null : scenario.turns(), problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(folder);
        }
    }

    private static String others(List<ScenarioProblem> problems) {
        return problems.isEmpty() ? "no scenario in it" : problems.get(0).message();
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind is removed by the system.
        }
    }
}
