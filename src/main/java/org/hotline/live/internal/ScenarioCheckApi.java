package org.hotline.live.internal;

import java.util.List;
import java.util.function.BiFunction;
import org.hotline.access.AccessRefused;
import org.hotline.access.Caller;
import org.hotline.exercise.CommandRejected;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioFolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checks a scenario file a facilitator is about to add, with the same reader and rules as the server's
 * own loading, and answers its problems by file, line and field; adding one stores a clean file in the
 * scenarios folder and offers it at once, without a restart.
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

    private final ScenarioFolder folder;

    ScenarioCheckApi(ScenarioFolder folder) {
        this.folder = folder;
    }

    @PostMapping("/api/scenarios/check")
    Checked check(@AuthenticationPrincipal Caller caller, @RequestBody Upload upload) {
        return answer(caller, upload, folder::check);
    }

    @PostMapping("/api/scenarios/add")
    ResponseEntity<Checked> add(@AuthenticationPrincipal Caller caller, @RequestBody Upload upload) {
        Checked checked = answer(caller, upload, folder::add);
        return ResponseEntity.status(checked.ok() ? 201 : 422).body(checked);
    }

    private static Checked answer(Caller caller, Upload upload, BiFunction<String, String, ScenarioFolder.Checked> work) {
        if (caller == null || !caller.facilitator()) {
            throw new AccessRefused(403, "FORBIDDEN", "Only a facilitator checks and adds scenario files");
        }
        if (upload.text() == null || upload.text().isBlank() || upload.text().length() > MAX_CHARS) {
            throw new CommandRejected("INVALID", "text: the file's contents, 1 to " + MAX_CHARS + " characters");
        }
        ScenarioFolder.Checked checked;
        try {
            checked = work.apply(upload.fileName(), upload.text());
        } catch (IllegalArgumentException badName) {
            throw new CommandRejected("INVALID", badName.getMessage());
        }
        Scenario s = checked.scenario();
        return new Checked(checked.ok(), s == null ? null : s.id(), s == null ? null : s.title(), s == null ? null : s.turns(),
                checked.problems().stream().map(p -> new Problem(p.file(), p.line(), p.field(), p.message())).toList());
    }
}
