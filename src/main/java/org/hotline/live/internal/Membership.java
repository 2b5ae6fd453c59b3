package org.hotline.live.internal;

import org.hotline.access.Caller;
import org.hotline.access.Role;
import org.hotline.exercise.Actor;
import org.hotline.exercise.Channel;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.ExerciseSummary;
import org.hotline.exercise.Exercises;
import org.hotline.exercise.Member;
import org.hotline.scenario.Side;
import org.springframework.stereotype.Component;

/**
 * Where a caller sits in one exercise now: the owning facilitator, or a seat on the roster (which the
 * facilitator may have moved or removed since the token was issued).
 */
@Component
public class Membership {

    private final Exercises exercises;

    public Membership(Exercises exercises) {
        this.exercises = exercises;
    }

    public record Seat(String exerciseId, String playerId, String name, Role role, Side side) {

        public Actor actor() {
            return new Actor(playerId, name, role, side);
        }

        public java.util.Set<Channel> channels() {
            return Channel.visibleTo(role, side);
        }
    }

    public Seat of(Caller caller, String exerciseId) {
        ExerciseSummary summary = exercises.summary(exerciseId)
                .orElseThrow(() -> new CommandRejected("UNKNOWN_EXERCISE", "No exercise '" + exerciseId + "'"));
        if (caller == null) {
            throw new CommandRejected("FORBIDDEN", "Not authenticated");
        }
        if (caller.kind() == Caller.Kind.ACCOUNT) {
            if (caller.facilitator() && summary.owner().equals(caller.username())) {
                return new Seat(exerciseId, null, caller.username(), Role.FACILITATOR, null);
            }
            throw new CommandRejected("FORBIDDEN", "This exercise belongs to another facilitator");
        }
        if (!exerciseId.equals(caller.exerciseId())) {
            throw new CommandRejected("FORBIDDEN", "Your seat is in another exercise");
        }
        Member member = exercises.member(exerciseId, caller.playerId()).orElse(null);
        if (member == null || member.removed()) {
            throw new CommandRejected("FORBIDDEN", "You are no longer on this exercise's roster");
        }
        return new Seat(exerciseId, member.playerId(), member.name(), member.role(), member.side());
    }
}
