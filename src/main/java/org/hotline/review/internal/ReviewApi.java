package org.hotline.review.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.access.Access;
import org.hotline.access.AccessRefused;
import org.hotline.access.Caller;
import org.hotline.access.Role;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.ExerciseSummary;
import org.hotline.exercise.Exercises;
import org.hotline.exercise.Phase;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Side;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The after-action review over REST (docs/protocol.md, section 2, and "Review"). */
@RestController
class ReviewApi {

    record Listed(String id, String scenarioId, String title, Phase phase, int turn, int turns, Instant created, boolean released,
                  String origin) {
    }

    record IssueEntry(String id, String name, Set<Side> coreFor, boolean sharedInterest, boolean core) {
    }

    record ExerciseView(String id, String scenarioId, String title, String scenario, String caseStudy, String mode, Phase phase,
                        int turn, int turns, String owner, Instant created, Instant ended, String endReason, Map<Side, String> sides,
                        List<IssueEntry> issues) {
    }

    record Link(String exerciseId, Integer turn, String kind, Instant created) {
    }

    record View(ExerciseView exercise, String viewer, String standing, boolean released, ReviewData.ReplayCheck replay,
                List<ReviewData.TurnPoint> turns, List<ReviewData.TurnDecisions> decisions, List<ReviewData.LedgerEntry> agreements,
                List<ReviewData.Line> teamChat, List<ReviewData.Line> diplomacy, List<ReviewData.Line> notes,
                List<ReviewData.Line> injects, List<ReviewData.HistoryTurn> history, List<ReviewData.Participant> participants,
                Link origin, List<Link> branches, List<ExerciseEvent> events) {
    }

    record BranchRequest(Integer turn, Long seed, Boolean newSeed) {
    }

    record Credentials(String username, String password) {
    }

    private final Reviews reviews;
    private final ReviewAccess gate;
    private final ReviewStore store;
    private final Exercises exercises;
    private final Access access;

    ReviewApi(Reviews reviews, ReviewAccess gate, ReviewStore store, Exercises exercises, Access access) {
        this.reviews = reviews;
        this.gate = gate;
        this.store = store;
        this.exercises = exercises;
        this.access = access;
    }

    @GetMapping("/api/reviews")
    List<Listed> list(@AuthenticationPrincipal Caller caller) {
        return gate.readable(caller).stream().map(ReviewAccess.Grant::exercise).map(e -> new Listed(e.id(), e.scenarioId(), e.title(), e.phase(), e.turn(), e.turns(),
                e.created(), store.released(e.id()), store.originOf(e.id()).map(ReviewStore.Origin::kind).orElse(null))).toList();
    }

    @GetMapping("/api/reviews/{id}")
    View review(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        ReviewAccess.Grant grant = gate.read(caller, id);
        ReviewData data = reviews.data(grant.exercise());
        ExerciseSummary e = grant.exercise();
        Map<Side, String> sides = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            sides.put(side, data.label(side));
        }
        List<IssueEntry> issues = new ArrayList<>();
        for (Issue issue : data.scenario.issues()) {
            issues.add(new IssueEntry(issue.id(), issue.name(), issue.coreFor(), issue.sharedInterest(), !issue.coreFor().isEmpty()));
        }
        ExerciseView exercise = new ExerciseView(e.id(), e.scenarioId(), e.title(), data.scenario.title(),
                data.scenario.caseStudy().orElse(null), e.mode().name(), e.phase(), e.turn(), e.turns(), e.owner(), e.created(), data.ended,
                data.endReason, sides, issues);
        Link origin = store.originOf(id).map(o -> new Link(o.sourceId(), o.sourceTurn(), o.kind(), o.created())).orElse(null);
        List<Link> branches = store.branchesOf(id).stream().map(o -> new Link(o.exerciseId(), o.sourceTurn(), o.kind(), o.created()))
                .toList();
        boolean staff = grant.staff();
        List<ExerciseEvent> events = grant.visible(data.log);
        Set<Long> shown = events.stream().map(ExerciseEvent::seq).collect(Collectors.toSet());
        return new View(exercise, grant.name(), grant.standing().name(), store.released(id), data.check(), data.turns(), data.decisions,
                data.ledger(), data.teamChat, data.diplomacy, staff ? data.notes : List.of(),
                data.injects.stream().filter(i -> shown.contains(i.seq())).toList(), data.history(), data.participants, origin,
                branches, events);
    }

    @GetMapping("/api/reviews/{id}/report")
    Report report(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                  @RequestParam(defaultValue = "false") boolean draft) {
        ReviewAccess.Grant grant = draft ? gate.own(caller, id) : gate.read(caller, id);
        return reviews.report(grant.exercise(), draft);
    }

    @PostMapping("/api/reviews/{id}/report")
    Report edit(@AuthenticationPrincipal Caller caller, @PathVariable String id, @RequestBody Report report) {
        ReviewAccess.Grant grant = gate.own(caller, id);
        return reviews.saveReport(grant.exercise(), report, grant.name());
    }

    @PostMapping("/api/reviews/{id}/release")
    Report release(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return reviews.release(gate.own(caller, id).exercise());
    }

    @GetMapping("/api/reviews/{id}/report.md")
    ResponseEntity<String> markdown(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Report report = reviews.report(gate.read(caller, id).exercise(), false);
        return file(ReportMarkdown.of(report), "text/markdown;charset=UTF-8", id + "-report.md");
    }

    @GetMapping("/api/reviews/{id}/log.json")
    ResponseEntity<LogExport> export(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        ReviewAccess.Grant grant = gate.read(caller, id);
        LogExport export = reviews.export(grant.exercise());
        if (!grant.staff()) {
            export = new LogExport(export.schema(), export.version(), export.exported(), export.exercise(), grant.visible(export.events()));
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + "-log.json\"")
                .contentType(MediaType.APPLICATION_JSON).body(export);
    }

    @GetMapping("/api/reviews/{id}/moves.csv")
    ResponseEntity<String> moves(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return file(Csv.moves(reviews.data(gate.read(caller, id).exercise())), "text/csv;charset=UTF-8", id + "-moves.csv");
    }

    @GetMapping("/api/reviews/{id}/states.csv")
    ResponseEntity<String> states(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return file(Csv.states(reviews.data(gate.read(caller, id).exercise())), "text/csv;charset=UTF-8", id + "-states.csv");
    }

    @PostMapping("/api/reviews/import")
    @ResponseStatus(HttpStatus.CREATED)
    Reviews.Started importLog(@AuthenticationPrincipal Caller caller, @RequestBody LogExport file) {
        String owner = requireFacilitator(caller).username();
        return reviews.importLog(file, owner);
    }

    @PostMapping("/api/reviews/{id}/branch")
    @ResponseStatus(HttpStatus.CREATED)
    Reviews.Started branch(@AuthenticationPrincipal Caller caller, @PathVariable String id, @RequestBody BranchRequest request) {
        ReviewAccess.Grant grant = gate.own(caller, id);
        if (request.turn() == null) {
            throw new AccessRefused(400, "INVALID", "turn: required");
        }
        return reviews.branch(grant.exercise(), request.turn(), request.seed(), Boolean.TRUE.equals(request.newSeed()), grant.name());
    }

    @PostMapping("/api/analysts")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> analyst(@AuthenticationPrincipal Caller caller, @RequestBody Credentials request) {
        requireFacilitator(caller);
        Caller created = access.createAccount(request.username(), request.password(), EnumSet.of(Role.ANALYST));
        return Map.of("username", created.username(), "roles", created.accountRoles());
    }

    private static Caller requireFacilitator(Caller caller) {
        if (caller == null || !caller.facilitator()) {
            throw new AccessRefused(403, "FORBIDDEN", "Only a facilitator account may do this");
        }
        return caller;
    }

    private static ResponseEntity<String> file(String body, String type, String name) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType(type)).body(body);
    }
}
