package org.hotline.analysis.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hotline.access.AccessRefused;
import org.hotline.access.Caller;
import org.hotline.access.Role;
import org.hotline.analysis.AnalysisRequest;
import org.hotline.analysis.AnalysisResult;
import org.hotline.analysis.Metric;
import org.hotline.bots.Strategies;
import org.hotline.bots.StrategySpec;
import org.hotline.scenario.Context;
import org.hotline.scenario.Rulebook;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioCatalog;
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

/**
 * Options analysis over REST (docs/protocol.md, "Options analysis"): start, progress, result, cancel,
 * list, downloads. Facilitator and analyst accounts only; seats (players, observers, notetakers) are refused.
 */
@RestController
class AnalysisApi {

    record StartRequest(String scenarioId, List<String> washington, List<String> moscow, Integer runs, Long seed,
                        Map<String, Double> rulebook, Map<String, Double> context) {
    }

    record ScenarioChoice(String id, String title, int turns, boolean historicalTrack) {
    }

    record Setup(List<StrategySpec> strategies, List<ScenarioChoice> scenarios, List<MetricEntry> metrics, int maxRunsPerPair) {
    }

    record MetricEntry(String key, String label, String kind) {
    }

    record ScenarioSetup(String id, Context context, List<Rulebook.Entry> rulebook) {
    }

    record View(AnalysisJobs.Status status, AnalysisResult result) {
    }

    private final AnalysisJobs jobs;
    private final ScenarioCatalog catalog;

    AnalysisApi(AnalysisJobs jobs, ScenarioCatalog catalog) {
        this.jobs = jobs;
        this.catalog = catalog;
    }

    @GetMapping("/api/analyses/setup")
    Setup setup(@AuthenticationPrincipal Caller caller) {
        staff(caller);
        return new Setup(Strategies.bundled().specs(),
                // the scenario for play first (the form's default), then the case studies
                catalog.scenarios().stream().sorted(java.util.Comparator.comparing(s -> !s.id().equals(catalog.defaultScenario().id())))
                        .map(s -> new ScenarioChoice(s.id(), s.title(), s.turns(), s.track().isPresent())).toList(),
                java.util.Arrays.stream(Metric.values()).map(m -> new MetricEntry(m.key(), m.label(), m.kind().name())).toList(),
                AnalysisRequest.MAX_RUNS);
    }

    @GetMapping("/api/analyses/setup/{scenarioId}")
    ScenarioSetup scenario(@AuthenticationPrincipal Caller caller, @PathVariable String scenarioId) {
        staff(caller);
        Scenario s = catalog.find(scenarioId).orElseThrow(() -> new AccessRefused(404, "UNKNOWN_SCENARIO", "No scenario '" + scenarioId + "'"));
        return new ScenarioSetup(s.id(), s.context(), new java.util.TreeMap<>(s.rulebook().entries()).values().stream().toList());
    }

    @PostMapping("/api/analyses")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AnalysisJobs.Status start(@AuthenticationPrincipal Caller caller, @RequestBody StartRequest body) {
        staff(caller);
        if (body == null || body.runs() == null) {
            throw new AccessRefused(400, "INVALID", "runs: how many runs per pair of strategies");
        }
        long seed = body.seed() != null ? body.seed() : ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
        return jobs.start(caller.username(), new AnalysisRequest(body.scenarioId(), body.washington(), body.moscow(), body.runs(), seed,
                body.rulebook(), body.context()));
    }

    @GetMapping("/api/analyses")
    List<AnalysisJobs.Status> list(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "50") int limit) {
        staff(caller);
        return jobs.list(Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping("/api/analyses/{analysisId}")
    View get(@AuthenticationPrincipal Caller caller, @PathVariable("analysisId") String id) {
        staff(caller);
        AnalysisJobs.Status status = jobs.status(id).orElseThrow(() -> AnalysisJobs.unknown(id));
        return new View(status, jobs.result(id).orElse(null));
    }

    @PostMapping("/api/analyses/{analysisId}/cancel")
    AnalysisJobs.Status cancel(@AuthenticationPrincipal Caller caller, @PathVariable("analysisId") String id) {
        staff(caller);
        return jobs.cancel(id, caller.username());
    }

    @GetMapping("/api/analyses/{analysisId}/result.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal Caller caller, @PathVariable("analysisId") String id) {
        staff(caller);
        return download(id, "csv", "text/csv; charset=utf-8", ResultTables.csv(finished(id)));
    }

    @GetMapping("/api/analyses/{analysisId}/result.json")
    ResponseEntity<AnalysisResult> json(@AuthenticationPrincipal Caller caller, @PathVariable("analysisId") String id) {
        staff(caller);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"analysis-" + id + ".json\"")
                .contentType(MediaType.APPLICATION_JSON).body(finished(id));
    }

    private AnalysisResult finished(String id) {
        AnalysisJobs.Status status = jobs.status(id).orElseThrow(() -> AnalysisJobs.unknown(id));
        return jobs.result(id).orElseThrow(() -> new AccessRefused(409, "NOT_FINISHED", "This analysis is "
                + status.state().name().toLowerCase() + "; results exist once it is done"));
    }

    private static ResponseEntity<byte[]> download(String id, String extension, String type, String body) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"analysis-" + id + "." + extension + "\"")
                .contentType(MediaType.parseMediaType(type)).body(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Facilitator and analyst accounts; nobody else (seats included). */
    private static void staff(Caller caller) {
        if (caller == null) {
            throw new AccessRefused(401, "UNAUTHORIZED", "A valid token is required");
        }
        boolean staff = caller.kind() == Caller.Kind.ACCOUNT
                && (caller.accountRoles().contains(Role.FACILITATOR) || caller.accountRoles().contains(Role.ANALYST));
        if (!staff) {
            throw new AccessRefused(403, "FORBIDDEN", "Options analysis is for facilitator and analyst accounts");
        }
    }
}
