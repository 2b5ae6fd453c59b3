package org.hotline.live.internal;

import java.util.List;
import org.hotline.access.AccessRefused;
import org.hotline.access.Caller;
import org.hotline.access.Role;
import org.hotline.exercise.Exercises;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Who of an exercise's roster has a live connection now, for its facilitator (the console polls it). */
@RestController
class PresenceApi {

    record Presence(String exerciseId, List<String> connected) {
    }

    private final Membership membership;
    private final Exercises exercises;
    private final Sessions sessions;

    PresenceApi(Membership membership, Exercises exercises, Sessions sessions) {
        this.membership = membership;
        this.exercises = exercises;
        this.sessions = sessions;
    }

    @GetMapping("/api/exercises/{id}/presence")
    Presence presence(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        if (membership.of(caller, id).role() != Role.FACILITATOR) {
            throw new AccessRefused(403, "FORBIDDEN", "Only the exercise's facilitator sees who is connected");
        }
        return new Presence(id, exercises.members(id).stream().filter(m -> !m.removed())
                .filter(m -> sessions.online("seat:" + m.playerId())).map(m -> m.playerId()).toList());
    }
}
