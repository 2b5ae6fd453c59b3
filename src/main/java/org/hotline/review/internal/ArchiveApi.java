package org.hotline.review.internal;

import java.util.List;
import java.util.Map;
import org.hotline.access.AccessRefused;
import org.hotline.access.Caller;
import org.hotline.exercise.ExerciseArchive;
import org.hotline.exercise.ExerciseSummary;
import org.hotline.exercise.Exercises;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Archiving and deleting an exercise, for its facilitator (docs/protocol.md section 2). */
@RestController
class ArchiveApi {

    private final ExerciseArchive archive;
    private final Exercises exercises;

    ArchiveApi(ExerciseArchive archive, Exercises exercises) {
        this.archive = archive;
        this.exercises = exercises;
    }

    @PostMapping("/api/exercises/{id}/archive")
    Map<String, Object> archive(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        archive.archive(facilitator(caller), id);
        return Map.of("exerciseId", id, "archived", true);
    }

    @GetMapping("/api/exercises/archived")
    List<ExerciseSummary> archived(@AuthenticationPrincipal Caller caller) {
        return archive.archivedBy(facilitator(caller)).stream().map(exercises::summary).flatMap(java.util.Optional::stream)
                .sorted(java.util.Comparator.comparing(ExerciseSummary::created).reversed()).toList();
    }

    record Confirmation(String confirm) {
    }

    @PostMapping("/api/exercises/{id}/delete")
    Map<String, Object> delete(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                               @RequestBody(required = false) Confirmation confirmation) {
        archive.delete(facilitator(caller), id, confirmation == null ? null : confirmation.confirm());
        return Map.of("exerciseId", id, "deleted", true);
    }

    private static String facilitator(Caller caller) {
        if (caller == null || !caller.facilitator()) {
            throw new AccessRefused(403, "FORBIDDEN", "Only the exercise's own facilitator may archive or delete it");
        }
        return caller.username();
    }
}
