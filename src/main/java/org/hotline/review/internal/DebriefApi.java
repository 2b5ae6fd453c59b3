package org.hotline.review.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.hotline.access.AccessRefused;
import org.hotline.access.Caller;
import org.hotline.access.Role;
import org.hotline.engine.Outcome;
import org.hotline.engine.TurnInput;
import org.hotline.exercise.Channel;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.ExerciseSummary;
import org.hotline.exercise.Exercises;
import org.hotline.exercise.Member;
import org.hotline.exercise.TurnInputs;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/exercises/{id}/debrief: each published turn explained to one team (docs/protocol.md,
 * "Debrief"). A player reads its own team's; the exercise's facilitator reads either team's.
 */
@RestController
class DebriefApi {

    private final Exercises exercises;

    DebriefApi(Exercises exercises) {
        this.exercises = exercises;
    }

    @GetMapping("/api/exercises/{id}/debrief")
    List<Debrief.Account> debrief(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                                  @RequestParam(required = false) String side) {
        ExerciseSummary exercise = exercises.summary(id)
                .orElseThrow(() -> new CommandRejected("UNKNOWN_EXERCISE", "No exercise '" + id + "'"));
        Side team = team(caller, exercise, side);
        Scenario scenario = exercises.scenario(id)
                .orElseThrow(() -> new CommandRejected("INTERNAL", "Scenario '" + exercise.scenarioId() + "' is not loaded"));
        return of(scenario, exercises.events(id, 0, EnumSet.allOf(Channel.class)), team);
    }

    private Side team(Caller caller, ExerciseSummary exercise, String side) {
        if (caller != null && caller.facilitator() && exercise.owner().equals(caller.username())) {
            try {
                return Side.valueOf(side == null ? "" : side);
            } catch (IllegalArgumentException e) {
                throw new CommandRejected("INVALID", "side: WASHINGTON or MOSCOW (whose debrief to read)");
            }
        }
        Member member = caller != null && exercise.id().equals(caller.exerciseId())
                ? exercises.member(exercise.id(), caller.playerId()).orElse(null) : null;
        if (member == null || member.removed() || member.role() != Role.PLAYER) {
            throw new AccessRefused(403, "FORBIDDEN", "A team's debrief is for its players and the exercise's facilitator; "
                    + "everyone else reads the public account of each turn");
        }
        if (side != null && !side.equals(member.side().name())) {
            throw new AccessRefused(403, "FORBIDDEN", "A player reads only their own team's debrief");
        }
        return member.side();
    }

    /** Each published turn's account for the team, read from the whole log in one pass. */
    static List<Debrief.Account> of(Scenario scenario, List<ExerciseEvent> log, Side side) {
        List<Debrief.Account> accounts = new ArrayList<>();
        TurnInputs inputs = new TurnInputs();
        Outcome outcome = null;
        TurnInput input = null;
        String decision = null;
        boolean published = false;
        for (ExerciseEvent e : log) {
            if (inputs.read(e)) {
                outcome = null;
                decision = null;
            }
            EventPayload p = e.payload();
            if (p instanceof EventPayload.AdjudicationDrafted drafted) {
                outcome = drafted.outcome();
                input = drafted.input();
            } else if (p instanceof EventPayload.AdjudicationDecided decided) {
                decision = decided.decision();
            } else if (p instanceof EventPayload.ResultsPublished) {
                published = true;
            } else if (p instanceof EventPayload.StateFull full && published) {
                if (outcome != null) {
                    accounts.add(Debrief.of(scenario, side, outcome, input, full.effects(), full.state(), decision));
                }
                published = false;
            }
        }
        return accounts;
    }
}
