package org.hotline.review.internal;

import org.hotline.access.AccessRefused;
import org.hotline.access.Caller;
import org.hotline.access.Role;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.ExerciseSummary;
import org.hotline.exercise.Exercises;
import org.hotline.exercise.Member;
import org.hotline.exercise.Phase;
import org.springframework.stereotype.Component;

/**
 * Who may see an exercise's review, decided on the server: its owning facilitator (at any time),
 * analyst accounts (once it has ended), and its players once the facilitator has released the review.
 * Nobody else: not other facilitators, observers or notetakers.
 */
@Component
class ReviewAccess {

    enum Standing { OWNER, ANALYST, PLAYER }

    record Grant(ExerciseSummary exercise, Standing standing, String name) {
    }

    private final Exercises exercises;
    private final ReviewStore store;

    ReviewAccess(Exercises exercises, ReviewStore store) {
        this.exercises = exercises;
        this.store = store;
    }

    Grant read(Caller caller, String exerciseId) {
        ExerciseSummary exercise = exercises.summary(exerciseId)
                .orElseThrow(() -> new CommandRejected("UNKNOWN_EXERCISE", "No exercise '" + exerciseId + "'"));
        if (caller == null) {
            throw new AccessRefused(401, "UNAUTHORIZED", "A valid token is required");
        }
        if (caller.kind() == Caller.Kind.ACCOUNT) {
            if (caller.facilitator() && exercise.owner().equals(caller.username())) {
                return new Grant(exercise, Standing.OWNER, caller.username());
            }
            if (caller.accountRoles().contains(Role.ANALYST)) {
                if (exercise.phase() != Phase.ENDED) {
                    throw new CommandRejected("WRONG_PHASE", "Analysts see an exercise's review once it has ended; it is in "
                            + exercise.phase());
                }
                return new Grant(exercise, Standing.ANALYST, caller.username());
            }
            throw new AccessRefused(403, "FORBIDDEN", "This exercise's review belongs to its facilitator and to analysts");
        }
        Member member = exerciseId.equals(caller.exerciseId()) ? exercises.member(exerciseId, caller.playerId()).orElse(null) : null;
        if (member == null || member.removed() || member.role() != Role.PLAYER) {
            throw new AccessRefused(403, "FORBIDDEN", "Only the players of this exercise may see its review, once it is released");
        }
        if (!store.released(exerciseId)) {
            throw new AccessRefused(403, "FORBIDDEN", "The facilitator has not released this exercise's review yet");
        }
        return new Grant(exercise, Standing.PLAYER, member.name());
    }

    /** The owning facilitator only: editing and releasing the report, branching. */
    Grant own(Caller caller, String exerciseId) {
        Grant grant = read(caller, exerciseId);
        if (grant.standing() != Standing.OWNER) {
            throw new AccessRefused(403, "FORBIDDEN", "Only the exercise's facilitator may do this");
        }
        return grant;
    }
}
