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
import org.hotline.exercise.EventPayload;
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
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

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

    /**
     * The answer. The parts after {@code released} but for {@code origin} and {@code branches} are a
     * function of the log, the scenario and the audience (staff or players): they are written once per
     * cached review ({@link Written}) and sent as written, so a review read again is not written again;
     * their annotations give the OpenAPI document the types they were written from.
     */
    record View(ExerciseView exercise, String viewer, String standing, boolean released,
                @Schema(implementation = ReviewData.ReplayCheck.class) RawValue replay,
                @Schema(implementation = ReviewData.TurnPoint[].class) RawValue turns,
                @Schema(implementation = ReviewData.TurnDecisions[].class) RawValue decisions,
                @Schema(implementation = ReviewData.LedgerEntry[].class) RawValue agreements,
                @Schema(implementation = ReviewData.Line[].class) RawValue teamChat,
                @Schema(implementation = ReviewData.Line[].class) RawValue diplomacy,
                @Schema(implementation = ReviewData.Line[].class) RawValue notes,
                @Schema(implementation = ReviewData.Line[].class) RawValue injects,
                @Schema(implementation = ReviewData.HistoryTurn[].class) RawValue history,
                @Schema(implementation = ReviewData.Participant[].class) RawValue participants,
                Link origin, List<Link> branches,
                @Schema(implementation = ExerciseEvent[].class) RawValue events) {

        View(ExerciseView exercise, String viewer, String standing, boolean released, Written w, Link origin, List<Link> branches) {
            this(exercise, viewer, standing, released, w.replay, w.turns, w.decisions, w.agreements, w.teamChat, w.diplomacy, w.notes,
                    w.injects, w.history, w.participants, origin, branches, w.events);
        }
    }

    /** The parts of a review's answer for one audience, as JSON. */
    record Written(RawValue replay, RawValue turns, RawValue decisions, RawValue agreements, RawValue teamChat, RawValue diplomacy,
                   RawValue notes, RawValue injects, RawValue history, RawValue participants, RawValue events) {

        static Written of(ReviewData data, boolean staff, JsonMapper json) {
            List<ExerciseEvent> events = ReviewAccess.visible(data.logged, staff).stream().map(Written::onTimeline).toList();
            Set<Long> shown = events.stream().map(ExerciseEvent::seq).collect(Collectors.toSet());
            return new Written(raw(json, data.check()), raw(json, data.turns()), raw(json, data.decisions), raw(json, data.ledger()),
                    raw(json, data.teamChat), raw(json, data.diplomacy), raw(json, staff ? data.notes : List.of()),
                    raw(json, data.injects.stream().filter(i -> shown.contains(i.seq())).toList()), raw(json, data.history()),
                    raw(json, data.participants), raw(json, events));
        }

        /**
         * An engine's draft on the timeline: its public account only. Its outcome, the engine's account
         * and its input are the turn's in {@code decisions}, its state after in {@code turns}; the
         * exported log has it whole.
         */
        private static ExerciseEvent onTimeline(ExerciseEvent e) {
            return e.payload() instanceof EventPayload.AdjudicationDrafted drafted
                    ? e.with(e.exerciseId(), new EventPayload.AdjudicationDrafted(null, null, null, drafted.publicNarrative(), null)) : e;
        }

        private static RawValue raw(JsonMapper json, Object value) {
            return new RawValue(json.writeValueAsString(value));
        }
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
    private final JsonMapper json;

    ReviewApi(Reviews reviews, ReviewAccess gate, ReviewStore store, Exercises exercises, Access access, JsonMapper json) {
        this.reviews = reviews;
        this.gate = gate;
        this.store = store;
        this.exercises = exercises;
        this.access = access;
        this.json = json;
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
        Written written = data.written.computeIfAbsent(staff, audience -> Written.of(data, audience, json));
        return new View(exercise, grant.name(), grant.standing().name(), store.released(id), written, origin, branches);
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
