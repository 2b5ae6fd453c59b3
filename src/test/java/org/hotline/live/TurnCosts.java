package org.hotline.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.live.LoadTable.Role;
import tools.jackson.databind.JsonNode;

/**
 * A small measurement, not a test and not the load benchmark: one exercise of eight clients
 * ({@link LoadTable}) plays turns one after another against a server in its own JVM
 * ({@link LoadServer}), and this prints what one turn costs: WebSocket frames and bytes per client by
 * role, the bytes of each event type in the log, the server's CPU per 1,000 turns (one exercise, so
 * no group commit across exercises), and the time to serve the review of a 1,000-event exercise,
 * computed and then read again. With -Dturns.jfr=file the server records a JFR profile.
 * <pre>java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.hotline.live.TurnCosts</pre>
 * Options: -Dturns.warm=3 -Dturns.count=20 (fewer when the exercise ends in conflict), -Dturns.log=file (the
 * measured exercise's log, as the REST log gives it to the facilitator, one event a line),
 * -Dturns.server="--spring.datasource.url=…" (arguments for the server, e.g. other database settings).
 */
public final class TurnCosts {

    private static final int[] PER_TABLE = {1, 2, 4, 1};

    private TurnCosts() {
    }

    public static void main(String[] args) throws Exception {
        int warm = Integer.getInteger("turns.warm", 3);
        int count = Integer.getInteger("turns.count", 20);
        Path data = Files.createTempDirectory("hotline-turns");
        int status = 0;
        String[] serverArgs = System.getProperty("turns.server", "").isBlank() ? new String[0]
                : System.getProperty("turns.server").trim().split("\\s+");
        try (LoadServer server = new LoadServer(data, LoadBenchmark.scenarios(data), LoadBenchmark.blankToNull(System.getProperty("turns.jfr")),
                serverArgs)) {
            Wire wire = new Wire(server.port);
            String token = wire.login();
            jakarta.websocket.WebSocketContainer container = jakarta.websocket.ContainerProvider.getWebSocketContainer();
            container.setDefaultMaxTextMessageBufferSize(512 * 1024);
            LoadTable table = new LoadTable(wire, token, LoadBenchmark.SCENARIO, container);
            play(table, warm);
            long firstSeq = lastSeq(wire, token, table.id);
            long[] frames = LoadTable.frames();
            long[] bytes = LoadTable.bytes();
            double cpu = server.cpuSeconds();
            long database = server.databaseBytes();
            int played = play(table, count);
            double cpuPerThousand = (server.cpuSeconds() - cpu) * 1000 / played;
            long databaseGrowth = server.databaseBytes() - database;
            long[] framesAfter = LoadTable.frames();
            long[] bytesAfter = LoadTable.bytes();
            System.out.printf("%n%d turns after %d warm-up turns, one exercise of 8 clients (measured under shared load)%n", played, warm);
            for (Role role : Role.values()) {
                int r = role.ordinal();
                System.out.printf("  %-11s %5.1f frames, %6.2f KB per client per turn%n", role,
                        (framesAfter[r] - frames[r]) / (double) PER_TABLE[r] / played,
                        (bytesAfter[r] - bytes[r]) / 1024.0 / PER_TABLE[r] / played);
            }
            System.out.printf("  server CPU: %.1f s per 1,000 turns%n", cpuPerThousand);
            System.out.printf("  database: %.1f KB more per turn (its pages, without the write-ahead log beside it)%n",
                    databaseGrowth / 1024.0 / played);
            List<JsonNode> log = wire.log(table.id, token);
            eventSizes(log, firstSeq, played);
            String keep = LoadBenchmark.blankToNull(System.getProperty("turns.log"));
            if (keep != null) {
                Files.writeString(Path.of(keep), String.join("\n", log.stream().map(JsonNode::toString).toList()));
            }
            table.disconnect();
            review(server, wire, token, new LoadTable(wire, token, LoadBenchmark.SCENARIO, container));
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // The STOMP clients' threads would keep the JVM alive.
        System.exit(status);
    }

    /** Plays up to {@code turns} turns, fewer when the exercise ends (in conflict); returns how many. */
    private static int play(LoadTable table, int turns) {
        for (int i = 0; i < turns; i++) {
            if (table.ended()) {
                return i;
            }
            try {
                table.playTurn();
            } catch (LoadTable.Ended late) {
                return i;
            }
        }
        return turns;
    }

    /**
     * Plays turns, each followed by 25 of the facilitator's notes (these exercises end in conflict
     * after about twenty turns), up to 1,000 events; then reads the review twice.
     */
    private static void review(LoadServer server, Wire wire, String token, LoadTable table) {
        long seq = lastSeq(wire, token, table.id);
        while (seq < 1000 && play(table, 1) == 1) {
            for (int note = 0; note < 25 && !table.ended(); note++) {
                table.facilitator.command(table.id, "note", Map.of("tag", "NOTE", "text", "a note between turns, " + note));
            }
            seq = lastSeq(wire, token, table.id);
        }
        double cpu = server.cpuSeconds();
        long computed = reviewMillis(wire, token, table.id);
        double computedCpu = server.cpuSeconds() - cpu;
        long cached = reviewMillis(wire, token, table.id);
        double cachedCpu = server.cpuSeconds() - cpu - computedCpu;
        table.facilitator.command(table.id, "note", Map.of("tag", "NOTE", "text", "a note after the review was read"));
        lastSeq(wire, token, table.id);
        double before = server.cpuSeconds();
        long again = reviewMillis(wire, token, table.id);
        double againCpu = server.cpuSeconds() - before;
        System.out.printf("  review of a %d-event exercise: %d ms computed, %d ms read again, %d ms after one more event%n", seq, computed,
                cached, again);
        // The server's CPU (every thread: the JIT's too) is what another load on the core does not change.
        System.out.printf("    server CPU: %.0f ms computed, %.0f ms read again, %.0f ms after one more event%n", computedCpu * 1000,
                cachedCpu * 1000, againCpu * 1000);
        table.disconnect();
    }

    /** JSON bytes per turn of each event type in the measured turns, largest first. */
    private static void eventSizes(List<JsonNode> log, long after, int turns) {
        Map<String, long[]> byType = new TreeMap<>();
        for (JsonNode e : log) {
            if (e.get("seq").asLong() > after) {
                long[] sum = byType.computeIfAbsent(e.get("type").asString(), t -> new long[2]);
                sum[0]++;
                sum[1] += e.toString().length();
            }
        }
        System.out.println("  log per turn by event type (events, JSON KB):");
        byType.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).forEach(t ->
                System.out.printf("    %-22s %4.1f  %6.2f%n", t.getKey(), t.getValue()[0] / (double) turns,
                        t.getValue()[1] / 1024.0 / turns));
    }

    private static long lastSeq(Wire wire, String token, String id) {
        return wire.get("/api/exercises/" + id, token).body().get("lastSeq").asLong();
    }

    /** The time to the last byte of the review's answer (not parsed here: the driver shares the cores). */
    private static long reviewMillis(Wire wire, String token, String id) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + wire.port + "/api/reviews/" + id)).header("Authorization", "Bearer " + token).build();
        try {
            long start = System.nanoTime();
            byte[] body = HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("    (review answer: %d KB in %d ms)%n", body.length / 1024, millis);
            return millis;
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
}
