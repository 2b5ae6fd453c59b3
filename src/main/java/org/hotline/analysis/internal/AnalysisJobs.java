package org.hotline.analysis.internal;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.access.AccessRefused;
import org.hotline.access.Secrets;
import org.hotline.analysis.AnalysisRequest;
import org.hotline.analysis.AnalysisResult;
import org.hotline.analysis.OptionsAnalysis;
import org.hotline.bots.Strategies;
import org.hotline.scenario.ScenarioCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Analyses in the background: a few workers and a bounded queue (a full queue is refused, never
 * grown), progress in memory while a run lasts, the request and result in the database. Each
 * analysis uses a bounded number of threads so live exercises keep their share of the cores.
 */
@Component
class AnalysisJobs {

    private static final Logger log = LoggerFactory.getLogger(AnalysisJobs.class);

    enum State { QUEUED, RUNNING, DONE, CANCELLED, FAILED, INTERRUPTED }

    record Status(String id, String owner, String scenarioId, State state, long totalRuns, long doneRuns, String message,
                  Instant created, Instant finished, AnalysisRequest request) {
    }

    private record Job(OptionsAnalysis analysis, AtomicLong done, AtomicBoolean cancel) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ScenarioCatalog catalog;
    private final ThreadPoolExecutor workers;
    private final int threadsPerAnalysis;
    private final long maxTotalRuns;
    private final int queueCapacity;
    private final Map<String, Job> live = new ConcurrentHashMap<>();

    AnalysisJobs(JdbcTemplate jdbc, JsonMapper json, ScenarioCatalog catalog, AnalysisSettings settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.catalog = catalog;
        this.threadsPerAnalysis = settings.threads();
        this.maxTotalRuns = settings.maxTotalRuns();
        this.queueCapacity = settings.queue();
        workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity), r -> {
            Thread thread = new Thread(r, "analysis-worker");
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1); // live exercises first
            return thread;
        });
    }

    /** Analyses cut short by a stop are marked so, with a message, rather than left "running" for ever. */
    @EventListener(ApplicationReadyEvent.class)
    void markInterrupted() {
        int rows = jdbc.update("update analysis set state = ?, message = ? where state in (?, ?)", State.INTERRUPTED.name(),
                "The server stopped before this analysis finished; start it again", State.QUEUED.name(), State.RUNNING.name());
        if (rows > 0) {
            log.info("{} analyses were interrupted by the last stop", rows);
        }
    }

    /** Checks the request at once (so a bad one is refused before it queues), stores it, queues it. */
    Status start(String owner, AnalysisRequest request) {
        OptionsAnalysis analysis;
        try {
            analysis = OptionsAnalysis.prepare(request, catalog, Strategies.bundled());
        } catch (IllegalArgumentException e) {
            throw new AccessRefused(400, "INVALID", e.getMessage());
        }
        if (analysis.totalRuns() > maxTotalRuns) {
            throw new AccessRefused(400, "INVALID", "This analysis asks for " + analysis.totalRuns() + " runs in all; this server takes at most "
                    + maxTotalRuns + " per analysis (fewer runs or fewer strategies), or use the command line");
        }
        String id = Secrets.id("a-", 12);
        long now = System.currentTimeMillis();
        jdbc.update("insert into analysis (analysis_id, owner, scenario_id, state, total_runs, done_runs, request_json, created_at) "
                + "values (?, ?, ?, ?, ?, 0, ?, ?)", id, owner, request.scenarioId(), State.QUEUED.name(), analysis.totalRuns(),
                json.writeValueAsString(request), now);
        Job job = new Job(analysis, new AtomicLong(), new AtomicBoolean());
        live.put(id, job);
        try {
            workers.execute(() -> run(id, job));
        } catch (RejectedExecutionException full) {
            live.remove(id);
            jdbc.update("delete from analysis where analysis_id = ?", id);
            throw new AccessRefused(503, "BUSY", "The analysis queue is full (" + queueCapacity + " waiting behind the running ones); "
                    + "try again when one finishes");
        }
        return status(id).orElseThrow();
    }

    private void run(String id, Job job) {
        if (job.cancel().get()) {
            finish(id, State.CANCELLED, null, "Cancelled before it started", job);
            return;
        }
        jdbc.update("update analysis set state = ? where analysis_id = ?", State.RUNNING.name(), id);
        try {
            AnalysisResult result = job.analysis().run(threadsPerAnalysis, job.done()::set, job.cancel()::get);
            finish(id, State.DONE, json.writeValueAsString(result), null, job);
        } catch (CancellationException e) {
            finish(id, State.CANCELLED, null, "Cancelled after " + job.done().get() + " of " + job.analysis().totalRuns() + " runs", job);
        } catch (RuntimeException e) {
            log.error("Analysis {} failed", id, e);
            finish(id, State.FAILED, null, "The analysis failed on the server (" + e.getMessage() + "); please report it", job);
        }
    }

    private void finish(String id, State state, String resultJson, String message, Job job) {
        jdbc.update("update analysis set state = ?, result_json = ?, message = ?, done_runs = ?, finished_at = ? where analysis_id = ?",
                state.name(), resultJson, message, job.done().get(), System.currentTimeMillis(), id);
        live.remove(id);
    }

    Optional<Status> status(String id) {
        List<Status> rows = jdbc.query("select * from analysis where analysis_id = ?", (rs, n) -> row(rs), id);
        return rows.stream().findFirst();
    }

    List<Status> list(int limit) {
        return jdbc.query("select * from analysis order by created_at desc, analysis_id limit ?", (rs, n) -> row(rs), limit);
    }

    Optional<AnalysisResult> result(String id) {
        List<String> rows = jdbc.queryForList("select result_json from analysis where analysis_id = ? and result_json is not null",
                String.class, id);
        return rows.stream().findFirst().map(text -> json.readValue(text, AnalysisResult.class));
    }

    /** Only the analyst or facilitator who started it may cancel it. */
    Status cancel(String id, String caller) {
        Status status = status(id).orElseThrow(() -> unknown(id));
        if (!status.owner().equals(caller)) {
            throw new AccessRefused(403, "FORBIDDEN", "Only " + status.owner() + ", who started this analysis, may cancel it");
        }
        Job job = live.get(id);
        if (job == null) {
            throw new AccessRefused(409, "FINISHED", "This analysis is " + status.state().name().toLowerCase() + "; there is nothing to cancel");
        }
        job.cancel().set(true);
        return status;
    }

    static AccessRefused unknown(String id) {
        return new AccessRefused(404, "UNKNOWN_ANALYSIS", "No analysis '" + id + "'");
    }

    private Status row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long finished = rs.getLong("finished_at");
        boolean unfinished = rs.wasNull();
        String id = rs.getString("analysis_id");
        Job job = live.get(id);
        return new Status(id, rs.getString("owner"), rs.getString("scenario_id"), State.valueOf(rs.getString("state")),
                rs.getLong("total_runs"), job != null ? job.done().get() : rs.getLong("done_runs"), rs.getString("message"),
                Instant.ofEpochMilli(rs.getLong("created_at")), unfinished ? null : Instant.ofEpochMilli(finished),
                json.readValue(rs.getString("request_json"), AnalysisRequest.class));
    }

    @PreDestroy
    void stop() {
        live.values().forEach(job -> job.cancel().set(true));
        workers.shutdownNow();
    }
}
