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
 * computed and then cached. With -Dturns.jfr=file the server records a JFR profile.
 * <pre>java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.hotline.live.TurnCosts</pre>
 * Options: -Dturns.warm=10 -Dturns.count=40.
 */
public final class TurnCosts {

    private static final int[] PER_TABLE = {1, 2, 4, 1};

    private TurnCosts() {
    }

    public static void main(String[] args) throws Exception {
        int warm = Integer.getInteger("turns.warm", 10);
        int count = Integer.getInteger("turns.count", 40);
        Path data = Files.createTempDirectory("hotline-turns");
        int status = 0;
        try (LoadServer server = new LoadServer(data, LoadBenchmark.scenarios(data), LoadBenchmark.blankToNull(System.getProperty("turns.jfr")))) {
            Wire wire = new Wire(server.port);
            String token = wire.login();
            jakarta.websocket.WebSocketContainer container = jakarta.websocket.ContainerProvider.getWebSocketContainer();
            container.setDefaultMaxTextMessageBufferSize(512 * 1024);
            LoadTable table = new LoadTable(wire, token, LoadBenchmark.SCENARIO, container);
            for (int i = 0; i < warm; i++) {
                table.playTurn();
            }
            long firstSeq = lastSeq(wire, token, table.id);
            long[] frames = LoadTable.frames();
            long[] bytes = LoadTable.bytes();
            double cpu = server.cpuSeconds();
            for (int i = 0; i < count; i++) {
                table.playTurn();
            }
            double cpuPerThousand = (server.cpuSeconds() - cpu) * 1000 / count;
            long[] framesAfter = LoadTable.frames();
            long[] bytesAfter = LoadTable.bytes();
            System.out.printf("%n%d turns after %d warm-up turns, one exercise of 8 clients (measured under shared load)%n", count, warm);
            for (Role role : Role.values()) {
                int r = role.ordinal();
                System.out.printf("  %-11s %5.1f frames, %6.2f KB per client per turn%n", role,
                        (framesAfter[r] - frames[r]) / (double) PER_TABLE[r] / count,
                        (bytesAfter[r] - bytes[r]) / 1024.0 / PER_TABLE[r] / count);
            }
            System.out.printf("  server CPU: %.1f s per 1,000 turns%n", cpuPerThousand);
            eventSizes(wire.log(table.id, token), firstSeq, count);
            while (lastSeq(wire, token, table.id) < 1000) {
                table.playTurn();
            }
            long seq = lastSeq(wire, token, table.id);
            long computed = reviewMillis(wire, token, table.id);
            long cached = reviewMillis(wire, token, table.id);
            System.out.printf("  review of the %d-event exercise: %d ms computed, %d ms read again%n", seq, computed, cached);
            table.disconnect();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // The STOMP clients' threads would keep the JVM alive.
        System.exit(status);
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

    private static long reviewMillis(Wire wire, String token, String id) {
        long start = System.nanoTime();
        wire.get("/api/reviews/" + id, token);
        return (System.nanoTime() - start) / 1_000_000;
    }
}
