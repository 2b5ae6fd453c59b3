package org.hotline.exercise.internal;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.hotline.exercise.EventType;
import org.hotline.exercise.ExerciseEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A measurement, not a test: what the embedded stores cost for the log's writes. One turn's events as
 * the server logs them (a log written by {@code TurnCosts -Dturns.log=file}) are written for many
 * exercises in the commits the commands make (advance, four draft lines, two seals with the
 * adjudication), one transaction per command, through the server's EventLog (events, receipt and,
 * at the results, the snapshot of the state the log projects to) into a database its migrations made;
 * for H2 with the server's settings and StoreCompaction's compaction, and for SQLite with StoreChoice's.
 * Prints the process's CPU per command and the database file's growth per turn: SQLite's after a
 * checkpoint (its write-ahead log grows to some 4 MB and is then reused from its start: it is not the
 * database growing), with the bytes of each table and index (SQLite's dbstat). Then deletes half of the
 * exercises and shows what the file does: its size after StoreCompaction's rounds, and after as many new
 * exercises have played as many turns.
 * <pre>java -Dstore.log=/tmp/turn.jsonl -cp target/test-classes:target/classes:$(cat target/cp.txt) org.hotline.exercise.internal.StoreCosts</pre>
 * Options: -Dstore.exercises=100 -Dstore.turns=20 -Dstore.per-commit=1 (commands in one transaction, as a busy group commit),
 * -Dstore.stores=h2,sqlite.
 */
public final class StoreCosts {

    /** The commands of the logged turn by their events, in order (the benchmark's turn). */
    private static final int[] EVENTS_PER_COMMAND = {5, 1, 1, 1, 1, 1, 1, 2};

    private final JsonMapper json = JsonMapper.builder().build();
    private final Path folder;
    private final SingleConnectionDataSource db;
    private final JdbcTemplate jdbc;
    private final EventLog log;
    private final StoreCompaction compaction;
    private final boolean sqlite;

    private StoreCosts(String store) throws Exception {
        folder = Files.createTempDirectory("hotline-store-");
        sqlite = store.equals("sqlite");
        String url = sqlite ? "jdbc:sqlite:" + folder.resolve("hotline.db") + StoreChoice.SQLITE_OPTIONS
                : "jdbc:h2:file:" + folder.resolve("hotline") + StoreChoice.H2_OPTIONS;
        db = new SingleConnectionDataSource(url, "sa", "", true);
        FluentConfiguration flyway = Flyway.configure().dataSource(db);
        new Migrations().customize(flyway);
        flyway.load().migrate();
        jdbc = new JdbcTemplate(db);
        log = new EventLog(jdbc, json, new TransactionTemplate(new DataSourceTransactionManager(db)));
        compaction = new StoreCompaction(db, new StoreSettings(70, 5));
    }

    public static void main(String[] args) throws Exception {
        Path logged = Path.of(System.getProperty("store.log", "/tmp/turn.jsonl"));
        int exercises = Integer.getInteger("store.exercises", 100);
        int turns = Integer.getInteger("store.turns", 20);
        int perCommit = Integer.getInteger("store.per-commit", 1);
        for (String store : System.getProperty("store.stores", "h2,sqlite").split(",")) {
            StoreCosts costs = new StoreCosts(store);
            Turn turn = costs.turn(logged);
            if (store.equals("h2")) {
                System.out.printf("%d exercises x %d turns, %d commands and %d events a turn (%.1f KB of payload JSON), %d command(s) per commit%n",
                        exercises, turns, turn.commands.size(), turn.commands.stream().mapToInt(List::size).sum(), turn.payloadBytes() / 1024.0,
                        perCommit);
            }
            costs.measure(store, turn, exercises, turns, perCommit);
            costs.db.destroy();
            // Up to some 400 MB (H2) per run: the figures above are what is kept.
            try (Stream<Path> files = Files.walk(costs.folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void measure(String store, Turn turn, int exercises, int turns, int perCommit) throws Exception {
        List<Played> played = new ArrayList<>();
        for (int e = 0; e < exercises; e++) {
            played.add(new Played(exerciseId(e), turn.state.copy()));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        play(turn, played, 2, perCommit); // two turns to warm up
        long cpu = os.getProcessCpuTime();
        long bytes = size();
        play(turn, played, turns, perCommit);
        double seconds = (os.getProcessCpuTime() - cpu) / 1e9;
        int measured = turns * exercises;
        long after = size();
        System.out.printf("  %-6s %.3f ms of CPU per command, %.1f s per 1,000 turns; file %+.1f KB per turn (%.1f MB in all)%n", store,
                seconds * 1000 / measured / turn.commands.size(), seconds * 1000 / measured, (after - bytes) / 1024.0 / measured,
                after / 1e6);
        if (sqlite) {
            tables(exercises * (turns + 2));
        }
        List<Played> deleted = played.subList(0, exercises / 2);
        for (Played p : deleted) {
            for (String table : List.of("exercise_event", "command_receipt", "exercise_snapshot", "exercise")) {
                jdbc.update("delete from " + table + " where exercise_id = ?", p.id);
            }
        }
        long afterDelete = size();
        int rounds = 0;
        while (compaction.compact()) {
            rounds++;
        }
        long compacted = size();
        List<Played> replacing = java.util.stream.IntStream.range(exercises, exercises + deleted.size())
                .mapToObj(e -> new Played(exerciseId(e), turn.state.copy())).toList();
        play(turn, replacing, turns + 2, perCommit);
        System.out.printf("  %-6s half the exercises deleted: %.1f MB; after %d compaction round(s) %.1f MB; after as many new exercises as "
                + "were deleted played as far: %.1f MB%n", store, afterDelete / 1e6, rounds, compacted / 1e6, size() / 1e6);
    }

    /** Ten characters, as the server's ids: a longer one would make the rows after the deletion larger. */
    private static String exerciseId(int n) {
        return String.format("ex-%07d", n);
    }

    /** Plays {@code turns} turns of every exercise, command by command across the exercises, as a busy server interleaves them. */
    private void play(Turn turn, List<Played> played, int turns, int perCommit) {
        List<Runnable> group = new ArrayList<>();
        for (int t = 0; t < turns; t++) {
            for (List<Logged> command : turn.commands) {
                for (Played p : played) {
                    List<ExerciseEvent> events = new ArrayList<>();
                    for (Logged l : command) {
                        ExerciseEvent e = l.event;
                        events.add(new ExerciseEvent(p.id, ++p.state.lastSeq, e.type(), e.turn(), e.phase(), Instant.now(), e.actor(),
                                e.channel(), e.payload()));
                    }
                    ExerciseState state = p.state.copy();
                    state.id = p.id;
                    List<String> payloads = command.stream().map(l -> l.payload).toList();
                    boolean snapshot = events.stream().anyMatch(e -> e.type() == EventType.RESULTS_PUBLISHED);
                    group.add(() -> {
                        log.append(state, events, payloads);
                        log.receipt(p.id, "p-0123456789 " + UUID.randomUUID(), events.get(0).seq(), state.lastSeq);
                        if (snapshot) {
                            log.snapshot(state);
                        }
                    });
                    if (group.size() == perCommit) {
                        List<Runnable> commit = List.copyOf(group);
                        log.write(() -> commit.forEach(Runnable::run));
                        group.clear();
                    }
                }
            }
            if (!sqlite) {
                compaction.compact();
            }
        }
        if (!group.isEmpty()) {
            log.write(() -> group.forEach(Runnable::run));
        }
    }

    /** SQLite's bytes per table and index (dbstat), per turn played in all, largest first. */
    private void tables(int turnsInAll) {
        System.out.println("    per turn played (KB; fill: share of the pages' bytes holding data):");
        jdbc.query("select name, sum(pgsize), sum(pgsize - unused) from dbstat group by name order by 2 desc limit 6", (org.springframework.jdbc.core.RowCallbackHandler) rs ->
                System.out.printf("      %-36s %6.2f  fill %3.0f%%%n", rs.getString(1), rs.getLong(2) / 1024.0 / turnsInAll,
                        100.0 * rs.getLong(3) / rs.getLong(2)));
        long free = jdbc.queryForObject("pragma freelist_count", Long.class) * jdbc.queryForObject("pragma page_size", Long.class);
        System.out.printf("      %-36s %6.2f%n", "(free pages)", free / 1024.0 / turnsInAll);
    }

    /** The database file: SQLite's after a checkpoint (its write-ahead log copied in), H2's files as they are. */
    private long size() throws java.io.IOException {
        if (sqlite) {
            jdbc.execute("pragma wal_checkpoint(TRUNCATE)");
            return Files.size(folder.resolve("hotline.db"));
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private record Logged(ExerciseEvent event, String payload) {
    }

    /** The commands of the log's last whole turn, and the state the log projects to before it. */
    private record Turn(List<List<Logged>> commands, ExerciseState state) {
        long payloadBytes() {
            return commands.stream().flatMap(List::stream).mapToLong(l -> l.payload.length()).sum();
        }
    }

    private static final class Played {
        final String id;
        final ExerciseState state;

        Played(String id, ExerciseState state) {
            this.id = id;
            this.state = state;
        }
    }

    /** The payloads of the last whole turn in the log, grouped as the benchmark's commands wrote them. */
    private Turn turn(Path logged) throws Exception {
        List<ExerciseEvent> events = Files.readAllLines(logged).stream().filter(l -> !l.isBlank())
                .map(l -> json.readValue(l, ExerciseEvent.class)).toList();
        int turn = events.get(events.size() - 1).turn() - 1;
        ExerciseState state = new ExerciseState();
        CopiedLog.project(events.stream().filter(e -> e.turn() < turn).toList(), events.get(0).exerciseId(), state, new Projector());
        List<Logged> turnEvents = events.stream().filter(e -> e.turn() == turn)
                .map(e -> new Logged(e, json.writeValueAsString(e.payload()))).toList();
        List<List<Logged>> commands = new ArrayList<>();
        int next = 0;
        for (int count : EVENTS_PER_COMMAND) {
            commands.add(turnEvents.subList(next, next + count));
            next += count;
        }
        commands.add(turnEvents.subList(next, turnEvents.size())); // the second seal, the adjudication and the results
        return new Turn(commands, state);
    }
}
