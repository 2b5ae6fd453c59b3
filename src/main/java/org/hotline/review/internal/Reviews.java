package org.hotline.review.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.access.Access;
import org.hotline.engine.Adjudicator;
import org.hotline.engine.Narrative;
import org.hotline.exercise.Channel;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.EventPayload.ExerciseCreated;
import org.hotline.exercise.EventPayload.PhaseChanged;
import org.hotline.exercise.EventType;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.ExerciseSummary;
import org.hotline.exercise.Exercises;
import org.hotline.exercise.Phase;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioCatalog;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Reads an exercise's whole log for its review; exports, imports and branches logs. */
@Service
class Reviews {

    record Started(String id, String scenarioId, String title, String mode, String phase, int turn, long lastSeq,
                   Map<String, String> joinCodes) {
    }

    private static final Set<Channel> EVERY_CHANNEL = EnumSet.allOf(Channel.class);

    private final Exercises exercises;
    private final ScenarioCatalog catalog;
    private final Access access;
    private final ReviewStore store;
    private final Replay replay;
    private final Adjudicator engine;
    private final JsonMapper json;
    private final ReviewCache cache;

    Reviews(Exercises exercises, ScenarioCatalog catalog, Access access, ReviewStore store, Adjudicator engine, JsonMapper json,
            ReviewCache cache) {
        this.exercises = exercises;
        this.catalog = catalog;
        this.access = access;
        this.store = store;
        this.replay = new Replay(engine, json);
        this.engine = engine;
        this.json = json;
        this.cache = cache;
    }

    List<ExerciseEvent> log(String exerciseId) {
        return exercises.events(exerciseId, 0, EVERY_CHANNEL);
    }

    ReviewData data(ExerciseSummary exercise) {
        Scenario scenario = scenario(exercise.scenarioId());
        return cache.get(exercise, scenario, earlier -> {
            // One read of the log as stored (the timeline's), made whole here for everything else. The log
            // only grows: a review read before holds its start, and only the events after it are read.
            long from = earlier == null ? 0 : ReviewCache.lastSeq(earlier.logged);
            List<ExerciseEvent> after = exercises.loggedPage(exercise.id(), from, EVERY_CHANNEL, Integer.MAX_VALUE).events();
            List<ExerciseEvent> logged = after;
            if (earlier != null) {
                logged = new ArrayList<>(earlier.logged.size() + after.size());
                logged.addAll(earlier.logged);
                logged.addAll(after);
            }
            List<ExerciseEvent> log = Exercises.whole(logged);
            Map<Long, Narrative> narrated = earlier != null && earlier.scenario == scenario ? earlier.narrated : Map.of();
            return new ReviewData(exercise, scenario, log, logged, replay.run(scenario, log), outcome -> engine.narrate(scenario, outcome),
                    narrated);
        });
    }

    /** The facilitator's edited report if there is one, otherwise a fresh draft from the log. */
    Report report(ExerciseSummary exercise, boolean fresh) {
        var stored = store.report(exercise.id());
        Instant released = stored.map(ReviewStore.StoredReport::released).orElse(null);
        if (!fresh && stored.isPresent() && stored.get().json() != null) {
            return json.readValue(stored.get().json(), Report.class).stamped(stored.get().editedBy(), stored.get().edited(), released);
        }
        return new ReportDraft(data(exercise), catalog.findings()).draft().stamped(null, null, released);
    }

    Report saveReport(ExerciseSummary exercise, Report edited, String by) {
        if (store.released(exercise.id())) {
            throw new CommandRejected("WRONG_PHASE", "The report has been released; it can no longer be edited");
        }
        if (edited == null || edited.overview() == null || edited.strengths() == null || edited.improvements() == null
                || edited.plan() == null) {
            throw new CommandRejected("INVALID", "report: overview, strengths, improvements and plan are required");
        }
        if (edited.strengths().contains(null) || edited.improvements().contains(null) || edited.plan().contains(null)) {
            throw new CommandRejected("INVALID", "report: strengths, improvements and plan hold objects, not null");
        }
        Report clean = edited.cleaned(exercise.id());
        store.saveReport(exercise.id(), json.writeValueAsString(clean), by);
        return report(exercise, false);
    }

    Report release(ExerciseSummary exercise) {
        if (exercise.phase() != Phase.ENDED) {
            throw new CommandRejected("WRONG_PHASE", "A review is released once the exercise has ended; it is in " + exercise.phase());
        }
        if (!store.released(exercise.id())) {
            store.release(exercise.id());
        }
        return report(exercise, false);
    }

    LogExport export(ExerciseSummary e) {
        return new LogExport(LogExport.SCHEMA, LogExport.VERSION, Instant.now(), new LogExport.Source(e.id(), e.scenarioId(), e.title(),
                e.mode().name(), e.phase().name(), e.turn(), e.lastSeq()), log(e.id()));
    }

    /**
     * Another server's export becomes an exercise here, owned by the importer, once the engine has
     * re-adjudicated it to every state it records: a log that does not replay is refused.
     */
    Started importLog(LogExport file, String owner) {
        if (file == null || !LogExport.SCHEMA.equals(file.schema())) {
            throw new CommandRejected("INVALID", "schema: expected \"" + LogExport.SCHEMA + "\"");
        }
        if (file.version() == null || file.version() != LogExport.VERSION) {
            throw new CommandRejected("INVALID", "version: this server reads version " + LogExport.VERSION + ", not " + file.version());
        }
        if (file.events() == null || file.events().isEmpty() || file.events().contains(null)
                || !(file.events().get(0).payload() instanceof ExerciseCreated created)) {
            throw new CommandRejected("INVALID", "events: a log starts with EXERCISE_CREATED");
        }
        Scenario scenario = scenario(created.scenarioId() == null ? "" : created.scenarioId());
        List<ExerciseEvent> whole = Exercises.whole(file.events());
        Replay.Result check = replay.run(scenario, whole);
        if (!check.consistent()) {
            Replay.Mismatch first = check.mismatches().get(0);
            throw new CommandRejected("INVALID", "The log does not replay on this server (" + check.mismatches().size()
                    + " mismatch(es)); first at seq " + first.seq() + ": " + first.what());
        }
        List<ExerciseEvent> events = new ArrayList<>(whole);
        events.set(0, withPayload(events.get(0), created.ownedBy(owner)));
        String sourceId = file.exercise() == null ? null : file.exercise().id();
        return adopt(stopClock(events), id -> new ReviewStore.Origin(id, "IMPORT", sourceId, null, owner, Instant.now()));
    }

    /**
     * A new exercise from turn {@code turn} of this one: same scenario, the log up to that turn's
     * results, the same seed unless another is given. It waits in RESULTS (LOBBY from turn 0).
     */
    Started branch(ExerciseSummary source, int turn, Long seed, boolean newSeed, String owner) {
        if (turn < 0 || turn >= source.turns()) {
            throw new CommandRejected("INVALID", "turn: 0 to " + (source.turns() - 1) + " (a branch needs a turn left to play)");
        }
        List<ExerciseEvent> log = log(source.id());
        boolean reached = turn == 0 || log.stream().anyMatch(e -> e.turn() == turn
                && e.payload() instanceof PhaseChanged changed && changed.phase() == Phase.RESULTS);
        if (!reached) {
            throw new CommandRejected("WRONG_PHASE", "Turn " + turn + " has not been played to its results yet");
        }
        List<ExerciseEvent> cut = new ArrayList<>();
        for (ExerciseEvent e : log) {
            boolean ends = e.type() == EventType.EXERCISE_ENDED
                    || e.payload() instanceof PhaseChanged changed && changed.phase() == Phase.ENDED;
            if (e.turn() > turn || ends) {
                break;
            }
            cut.add(e);
        }
        ExerciseCreated created = cut.get(0).payload(ExerciseCreated.class);
        Seeds seeds = Seeds.of(created);
        long playWith = newSeed ? new SecureRandom().nextLong() : seed != null ? seed : seeds.seed();
        ExerciseCreated branched = created.ownedBy(owner).branched(source.title() + " (branch from turn " + turn + ")", playWith,
                seeds.forBranch(turn, playWith), new EventPayload.BranchOf(source.id(), turn));
        cut.set(0, withPayload(cut.get(0), branched));
        return adopt(stopClock(cut), id -> new ReviewStore.Origin(id, "BRANCH", source.id(), turn, owner, Instant.now()));
    }

    /** A copied log waits for its facilitator: a deadline running in its last phase is cleared. */
    private static List<ExerciseEvent> stopClock(List<ExerciseEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            ExerciseEvent e = events.get(i);
            EventPayload stopped = null;
            if (e.payload() instanceof PhaseChanged changed) {
                boolean running = changed.deadline() != null || changed.paused();
                stopped = running && changed.phase() != Phase.ENDED ? changed.clockStopped() : changed;
            } else if (e.payload() instanceof EventPayload.ClockChanged clock) {
                stopped = clock.deadline() != null || clock.paused() ? clock.clockStopped() : clock;
            }
            if (stopped != null) {
                List<ExerciseEvent> copy = new ArrayList<>(events);
                copy.set(i, withPayload(e, stopped));
                return copy;
            }
        }
        return events;
    }

    /** Stores the copied log, its origin and its join codes in one transaction: all of them or none. */
    private Started adopt(List<ExerciseEvent> log, java.util.function.Function<String, ReviewStore.Origin> origin) {
        var codes = new java.util.concurrent.atomic.AtomicReference<Map<String, String>>();
        ExerciseSummary s = exercises.adopt(log, id -> {
            store.origin(origin.apply(id));
            codes.set(access.issueJoinCodes(id));
        });
        return new Started(s.id(), s.scenarioId(), s.title(), s.mode().name(), s.phase().name(), s.turn(), s.lastSeq(), codes.get());
    }

    private static ExerciseEvent withPayload(ExerciseEvent e, EventPayload payload) {
        return e.with(e.exerciseId(), payload);
    }

    private Scenario scenario(String scenarioId) {
        return catalog.find(scenarioId).orElseThrow(() -> new CommandRejected("INVALID",
                "Scenario '" + scenarioId + "' is not loaded on this server"));
    }
}
