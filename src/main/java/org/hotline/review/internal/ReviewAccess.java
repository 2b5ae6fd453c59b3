package org.hotline.review.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.access.AccessRefused;
import org.hotline.access.Caller;
import org.hotline.access.Role;
import org.hotline.exercise.Channel;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.EventType;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.ExerciseArchive;
import org.hotline.exercise.ExerciseSummary;
import org.hotline.exercise.Exercises;
import org.hotline.exercise.Member;
import org.hotline.exercise.Phase;
import org.springframework.stereotype.Component;

/**
 * Who may see an exercise's review, and how much, decided on the server in one rule ({@link #decide})
 * that the list and every read use: its owning facilitator (at any time), analyst accounts (once it
 * has ended), and its players once the facilitator has released the review. Nobody else: not other
 * facilitators, observers or notetakers. Players see what the teams did, not the staff's notes or
 * facilitator-only injects (docs/design.md section 4, visibility).
 */
@Component
class ReviewAccess {

    enum Standing { OWNER, ANALYST, PLAYER }

    record Grant(ExerciseSummary exercise, Standing standing, String name) {

        boolean staff() {
            return standing != Standing.PLAYER;
        }

        /** The part of the log this reader may see. */
        List<ExerciseEvent> visible(List<ExerciseEvent> log) {
            return ReviewAccess.visible(log, staff());
        }
    }

    /** The part of the log the staff ({@code staff}) or the players may see. */
    static List<ExerciseEvent> visible(List<ExerciseEvent> log, boolean staff) {
        return staff ? log : log.stream().filter(e -> e.channel() != Channel.STAFF
                && !(e.channel() == Channel.CONTROL && e.type() == EventType.INJECT_RELEASED)).toList();
    }

    /** A grant, or the refusal that says why not. */
    private record Verdict(Grant grant, RuntimeException refusal) {
    }

    private final Exercises exercises;
    private final ReviewStore store;
    private final ExerciseArchive archive;

    ReviewAccess(Exercises exercises, ReviewStore store, ExerciseArchive archive) {
        this.exercises = exercises;
        this.store = store;
        this.archive = archive;
    }

    Grant read(Caller caller, String exerciseId) {
        ExerciseSummary exercise = exercises.summary(exerciseId)
                .orElseThrow(() -> new CommandRejected("UNKNOWN_EXERCISE", "No exercise '" + exerciseId + "'"));
        Verdict verdict = decide(caller, exercise);
        if (verdict.refusal() != null) {
            throw verdict.refusal();
        }
        return verdict.grant();
    }

    /** The owning facilitator only: editing and releasing the report, branching. */
    Grant own(Caller caller, String exerciseId) {
        Grant grant = read(caller, exerciseId);
        if (grant.standing() != Standing.OWNER) {
            throw new AccessRefused(403, "FORBIDDEN", "Only the exercise's facilitator may do this");
        }
        return grant;
    }

    /** Every review the caller may read, newest first. */
    List<Grant> readable(Caller caller) {
        Map<String, ExerciseSummary> candidates = new LinkedHashMap<>();
        if (caller != null && caller.kind() == Caller.Kind.ACCOUNT) {
            // Where to look, not who may see: the rule below decides each one.
            if (caller.facilitator()) {
                exercises.ownedBy(caller.username()).forEach(e -> candidates.put(e.id(), e));
                // Archived exercises leave "Your exercises" but stay reviewable.
                archive.archivedBy(caller.username()).forEach(id -> exercises.summary(id).ifPresent(e -> candidates.put(id, e)));
            }
            if (caller.accountRoles().contains(Role.ANALYST)) {
                exercises.all().forEach(e -> candidates.putIfAbsent(e.id(), e));
            }
        } else if (caller != null && caller.exerciseId() != null) {
            exercises.summary(caller.exerciseId()).ifPresent(e -> candidates.put(e.id(), e));
        }
        return candidates.values().stream().map(e -> decide(caller, e)).filter(v -> v.grant() != null).map(Verdict::grant).toList();
    }

    private Verdict decide(Caller caller, ExerciseSummary exercise) {
        if (caller == null) {
            return refused(new AccessRefused(401, "UNAUTHORIZED", "A valid token is required"));
        }
        if (caller.kind() == Caller.Kind.ACCOUNT) {
            if (caller.facilitator() && exercise.owner().equals(caller.username())) {
                return granted(exercise, Standing.OWNER, caller.username());
            }
            if (caller.accountRoles().contains(Role.ANALYST)) {
                return exercise.phase() == Phase.ENDED ? granted(exercise, Standing.ANALYST, caller.username())
                        : refused(new CommandRejected("WRONG_PHASE", "Analysts see an exercise's review once it has ended; it is in "
                                + exercise.phase()));
            }
            return refused(new AccessRefused(403, "FORBIDDEN", "This exercise's review belongs to its facilitator and to analysts"));
        }
        Member member = exercise.id().equals(caller.exerciseId()) ? exercises.member(exercise.id(), caller.playerId()).orElse(null) : null;
        if (member == null || member.removed() || member.role() != Role.PLAYER) {
            return refused(new AccessRefused(403, "FORBIDDEN", "Only the players of this exercise may see its review, once it is released"));
        }
        if (!store.released(exercise.id())) {
            return refused(new AccessRefused(403, "FORBIDDEN", "The facilitator has not released this exercise's review yet"));
        }
        return granted(exercise, Standing.PLAYER, member.name());
    }

    private static Verdict granted(ExerciseSummary exercise, Standing standing, String name) {
        return new Verdict(new Grant(exercise, standing, name), null);
    }

    private static Verdict refused(RuntimeException refusal) {
        return new Verdict(null, refusal);
    }
}
