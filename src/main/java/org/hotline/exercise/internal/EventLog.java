package org.hotline.exercise.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.hotline.exercise.Ack;
import org.hotline.exercise.Channel;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.EventType;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.Phase;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only log, the exercise index, command receipts and snapshots, in plain SQL. Writes are
 * group-committed: the commands of every exercise that arrive while a commit is on its way to the disk
 * go into the next transaction together, so many commands share one disk write.
 */
@Repository
public class EventLog {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final StoredJson stored;
    /** The code a command gets when the server ran out of memory while writing it (as CapacityGate's refusal). */
    static final String SHORT_OF_MEMORY = "SERVER_BUSY";

    private final ConcurrentLinkedQueue<Write> pending = new ConcurrentLinkedQueue<>();
    /** Held by the one thread committing; the threads queued behind it are committed by the next holder. */
    private final ReentrantLock committing = new ReentrantLock();

    public EventLog(JdbcTemplate jdbc, JsonMapper json, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
        this.stored = StoredJson.forDatabase(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
    }

    /**
     * Runs {@code work} in a transaction shared with the other writes queued now and returns once that
     * transaction is committed (with WRITE_DELAY=0 H2 has then written it to the file), or throws what
     * {@code work} threw (SERVER_BUSY when the server ran out of memory). One failing write does not fail
     * the others: the group is then retried one write per transaction.
     */
    public void write(Runnable work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // The caller's own transaction decides when this is committed: it cannot be shared.
            work.run();
            return;
        }
        Write write = new Write(work);
        pending.add(write);
        committing.lock();
        try {
            if (!write.done.isDone()) {
                commitPending();
            }
        } finally {
            committing.unlock();
        }
        try {
            write.done.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof OutOfMemoryError) {
                throw new CommandRejected(SHORT_OF_MEMORY, "The server ran short of memory while saving; nothing was changed."
                        + " Try again shortly.");
            }
            throw failed;
        }
    }

    private void commitPending() {
        List<Write> group = new ArrayList<>();
        for (Write w = pending.poll(); w != null; w = pending.poll()) {
            group.add(w);
        }
        try {
            transactions.executeWithoutResult(tx -> group.forEach(w -> w.work.run()));
            group.forEach(w -> w.done.complete(null));
        } catch (RuntimeException | Error groupFailed) {
            // Errors too (out of memory): every waiter must get an answer, or its exercise stays locked.
            for (Write w : group) {
                try {
                    transactions.executeWithoutResult(tx -> w.work.run());
                    w.done.complete(null);
                } catch (RuntimeException | Error failed) {
                    w.done.completeExceptionally(failed);
                }
            }
        }
    }

    private record Write(Runnable work, CompletableFuture<Void> done) {
        Write(Runnable work) {
            this(work, new CompletableFuture<>());
        }
    }

    /**
     * Appends a committed batch's events and, when the batch opens the exercise or changes its phase,
     * brings the exercise's index row up to date. Call in a transaction. Most commands (drafts, chat,
     * notes, seals) change neither, and rewriting the index row for them made every commit write one
     * more page (its last_seq is therefore that of the last phase change; the log has the rest).
     */
    public void append(ExerciseState state, List<ExerciseEvent> events) {
        append(state, events, events.stream().map(e -> json.writeValueAsString(e.payload())).toList());
    }

    /** {@link #append(ExerciseState, List)} with each event's payload already written as JSON, in the same order. */
    public void append(ExerciseState state, List<ExerciseEvent> events, List<String> payloads) {
        List<Integer> rows = java.util.stream.IntStream.range(0, events.size()).boxed().toList();
        jdbc.batchUpdate("insert into exercise_event (exercise_id, seq, type, turn, phase, channel, actor, occurred_at, payload) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, rows.size(), (ps, row) -> {
                    ExerciseEvent e = events.get(row);
                    ps.setString(1, e.exerciseId());
                    ps.setLong(2, e.seq());
                    ps.setString(3, e.type().name());
                    ps.setInt(4, e.turn());
                    ps.setString(5, e.phase().name());
                    ps.setString(6, e.channel().name());
                    ps.setString(7, e.actor());
                    ps.setLong(8, e.time().toEpochMilli());
                    ps.setObject(9, stored.stored(payloads.get(row)));
                });
        if (events.stream().noneMatch(e -> e.type() == EventType.PHASE_CHANGED || e.type() == EventType.EXERCISE_CREATED)) {
            return;
        }
        int updated = jdbc.update("update exercise set phase = ?, turn = ?, last_seq = ? where exercise_id = ?",
                state.phase.name(), state.turn, state.lastSeq, state.id);
        if (updated == 0) {
            jdbc.update("insert into exercise (exercise_id, scenario_id, title, owner, mode, seed, phase, turn, last_seq, created_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", state.id, state.scenarioId, state.title, state.owner,
                    state.mode.name(), state.seed, state.phase.name(), state.turn, state.lastSeq, state.created);
        }
    }

    public void receipt(String exerciseId, String commandId, long firstSeq, long lastSeq) {
        jdbc.update("insert into command_receipt (exercise_id, command_id, first_seq, last_seq) values (?, ?, ?, ?)",
                exerciseId, commandId, firstSeq, lastSeq);
    }

    public Optional<Ack> receipt(String exerciseId, String commandId) {
        return jdbc.query("select first_seq, last_seq from command_receipt where exercise_id = ? and command_id = ?",
                (rs, i) -> new Ack(commandId, exerciseId, rs.getLong(1), rs.getLong(2), true), exerciseId, commandId).stream().findFirst();
    }

    public void snapshot(ExerciseState state) {
        jdbc.update("delete from exercise_snapshot where exercise_id = ?", state.id);
        jdbc.update("insert into exercise_snapshot (exercise_id, seq, state) values (?, ?, ?)",
                state.id, state.lastSeq, stored.stored(json.writeValueAsString(state)));
    }

    public Optional<ExerciseState> latestSnapshot(String exerciseId) {
        Optional<ExerciseState> snapshot = jdbc.query("select state from exercise_snapshot where exercise_id = ?",
                (rs, i) -> json.readValue(StoredJson.read(rs, "state"), ExerciseState.class), exerciseId).stream().findFirst();
        // A snapshot taken before the state kept each channel's last seq: one query of the log gives them.
        snapshot.filter(state -> state.channelSeqs.isEmpty() && state.lastSeq > 0).ifPresent(state -> jdbc.query(
                "select channel, max(seq) from exercise_event where exercise_id = ? and seq <= ? group by channel",
                (RowCallbackHandler) rs -> state.channelSeqs.put(Channel.valueOf(rs.getString(1)), rs.getLong(2)),
                exerciseId, state.lastSeq));
        return snapshot;
    }

    /** At most {@code limit} events after {@code after} on the given channels, in order. */
    public List<ExerciseEvent> events(String exerciseId, long after, Set<Channel> channels, int limit) {
        if (channels.isEmpty()) {
            return List.of();
        }
        String in = channels.stream().map(c -> "'" + c.name() + "'").collect(Collectors.joining(","));
        return jdbc.query("select * from exercise_event where exercise_id = ? and seq > ? and channel in (" + in + ") "
                + "order by seq limit ?", rowMapper(), exerciseId, after, limit);
    }

    /**
     * The events read after {@code after}, their views (public, team, the facilitator's state and draft)
     * made whole (the log holds them as changes from the previous view on their channel); read from the
     * middle of a log, the views up to there are read first, when a view needs them.
     */
    public List<ExerciseEvent> whole(String exerciseId, long after, Set<Channel> channels, List<ExerciseEvent> events) {
        ViewFold fold = new ViewFold();
        boolean earlierRead = after == 0;
        List<ExerciseEvent> whole = new ArrayList<>(events.size());
        for (ExerciseEvent event : events) {
            if (!earlierRead && fold.lacksEarlierView(event)) {
                views(exerciseId, after, channels).forEach(fold::read);
                earlierRead = true;
            }
            whole.add(fold.read(event));
        }
        return whole;
    }

    /** The views (public, team, the facilitator's state and draft) up to {@code throughSeq} on the given channels, in order. */
    public List<ExerciseEvent> views(String exerciseId, long throughSeq, Set<Channel> channels) {
        if (channels.isEmpty()) {
            return List.of();
        }
        String in = channels.stream().map(c -> "'" + c.name() + "'").collect(Collectors.joining(","));
        return jdbc.query("select * from exercise_event where exercise_id = ? and seq <= ? and channel in (" + in + ") and type in ('"
                + EventType.STATE_PUBLIC.name() + "', '" + EventType.STATE_SIDE.name() + "', '" + EventType.STATE_FULL.name() + "', '"
                + EventType.ADJUDICATION_DRAFTED.name() + "') order by seq", rowMapper(), exerciseId,
                throughSeq);
    }

    public boolean exists(String exerciseId) {
        Integer count = jdbc.queryForObject("select count(*) from exercise where exercise_id = ?", Integer.class, exerciseId);
        return count != null && count > 0;
    }

    public List<String> inProgress() {
        return jdbc.queryForList("select exercise_id from exercise where phase <> ? order by created_at", String.class,
                Phase.ENDED.name());
    }

    public List<String> all() {
        return jdbc.queryForList("select exercise_id from exercise order by created_at desc", String.class);
    }

    /** The owner's exercises, newest first, but for those archived (ExerciseArchive). */
    public List<String> ownedBy(String owner) {
        return jdbc.queryForList("select exercise_id from exercise where owner = ? and exercise_id not in "
                + "(select exercise_id from exercise_archive) order by created_at desc", String.class, owner);
    }

    private RowMapper<ExerciseEvent> rowMapper() {
        return (rs, i) -> {
            EventType type = EventType.valueOf(rs.getString("type"));
            return new ExerciseEvent(rs.getString("exercise_id"), rs.getLong("seq"), type, rs.getInt("turn"),
                    Phase.valueOf(rs.getString("phase")), Instant.ofEpochMilli(rs.getLong("occurred_at")), rs.getString("actor"),
                    Channel.valueOf(rs.getString("channel")), json.readValue(StoredJson.read(rs, "payload"), type.payloadType()));
        };
    }
}
