package org.hotline.live.internal;

import org.hotline.access.Access;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.ExerciseEventsAppended;
import org.hotline.exercise.Exercises;
import org.hotline.exercise.Member;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A removed seat's token is revoked (refused from then on, its live sessions end); so that the person cannot simply join again under
 * another name, the code they joined with is replaced. The facilitator reads the new code in
 * GET /api/exercises/{id}.
 */
@Component
class JoinCodeRotation {

    private final Access access;
    private final Exercises exercises;

    JoinCodeRotation(Access access, Exercises exercises) {
        this.access = access;
        this.exercises = exercises;
    }

    @EventListener
    void rotate(ExerciseEventsAppended appended) {
        for (ExerciseEvent event : appended.events()) {
            if (event.payload() instanceof EventPayload.PlayerRemoved seat) {
                Member removed = exercises.member(appended.exerciseId(), seat.playerId()).orElseThrow();
                access.rotateJoinCode(appended.exerciseId(), removed.role(), removed.side());
                access.revokeSeat(removed.playerId());
            }
        }
    }
}
