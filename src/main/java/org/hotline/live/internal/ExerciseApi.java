package org.hotline.live.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hotline.access.Access;
import org.hotline.access.AccessRefused;
import org.hotline.access.Caller;
import org.hotline.access.Role;
import org.hotline.access.Seat;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.EventPage;
import org.hotline.exercise.ExerciseSummary;
import org.hotline.exercise.Exercises;
import org.hotline.exercise.Member;
import org.hotline.exercise.Mode;
import org.hotline.exercise.NewExercise;
import org.hotline.exercise.Phase;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioCatalog;
import org.hotline.scenario.Side;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Scenarios, creating and joining exercises, reading an exercise and its log (docs/protocol.md section 2). */
@RestController
class ExerciseApi {

    record ScenarioEntry(String id, String title, Map<Side, String> sides, int turns, String turnLength, String summary,
                         String caseStudy) {
    }

    record Created(String id, String scenarioId, String title, Mode mode, Phase phase, int turn, Map<String, String> joinCodes) {
    }

    record JoinRequest(String code, String name) {
    }

    record Joined(String token, String exerciseId, String playerId, String name, Role role, Side side) {
    }

    record IssueEntry(String id, String name, String description, Set<Side> coreFor, boolean sharedInterest) {
    }

    record You(Role role, Side side, String playerId, String name) {
    }

    record View(String id, String scenarioId, String title, Mode mode, Phase phase, int turn, int turns, int issuesPerTurn,
                Instant deadline, boolean paused, Long remainingSeconds, long lastSeq, Map<Side, String> sides,
                List<IssueEntry> issues, Set<Move> moves, You you, List<Member> players, Map<String, String> joinCodes,
                String summary, Map<Side, org.hotline.scenario.Brief> briefs, String facilitatorBrief, List<Briefing.PlannedInject> injects) {
    }

    private final ScenarioCatalog catalog;
    private final Exercises exercises;
    private final Access access;
    private final Membership membership;
    private final LiveLimits limits;

    ExerciseApi(ScenarioCatalog catalog, Exercises exercises, Access access, Membership membership, LiveLimits limits) {
        this.catalog = catalog;
        this.exercises = exercises;
        this.access = access;
        this.membership = membership;
        this.limits = limits;
    }

    @GetMapping("/api/scenarios")
    List<ScenarioEntry> scenarios() {
        return catalog.scenarios().stream().map(s -> new ScenarioEntry(s.id(), s.title(), labels(s), s.turns(),
                s.turnLength(), s.summary(), s.caseStudy().orElse(null))).toList();
    }

    @PostMapping("/api/exercises")
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@AuthenticationPrincipal Caller caller, @RequestBody NewExercise request) {
        requireFacilitator(caller);
        if (request.mode() == null) {
            throw new CommandRejected("INVALID", "mode: AUTOMATIC, REVIEWED or FREE");
        }
        Map<String, String> codes = new LinkedHashMap<>();
        ExerciseSummary summary = exercises.create(caller.username(), request, id -> codes.putAll(access.issueJoinCodes(id)));
        return new Created(summary.id(), summary.scenarioId(), summary.title(), summary.mode(), summary.phase(), summary.turn(), codes);
    }

    @GetMapping("/api/exercises")
    List<ExerciseSummary> mine(@AuthenticationPrincipal Caller caller) {
        requireFacilitator(caller);
        return exercises.ownedBy(caller.username());
    }

    @PostMapping("/api/join")
    Joined join(@RequestBody JoinRequest request, HttpServletRequest http) {
        Seat seat = access.join(request.code(), request.name(), http.getRemoteAddr(), exercises::requireJoinable);
        exercises.join(seat.exerciseId(), seat.playerId(), seat.name(), seat.role(), seat.side());
        return new Joined(seat.token(), seat.exerciseId(), seat.playerId(), seat.name(), seat.role(), seat.side());
    }

    @GetMapping("/api/exercises/{id}")
    View view(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Membership.Seat seat = membership.of(caller, id);
        ExerciseSummary s = exercises.summary(id).orElseThrow();
        Scenario scenario = exercises.scenario(id)
                .orElseThrow(() -> new CommandRejected("INTERNAL", "Scenario '" + s.scenarioId() + "' is not loaded"));
        List<IssueEntry> issues = scenario.issues().stream().map(ExerciseApi::issue).toList();
        List<Member> players = exercises.members(id).stream().filter(m -> !m.removed()).toList();
        return new View(s.id(), s.scenarioId(), s.title(), s.mode(), s.phase(), s.turn(), s.turns(), scenario.issuesPerTurn(),
                s.deadline(), s.paused(), s.remainingSeconds(), s.lastSeq(), labels(scenario), issues, scenario.allowedMoves(),
                new You(seat.role(), seat.side(), seat.playerId(), seat.name()), players,
                seat.role() == Role.FACILITATOR ? access.joinCodes(id) : null, scenario.summary(),
                Briefing.briefs(scenario, seat.role(), seat.side()), Briefing.facilitatorBrief(scenario, seat.role()),
                Briefing.injects(scenario, seat.role()));
    }

    @GetMapping("/api/exercises/{id}/events")
    EventPage events(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                     @RequestParam(defaultValue = "0") long after) {
        if (after < 0) {
            throw new CommandRejected("INVALID", "after: the last sequence number applied (0 the first time)");
        }
        Membership.Seat seat = membership.of(caller, id);
        return exercises.loggedPage(id, after, seat.channels(), limits.eventsPerPage());
    }

    private static IssueEntry issue(Issue issue) {
        return new IssueEntry(issue.id(), issue.name(), issue.description(), issue.coreFor(), issue.sharedInterest());
    }

    private static Map<Side, String> labels(Scenario scenario) {
        Map<Side, String> labels = new TreeMap<>();
        for (Side side : Side.values()) {
            labels.put(side, scenario.label(side));
        }
        return labels;
    }

    private static void requireFacilitator(Caller caller) {
        if (caller == null || !caller.facilitator()) {
            throw new AccessRefused(403, "FORBIDDEN", "Only a facilitator account may do this");
        }
    }
}
