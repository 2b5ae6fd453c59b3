package org.hotline.exercise.internal;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A measurement, not a test: what the embedded stores cost for the log's writes. One turn's events as
 * the server logs them (a log written by {@code TurnCosts -Dturns.log=file}) are written for many
 * exercises in the commits the commands make (advance, four draft lines, two seals with the
 * adjudication), one transaction per command with its receipt and, at the results, the snapshot; for
 * H2 with the server's settings and StoreCompaction's compaction, and for SQLite with StoreChoice's.
 * Prints the process's CPU per command and the database files' growth per turn.
 * <pre>java -Dstore.log=/tmp/turn.jsonl -cp target/test-classes:target/classes:$(cat target/cp.txt) org.hotline.exercise.internal.StoreCosts</pre>
 * Options: -Dstore.exercises=100 -Dstore.turns=20 -Dstore.per-commit=1 (commands in one transaction, as a busy group commit).
 */
public final class StoreCosts {

    /** The commands of the logged turn by their events, in order (the benchmark's turn). */
    private static final int[] EVENTS_PER_COMMAND = {5, 1, 1, 1, 1, 1, 1, 2};

    private StoreCosts() {
    }

    public static void main(String[] args) throws Exception {
        List<List<String>> commands = commands(Path.of(System.getProperty("store.log", "/tmp/turn.jsonl")));
        int exercises = Integer.getInteger("store.exercises", 100);
        int turns = Integer.getInteger("store.turns", 20);
        int perCommit = Integer.getInteger("store.per-commit", 1);
        System.out.printf("%d exercises x %d turns, %d commands and %d events a turn, %d command(s) per commit%n", exercises, turns,
                commands.size(), commands.stream().mapToInt(List::size).sum(), perCommit);
        for (String store : List.of("h2", "sqlite")) {
            Path folder = Files.createTempDirectory("hotline-store-");
            String url = store.equals("h2") ? "jdbc:h2:file:" + folder.resolve("hotline") + StoreChoice.H2_OPTIONS
                    : "jdbc:sqlite:" + folder.resolve("hotline.db") + StoreChoice.SQLITE_OPTIONS;
            try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
                measure(store, connection, folder, commands, exercises, turns, perCommit);
            }
        }
    }

    private static void measure(String store, Connection connection, Path folder, List<List<String>> commands, int exercises, int turns,
            int perCommit) throws Exception {
        try (Statement ddl = connection.createStatement()) {
            for (String table : Files.readString(Path.of("src/main/resources/db/migration/V1__event_log_and_access.sql")).split(";")) {
                if (table.contains("exercise_event (") || table.contains("command_receipt (") || table.contains("exercise_snapshot (")) {
                    ddl.execute(table);
                }
            }
        }
        connection.setAutoCommit(false);
        PreparedStatement event = connection.prepareStatement("insert into exercise_event (exercise_id, seq, type, turn, phase, channel, "
                + "actor, occurred_at, payload) values (?, ?, 'NOTE_ADDED', 1, 'ORDERS', 'CONTROL', 'W-0', ?, ?)");
        PreparedStatement receipt = connection.prepareStatement("insert into command_receipt values (?, ?, ?, ?)");
        PreparedStatement dropSnapshot = connection.prepareStatement("delete from exercise_snapshot where exercise_id = ?");
        PreparedStatement snapshot = connection.prepareStatement("insert into exercise_snapshot values (?, ?, ?)");
        String snapshotJson = String.join(",", commands.get(commands.size() - 1));
        StoreCompaction compaction = store.equals("h2") ? new StoreCompaction(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                connection, true), new StoreSettings(70, 5)) : null;
        long[] seq = new long[exercises];
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = 0;
        long bytes = 0;
        int written = 0;
        for (int turn = 0; turn < turns + 2; turn++) {
            if (turn == 2) { // two turns to warm up
                cpu = os.getProcessCpuTime();
                bytes = size(folder);
            }
            for (int c = 0; c < commands.size(); c++) {
                for (int e = 0; e < exercises; e++) {
                    String id = "ex-" + e;
                    long first = seq[e] + 1;
                    for (String payload : commands.get(c)) {
                        event.setString(1, id);
                        event.setLong(2, ++seq[e]);
                        event.setLong(3, System.currentTimeMillis());
                        event.setString(4, payload);
                        event.addBatch();
                    }
                    event.executeBatch();
                    receipt.setString(1, id);
                    receipt.setString(2, "p-0123456789 " + UUID.randomUUID());
                    receipt.setLong(3, first);
                    receipt.setLong(4, seq[e]);
                    receipt.executeUpdate();
                    if (c == commands.size() - 1) {
                        dropSnapshot.setString(1, id);
                        dropSnapshot.executeUpdate();
                        snapshot.setString(1, id);
                        snapshot.setLong(2, seq[e]);
                        snapshot.setString(3, snapshotJson);
                        snapshot.executeUpdate();
                    }
                    if (++written % perCommit == 0) {
                        connection.commit();
                    }
                }
            }
            if (compaction != null) {
                compaction.compact();
            }
        }
        connection.commit();
        double seconds = (os.getProcessCpuTime() - cpu) / 1e9;
        int measured = turns * exercises;
        System.out.printf("  %-6s %.3f ms of CPU per command, %.1f s per 1,000 turns; file %+.1f KB per turn (%.1f MB in all)%n", store,
                seconds * 1000 / measured / commands.size(), seconds * 1000 / measured, (size(folder) - bytes) / 1024.0 / measured,
                size(folder) / 1e6);
    }

    /** The payloads of the last whole turn in the log, grouped as the benchmark's commands wrote them. */
    private static List<List<String>> commands(Path log) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> events = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).map(json::readTree).toList();
        int turn = events.get(events.size() - 1).get("turn").asInt() - 1;
        List<String> payloads = events.stream().filter(e -> e.get("turn").asInt() == turn).map(e -> e.get("payload").toString()).toList();
        List<List<String>> commands = new ArrayList<>();
        int next = 0;
        for (int count : EVENTS_PER_COMMAND) {
            commands.add(payloads.subList(next, next + count));
            next += count;
        }
        commands.add(payloads.subList(next, payloads.size())); // the second seal, the adjudication and the results
        return commands;
    }

    private static long size(Path folder) throws java.io.IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
