package org.hotline.exercise;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.hotline.access.Role;
import org.hotline.access.Secrets;
import org.hotline.engine.Adjudicator;
import org.hotline.exercise.internal.Batch;
import org.hotline.exercise.internal.CopiedLog;
import org.hotline.exercise.internal.Deadlines;
import org.hotline.exercise.internal.EventLog;
import org.hotline.exercise.internal.ExerciseSettings;
import org.hotline.exercise.internal.ExerciseState;
import org.hotline.exercise.internal.Incidents;
import org.hotline.exercise.internal.Projections;
import org.hotline.exercise.internal.Projector;
import org.hotline.exercise.internal.Referee;
import org.hotline.exercise.internal.ViewFold;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioCatalog;
import org.hotline.scenario.Side;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs exercises. Each command is checked against the projected state, its events appended in one
 * transaction, then applied in memory and published in sequence order; commands on one exercise are
 * handled one at a time, different exercises independently.
 */
@Service
public class Exercises {

    private static final Logger log = LoggerFactory.getLogger(Exercises.class);

    private final ScenarioCatalog catalog;
    private final EventLog eventLog;
    private final Referee referee;
    private final Projector projector;
    private final Deadlines deadlines;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final Projections projections;
    private final int snapshotEvery;
    /** Cluster profile: other nodes append to the same log, so the cached state is caught up before use. */
    private final boolean shared;
    private final JsonMapper json;

    public Exercises(ScenarioCatalog catalog, Adjudicator engine, EventLog eventLog, Deadlines deadlines,
                     TransactionTemplate transactions, ApplicationEventPublisher publisher, JsonMapper json,
                     ExerciseSettings settings, @Value("${hotline.live.max-chat-chars:2000}") int maxTextChars,
                     @Value("${hotline.cluster.enabled:false}") boolean shared) {
        this.catalog = catalog;
        this.eventLog = eventLog;
        this.referee = new Referee(engine, maxTextChars);
        this.projector = new Projector();
        this.deadlines = deadlines;
        this.transactions = transactions;
        this.publisher = publisher;
        this.projections = new Projections(eventLog, projector, json);
        this.snapshotEvery = settings.snapshotEvery();
        this.shared = shared;
        this.json = json;
        deadlines.onExpiry(this::expire);
    }

    /** At start, every exercise in progress is rebuilt from its log and its deadline set again. */
    @EventListener(ApplicationReadyEvent.class)
    public void resume() {
        for (String id : eventLog.inProgress()) {
            synchronized (lock(id)) {
                ExerciseState state = projections.load(id);
                armDeadline(state);
                log.info("Resumed exercise {} at turn {} {} (seq {})", id, state.turn, state.phase, state.lastSeq);
            }
        }
    }

    /**
     * Creates an exercise. {@code sameTransaction} gets the new id inside the transaction of the first
     * events (the caller issues the join codes there), so either both are stored or neither is.
     */
    public ExerciseSummary create(String owner, NewExercise request, Consumer<String> sameTransaction) {
        Scenario scenario = catalog.find(request.scenarioId() == null ? "" : request.scenarioId())
                .orElseThrow(() -> new CommandRejected("INVALID", "No scenario '" + request.scenarioId() + "'"));
        Map<Phase, Integer> timers = request.checkedTimers();
        String name = request.checkedName();
        ExerciseState state = new ExerciseState();
        state.id = Secrets.id("", 10);
        long seed = request.seed() != null ? request.seed() : new java.security.SecureRandom().nextLong();
        Mode mode = request.mode() == null ? Mode.AUTOMATIC : request.mode();
        synchronized (lock(state.id)) {
            Batch batch = new Batch(state, projector, System.currentTimeMillis(), owner);
            referee.create(batch, scenario, name.isEmpty() ? scenario.title() : name, owner, mode, seed, timers);
            commit(batch, null, sameTransaction);
            return summary(batch.state());
        }
    }

    /**
     * A new exercise from a log written elsewhere (an import, or a branch), renumbered to a new id; the
     * log starts with EXERCISE_CREATED and numbers its events 1, 2, 3… {@code sameTransaction} as in
     * {@link #create}: the caller records the origin and join codes with the events, or nothing.
     */
    public ExerciseSummary adopt(List<ExerciseEvent> log, Consumer<String> sameTransaction) {
        ExerciseState state = new ExerciseState();
        String id = Secrets.id("", 10);
        List<ExerciseEvent> events = CopiedLog.project(log, id, state, projector);
        scenario(state);
        synchronized (lock(id)) {
            transactions.executeWithoutResult(tx -> {
                eventLog.append(state, events);
                eventLog.snapshot(state);
                deadlines.store(id, state.activeDeadline());
                sameTransaction.accept(id);
            });
            projections.snapshotTaken(state);
            projections.keep(state);
            armDeadline(state);
        }
        return summary(state);
    }

    /** Refuses a seat in an exercise that has ended (its players may read the released review). */
    public void requireJoinable(String exerciseId) {
        ExerciseState state = state(exerciseId)
                .orElseThrow(() -> new CommandRejected("UNKNOWN_EXERCISE", "No exercise '" + exerciseId + "'"));
        state.requireJoinable();
    }

    /** Puts a seat on the roster (once: a seat that rejoins is already there). */
    public void join(String exerciseId, String playerId, String name, Role role, Side side) {
        run(exerciseId, null, name, batch -> {
            batch.state().requireJoinable();
            if (!batch.state().members.containsKey(playerId)) {
                referee.join(batch, playerId, name, role, side);
            }
        });
    }

    public Ack handle(String exerciseId, Actor actor, String commandId, Command command) {
        return handle(exerciseId, actor, commandId, command, () -> { });
    }

    /**
     * Applies the command once: a resend (the same sender and commandId) gets the first
     * acknowledgement again, found by the one receipt lookup made under the exercise's lock.
     * {@code firstTime} runs only when this is not a resend, before the command is applied, and may
     * refuse it: a limit such as the chat rate, which a resend must not meet.
     */
    public Ack handle(String exerciseId, Actor actor, String commandId, Command command, Runnable firstTime) {
        if (commandId == null || commandId.isBlank() || commandId.length() > 100) {
            throw new CommandRejected("INVALID", "commandId: required, a client-made unique string of at most 100 characters");
        }
        // Once, even when a cluster race makes the command run again.
        Runnable once = new Runnable() {
            private boolean done;

            @Override
            public void run() {
                if (!done) {
                    done = true;
                    firstTime.run();
                }
            }
        };
        Ack ack = run(exerciseId, actor.receiptKey(commandId), actor.name(), batch -> {
            once.run();
            referee.handle(batch, scenario(batch.state()), actor, command);
        });
        return new Ack(commandId, ack.exerciseId(), ack.firstSeq(), ack.lastSeq(), ack.duplicate());
    }

    public Optional<ExerciseSummary> summary(String exerciseId) {
        return state(exerciseId).map(this::summary);
    }

    public List<ExerciseSummary> ownedBy(String owner) {
        return eventLog.ownedBy(owner).stream().map(this::summary).flatMap(Optional::stream).toList();
    }

    /** Every exercise on this server, newest first (analysts review any finished one). */
    public List<ExerciseSummary> all() {
        return eventLog.all().stream().map(this::summary).flatMap(Optional::stream).toList();
    }

    public List<Member> members(String exerciseId) {
        return state(exerciseId).map(s -> List.copyOf(s.members.values())).orElse(List.of());
    }

    public Optional<Member> member(String exerciseId, String playerId) {
        return state(exerciseId).map(s -> s.members.get(playerId));
    }

    public Optional<Scenario> scenario(String exerciseId) {
        return state(exerciseId).flatMap(s -> catalog.find(s.scenarioId));
    }

    /**
     * The events after {@code after} on the given channels, in order: what a role may see, with every
     * public and team view whole (the log holds them as changes from the previous view on their channel).
     */
    public List<ExerciseEvent> events(String exerciseId, long after, Set<Channel> channels) {
        return eventLog.whole(exerciseId, after, channels, eventLog.events(exerciseId, after, channels, Integer.MAX_VALUE));
    }

    /**
     * A log read from its start with every view made whole: an imported file may hold them as changes,
     * as the REST log gives them to the facilitator.
     */
    public static List<ExerciseEvent> whole(List<ExerciseEvent> log) {
        ViewFold fold = new ViewFold();
        return log.stream().map(fold::read).toList();
    }

    /** One page of {@link #events(String, long, Set)}: replies stay bounded however long the log. */
    public EventPage page(String exerciseId, long after, Set<Channel> channels, int limit) {
        EventPage logged = loggedPage(exerciseId, after, channels, limit);
        return new EventPage(exerciseId, after, logged.lastSeq(), logged.complete(),
                eventLog.whole(exerciseId, after, channels, logged.events()));
    }

    /**
     * One page of the events after {@code after} as the log holds them and clients receive them live: the
     * public and team views carry only what changed since the previous view on their channel. For a
     * client that has applied every event it may see up to {@code after} (the catch-up of protocol.md).
     */
    public EventPage loggedPage(String exerciseId, long after, Set<Channel> channels, int limit) {
        long lastSeq = summary(exerciseId).map(ExerciseSummary::lastSeq).orElse(0L);
        List<ExerciseEvent> events = eventLog.events(exerciseId, after, channels, limit);
        return new EventPage(exerciseId, after, lastSeq, events.size() < limit, events);
    }

    /**
     * In a cluster another node may append between this node's catch-up and its commit: the log's key
     * (exercise, seq) refuses the second writer, which catches up and applies the command again.
     */
    private Ack run(String exerciseId, String commandId, String actor, Consumer<Batch> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(exerciseId, commandId, actor, work);
            } catch (DuplicateKeyException raced) {
                if (!shared || attempt == 20) {
                    throw raced;
                }
            }
        }
    }

    private Ack runOnce(String exerciseId, String commandId, String actor, Consumer<Batch> work) {
        synchronized (lock(exerciseId)) {
            ExerciseState state = state(exerciseId)
                    .orElseThrow(() -> new CommandRejected("UNKNOWN_EXERCISE", "No exercise '" + exerciseId + "'"));
            if (commandId != null) {
                Optional<Ack> earlier = eventLog.receipt(exerciseId, commandId);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            Batch batch = new Batch(state.copy(), projector, System.currentTimeMillis(), actor);
            try {
                work.accept(batch);
            } catch (CommandRejected rejected) {
                throw rejected;
            } catch (RuntimeException bug) {
                throw Incidents.record(exerciseId, bug);
            }
            if (batch.events().isEmpty()) {
                return new Ack(commandId, exerciseId, state.lastSeq, state.lastSeq, false);
            }
            commit(batch, commandId, id -> { });
            return new Ack(commandId, exerciseId, batch.events().get(0).seq(), batch.state().lastSeq, false);
        }
    }

    private void commit(Batch batch, String commandId, Consumer<String> sameTransaction) {
        ExerciseState state = batch.state();
        List<ExerciseEvent> events = batch.events();
        // Every snapshotEvery events (a restart or another node replays at most that many), and at the end;
        // not every turn: writing the whole state was a tenth of the command threads' time.
        boolean snapshot = projections.snapshotDue(state, snapshotEvery)
                || events.stream().anyMatch(e -> e.type() == EventType.EXERCISE_ENDED);
        // Written here, outside the transaction that other commands share, and once for the log and the clients.
        List<String> payloads = events.stream().map(e -> json.writeValueAsString(e.payload())).toList();
        // Group commit: this waits until the shared transaction holding these events is on disk.
        eventLog.write(() -> {
            eventLog.append(state, events, payloads);
            if (commandId != null) {
                eventLog.receipt(state.id, commandId, events.get(0).seq(), state.lastSeq);
            }
            if (snapshot) {
                eventLog.snapshot(state);
            }
            deadlines.store(state.id, state.activeDeadline());
            sameTransaction.accept(state.id);
        });
        if (snapshot) {
            projections.snapshotTaken(state);
        }
        // Ended exercises are read rarely: they are rebuilt from their snapshot when asked.
        projections.keep(state);
        armDeadline(state);
        publisher.publishEvent(new ExerciseEventsAppended(state.id, events, payloads, batch.previous()));
    }

    private void armDeadline(ExerciseState state) {
        deadlines.set(state.id, state.activeDeadline(), expected -> expire(state.id, expected));
    }

    /** A deadline passed (in a cluster: on the one node that took the deadline's lock). */
    private void expire(String exerciseId, long expected) {
        try {
            run(exerciseId, null, "clock", batch -> referee.expire(batch, scenario(batch.state()), expected));
        } catch (RuntimeException e) {
            log.error("Deadline of exercise {} failed", exerciseId, e);
        }
    }

    private Optional<ExerciseState> state(String exerciseId) {
        return projections.find(exerciseId).map(state -> shared ? projections.caughtUp(state) : state);
    }

    private Scenario scenario(ExerciseState state) {
        return catalog.find(state.scenarioId)
                .orElseThrow(() -> new CommandRejected("INVALID", "Scenario '" + state.scenarioId + "' is no longer available"));
    }

    private Object lock(String exerciseId) {
        return projections.lock(exerciseId);
    }

    private ExerciseSummary summary(ExerciseState s) {
        return s.summary(catalog.find(s.scenarioId).map(Scenario::turns).orElse(0));
    }
}
