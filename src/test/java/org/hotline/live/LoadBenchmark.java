package org.hotline.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.live.LoadTable.Client;
import org.hotline.live.LoadTable.Drafting;
import org.hotline.live.LoadTable.Role;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Load benchmark, not a test: {@code mvn -Pload-benchmark -DskipTests verify}. The server runs in
 * its own JVM on one core (see {@link LoadServer}); this JVM plays {@code load.exercises} exercises
 * (100) of eight clients each ({@link LoadTable}) at stepped offered turn rates and prints, per step,
 * the achieved rate, latency from the second seal to the last client seeing the results, errors,
 * server CPU per 1,000 turns, frames and bytes per client per turn by role, RSS and database size.
 * Then the highest rate that held p99 &lt; 100 ms, the database bytes per turn, a 100-turn exercise
 * alone (heap and RSS by turn, then its review's serving time), and heap per idle connected client.
 * Options: -Dload.rates=10,20,… -Dload.window=30 -Dload.fresh=90 -Dload.idle=2000 -Dload.jfr=file, -Dload.jvm="…" (the
 * server's JIT options, LoadServer.JIT_OPTIONS).
 * <p>
 * {@code -Dload.only=idle} runs the idle-clients stage alone, in a minute or two instead of ten: the
 * {@code load.exercises} exercises are created over REST (no players, no turns), then
 * {@code load.idle} observers connect and sit idle as in the whole run. {@code -Dload.histogram=25}
 * adds the server's heap histogram (jcmd GC.class_histogram) of that stage: the classes whose heap
 * grew most, in bytes per connected client; {@code -Dload.dump=/tmp/idle.hprof} a heap dump of the
 * server while they are connected (jcmd GC.heap_dump), to see what holds them; {@code -Dload.deflate=true}
 * has the idle observers ask for permessage-deflate, as browsers do. Without the Maven profile:
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx3g -Dload.only=idle -Dload.histogram=25 -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.hotline.live.LoadBenchmark
 * </pre>
 */
public final class LoadBenchmark {

    static final String SCENARIO = "load-hundred-turns";
    private static final int[] PER_TABLE = {1, 2, 4, 1};

    private final LoadServer server;
    private final Wire wire;
    private final String token;
    private final jakarta.websocket.WebSocketContainer container;
    private final List<LoadTable> tables = Collections.synchronizedList(new ArrayList<>());
    /**
     * Exercises made ready (created, joined, subscribed) before a step for those that end during it (the
     * war hazard ends one after about twenty turns): making them inside the window measured setting up,
     * not play. When they run out, one is made in the window and the step line says how many.
     */
    private final ConcurrentLinkedQueue<LoadTable> spares = new ConcurrentLinkedQueue<>();
    private final List<String> printed = new ArrayList<>();

    private LoadBenchmark(LoadServer server) {
        this.server = server;
        wire = new Wire(server.port);
        token = wire.login();
        container = jakarta.websocket.ContainerProvider.getWebSocketContainer();
        // The facilitator's engine drafts are the largest frames a client gets.
        container.setDefaultMaxTextMessageBufferSize(512 * 1024);
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("hotline-load");
        Path scenarios = scenarios(data);
        int status = 0;
        try (LoadServer server = new LoadServer(data, scenarios, blankToNull(System.getProperty("load.jfr")))) {
            new LoadBenchmark(server).run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // The STOMP clients' threads would keep the JVM alive.
        System.exit(status);
    }

    /** A scenarios folder under {@code data} holding {@link #SCENARIO}: the future scenario, 100 turns long. */
    static Path scenarios(Path data) throws java.io.IOException {
        Path scenarios = Files.createDirectories(data.resolve("scenarios"));
        Files.writeString(scenarios.resolve(SCENARIO + ".yaml"), Files.readString(Path.of("exercises/future-after-ukraine.yaml"))
                .replaceFirst("(?m)^id: .*$", "id: " + SCENARIO).replaceFirst("(?m)^turns: .*$", "turns: 100"));
        return scenarios;
    }

    private void run() throws Exception {
        int exercises = Integer.getInteger("load.exercises", 100);
        if ("idle".equals(System.getProperty("load.only"))) {
            idleOnly(exercises);
            return;
        }
        int window = Integer.getInteger("load.window", 30);
        int[] rates = Arrays.stream(System.getProperty("load.rates", "10,20,50,100,200,300,400,600,800,1200").split(","))
                .mapToInt(Integer::parseInt).toArray();
        System.out.printf("%nHotline load benchmark: %d exercises x 8 clients (3 players per team, a facilitator, an observer);"
                + " server pid %d %s, -XX:ActiveProcessorCount=1 -Xmx512m %s; this machine has %d cores shared with other work%n",
                exercises, server.pid(), server.pinned ? "pinned to core 0 (taskset)" : "not pinned (no taskset)",
                LoadServer.JIT_OPTIONS.isEmpty() ? "(the JVM's default JIT)" : LoadServer.JIT_OPTIONS,
                Runtime.getRuntime().availableProcessors());
        long setup = System.nanoTime();
        ExecutorService setupPool = Executors.newFixedThreadPool(8);
        List<Future<LoadTable>> made = new ArrayList<>();
        for (int i = 0; i < exercises; i++) {
            made.add(setupPool.submit(() -> newTable()));
        }
        for (Future<LoadTable> table : made) {
            tables.add(table.get());
        }
        setupPool.shutdown();
        System.out.printf("%d exercises and %d clients ready in %.1f s; server RSS %.0f MB%n", exercises, exercises * 8,
                (System.nanoTime() - setup) / 1e9, server.rssMegabytes());
        summary("%s", "step | offered t/s | achieved t/s | p50 | p95 | p99 | max ms | errors | lost | replaced (made in window) | CPU s/1000 turns (JIT, GC)"
                + " | frames/turn F,lead,player,obs | KB/turn F,lead,player,obs | RSS MB | DB MB");
        long dbBefore = server.databaseBytes();
        long turnsBefore = turnsPlayed();
        step("fresh, 20 t/s for " + Integer.getInteger("load.fresh", 90) + " s", 20, Integer.getInteger("load.fresh", 90));
        int held = 0;
        for (int rate : rates) {
            Step s = step("warm, " + rate + " t/s", rate, window);
            if (s.p99 < 100 && s.errors == 0 && s.achieved >= 0.9 * rate) {
                held = rate;
            }
            if (s.achieved < 0.8 * rate) {
                System.out.println("(saturated: the higher steps are not run)");
                break;
            }
        }
        long turns = turnsPlayed() - turnsBefore;
        double dbPerTurn = (server.databaseBytes() - dbBefore) / (double) Math.max(1, turns);
        summary("highest offered rate held at p99 < 100 ms, no errors: %d turns/s", held);
        summary("database file: %.1f MB after %d turns; %.1f KB per turn played, %.1f MB per 1,000 turns",
                server.databaseBytes() / 1e6, turns, dbPerTurn / 1024, dbPerTurn * 1000 / 1e6);
        spares.forEach(LoadTable::disconnect);
        spares.clear();
        List<LoadTable> played = tables.stream().filter(java.util.Objects::nonNull).toList();
        played.forEach(LoadTable::disconnect);
        longExercise();
        // Observers join exercises still running (one that has ended takes no one); if every one has ended, new ones.
        List<Observed> running = played.stream().filter(t -> !t.ended()).map(t -> new Observed(t.id, t.observerCode)).toList();
        idleClients(Integer.getInteger("load.idle", 2000), running.isEmpty() ? created(exercises) : running);
        deleteAndPlayOn();
        printSummary();
    }

    /**
     * Deletes every exercise played so far, as a centre clears old ones, then plays on: the file must
     * give their space back or use it again, not grow.
     */
    private void deleteAndPlayOn() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        wire.get("/api/exercises", token).body().forEach(exercise -> ids.add(exercise.get("id").asString()));
        long before = server.databaseBytes();
        long usedBefore = server.databaseBytesInUse();
        for (String id : ids) {
            int status = wire.post("/api/exercises/" + id + "/delete", Map.of("confirm", id), token).status();
            if (status != 200) {
                throw new IllegalStateException("deleting exercise " + id + " answered " + status);
            }
        }
        // The store hands freed pages back in the background, every few seconds.
        Thread.sleep(15_000);
        long deleted = server.databaseBytes();
        long usedDeleted = server.databaseBytesInUse();
        LoadTable table = newTable(Drafting.EVERY_ISSUE);
        int turns = 0;
        try {
            while (turns < 50 && !table.ended()) {
                table.playTurn();
                turns++;
            }
        } catch (LoadTable.Ended late) {
            // Fewer turns; the line says how many.
        }
        table.disconnect();
        Thread.sleep(15_000);
        summary("deleting all %d exercises: database file %.1f MB (%.1f in use) -> %.1f MB (%.1f in use); after %d turns"
                + " more: %.1f MB (%.1f in use)", ids.size(), before / 1e6, usedBefore / 1e6, deleted / 1e6, usedDeleted / 1e6, turns,
                server.databaseBytes() / 1e6, server.databaseBytesInUse() / 1e6);
    }

    /** The idle-clients stage alone, on {@code exercises} exercises made over REST, nobody seated. */
    private void idleOnly(int exercises) {
        System.out.printf("%nHotline load benchmark, idle clients only: %d exercises; server pid %d %s, -XX:ActiveProcessorCount=1"
                + " -Xmx512m%n", exercises, server.pid(), server.pinned ? "pinned to core 0 (taskset)" : "not pinned (no taskset)");
        idleClients(Integer.getInteger("load.idle", 2000), created(exercises));
        printSummary();
    }

    /** {@code exercises} new exercises, made over REST, nobody seated. */
    private List<Observed> created(int exercises) {
        List<Observed> observed = new ArrayList<>();
        for (int i = 0; i < exercises; i++) {
            JsonNode created = wire.create(token, SCENARIO, "AUTOMATIC", Map.of());
            observed.add(new Observed(created.get("id").asString(), created.get("joinCodes").get("OBSERVER").asString()));
        }
        return observed;
    }

    private void printSummary() {
        System.out.println();
        printed.forEach(System.out::println);
        System.out.println("(the server on one core; whatever else ran on this machine meanwhile shares its cores: compare runs made alike)");
    }

    /** An exercise the idle observers join. */
    private record Observed(String id, String observerCode) {
    }

    private LoadTable newTable() {
        return newTable(Drafting.TWO_LINES);
    }

    private LoadTable newTable(Drafting drafting) {
        return new LoadTable(wire, token, SCENARIO, container, drafting);
    }

    private long turnsPlayed() {
        return TURNS.get();
    }

    private static final AtomicLong TURNS = new AtomicLong();

    record Step(double achieved, double p99, long errors) {
    }

    /** Offers {@code rate} turns/s spread evenly over the exercises for {@code seconds}, then prints the figures. */
    private static String perThousand(LoadServer.Cpu used, int turns) {
        double scale = 1000.0 / Math.max(1, turns);
        return String.format("%.2f (%.2f, %.2f)", used.total() * scale, used.jit() * scale, used.gc() * scale);
    }

    private Step step(String name, int rate, int seconds) throws Exception {
        // The benchmark's exercises end after 12-20 turns (the war hazard): enough spares that a step
        // measures play rather than setting up (at 100 turns/s, 100 spares ran out and the achieved rate fell to 87).
        readySpares((int) Math.min(4L * tables.size(), Math.ceil(rate * seconds / 12.0)));
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        AtomicLong replaced = new AtomicLong();
        AtomicLong madeInWindow = new AtomicLong();
        long[] frames = LoadTable.frames();
        long[] bytes = LoadTable.bytes();
        LoadServer.Cpu cpu = server.cpu();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long interval = (long) (1e9 * tables.size() / rate);
        ExecutorService pool = Executors.newFixedThreadPool(tables.size());
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            int slot = i;
            long offset = interval * i / tables.size();
            running.add(pool.submit(() -> playUntil(slot, start + offset, interval, end, latencies, errors, lost, replaced,
                    madeInWindow)));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        LoadServer.Cpu cpuUsed = server.cpu().minus(cpu);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int turns = sorted.size();
        TURNS.addAndGet(turns);
        long[] framesNow = LoadTable.frames();
        long[] bytesNow = LoadTable.bytes();
        StringBuilder perRoleFrames = new StringBuilder();
        StringBuilder perRoleBytes = new StringBuilder();
        for (Role role : Role.values()) {
            double clientTurns = Math.max(1, turns) * (double) PER_TABLE[role.ordinal()];
            perRoleFrames.append(String.format("%s%.1f", role.ordinal() == 0 ? "" : ",", (framesNow[role.ordinal()] - frames[role.ordinal()]) / clientTurns));
            perRoleBytes.append(String.format("%s%.1f", role.ordinal() == 0 ? "" : ",", (bytesNow[role.ordinal()] - bytes[role.ordinal()]) / clientTurns / 1024));
        }
        Step result = new Step(turns / elapsed, percentile(sorted, 99), errors.get());
        String line = String.format("%s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %d | %d (%d) | %s | %s | %s | %.0f | %.1f", name, rate,
                result.achieved, percentile(sorted, 50), percentile(sorted, 95), result.p99, percentile(sorted, 100),
                errors.get(), lost.get(), replaced.get(), madeInWindow.get(), perThousand(cpuUsed, turns), perRoleFrames, perRoleBytes,
                server.rssMegabytes(), server.databaseBytes() / 1e6);
        System.out.println(line);
        printed.add(line);
        return result;
    }

    /** Tops the spare exercises up to {@code count}, between steps. */
    private void readySpares(int count) throws Exception {
        ExecutorService setupPool = Executors.newFixedThreadPool(8);
        List<Future<LoadTable>> made = new ArrayList<>();
        for (int i = spares.size(); i < count; i++) {
            made.add(setupPool.submit(() -> newTable()));
        }
        for (Future<LoadTable> table : made) {
            spares.add(table.get());
        }
        setupPool.shutdown();
    }

    private void playUntil(int slot, long first, long interval, long end, ConcurrentLinkedQueue<Long> latencies,
                           AtomicLong errors, AtomicLong lost, AtomicLong replaced, AtomicLong madeInWindow) {
        long next = first;
        while (next < end) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LoadServer.sleep(wait / 1_000_000);
            }
            LoadTable table = tables.get(slot);
            try {
                if (table == null || table.ended() || table.turn() >= 100) {
                    if (table != null) {
                        table.disconnect();
                    }
                    tables.set(slot, null);
                    replaced.incrementAndGet();
                    table = spares.poll();
                    if (table == null) {
                        madeInWindow.incrementAndGet();
                        table = newTable();
                    }
                    tables.set(slot, table);
                }
                long latency = table.playTurn();
                if (System.nanoTime() <= end) {
                    latencies.add(latency);
                }
            } catch (LoadTable.Ended notPlayed) {
                // Replaced on the next round of this slot, as an exercise seen to have ended.
            } catch (RuntimeException e) {
                if (errors.incrementAndGet() <= 3) {
                    System.out.println("  error in exercise " + (table == null ? "(new)" : table.id + " turn " + (table.turn() + 1))
                            + ": " + e.getMessage());
                }
                if (table != null) {
                    lost.incrementAndGet();
                    table.disconnect();
                }
                tables.set(slot, null);
            }
            next = Math.max(next + interval, System.nanoTime() - interval);
        }
    }

    /**
     * One exercise alone for 100 turns: heap after GC and RSS as its log grows, then its review. Its
     * leads talk on every issue ({@link Drafting#EVERY_ISSUE}): with the benchmark's two lines tension
     * climbs and the engine's war hazard ends the exercise after about twenty turns. Should it end all
     * the same, a new exercise plays the remaining turns and the output says so.
     */
    private void longExercise() {
        LoadTable table = newTable(Drafting.EVERY_ISSUE);
        System.out.printf("%none exercise alone, 100 turns (the leads negotiate on every issue): heap after GC and server RSS by turn%n");
        boolean thousand = false;
        for (int turn = 0; turn <= 100; turn++) {
            if (turn > 0) {
                table.playTurn();
            }
            JsonNode exercise = wire.get("/api/exercises/" + table.id, token).body();
            long seq = exercise.get("lastSeq").asLong();
            if (turn % 25 == 0) {
                System.out.printf("  turn %3d: heap %.1f MB, RSS %.0f MB (log: %d events)%n", turn, server.heapAfterGc() / 1e6,
                        server.rssMegabytes(), seq);
            }
            if (!thousand && seq >= 1000) {
                thousand = true;
                long computed = reviewMillis(table.id);
                long cached = reviewMillis(table.id);
                // One event more and the cached review is stale: computed again, by code the first read has warmed.
                table.facilitator.command(table.id, "note", Map.of("tag", "MOMENT", "text", "the review is read"));
                long again = reviewMillis(table.id);
                summary("review of a %d-event exercise in progress: %d ms computed (the server's first), %d ms read again"
                        + " (cached), %d ms computed again after one event more", seq, computed, cached, again);
            }
            if (turn < 100 && "ENDED".equals(exercise.get("phase").asString())) {
                summary("the long exercise %s ended after its turn %d; turns %d to 100 are played in a new exercise", table.id,
                        table.turn(), turn + 1);
                table.disconnect();
                table = newTable(Drafting.EVERY_ISSUE);
            }
        }
        if (!"ENDED".equals(wire.get("/api/exercises/" + table.id, token).body().get("phase").asString())) {
            table.facilitator.command(table.id, "control", Map.of("type", "END", "reason", "benchmark done"));
        }
        table.disconnect();
        int events = wire.get("/api/reviews/" + table.id, token).body().path("events").size();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            millis.add(reviewMillis(table.id));
        }
        Collections.sort(millis);
        summary("review of a %d-event exercise (GET /api/reviews/{id}, 5 reads after the first): median %d ms, max %d ms",
                events, millis.get(2), millis.get(4));
    }

    private long reviewMillis(String exerciseId) {
        long start = System.nanoTime();
        wire.get("/api/reviews/" + exerciseId, token);
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Heap after GC before and after {@code count} observers connect and subscribe, then sit idle. */
    private void idleClients(int count, List<Observed> observed) {
        jakarta.websocket.WebSocketContainer small = jakarta.websocket.ContainerProvider.getWebSocketContainer();
        small.setDefaultMaxTextMessageBufferSize(16 * 1024);
        small.setDefaultMaxBinaryMessageBufferSize(1024);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(wire.join(observed.get(i % observed.size()).observerCode, "Idle " + i).get("token").asString());
        }
        int histogram = Integer.getInteger("load.histogram", 0);
        Map<String, long[]> classesBefore = histogram > 0 ? server.classHistogram() : Map.of();
        long before = server.heapAfterGc();
        double rssBefore = server.rssMegabytes();
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        if (Boolean.getBoolean("load.deflate")) {
            handshake.setSecWebSocketExtensions(List.of(new WebSocketExtension("permessage-deflate")));
        }
        List<Client> idle = new ArrayList<>();
        int refused = 0;
        String firstRefusal = null;
        for (int i = 0; i < count; i++) {
            try {
                idle.add(new Client(wire, small, tokens.get(i), Role.OBSERVER,
                        List.of("/topic/exercise." + observed.get(i % observed.size()).id + ".public"), handshake));
            } catch (RuntimeException e) {
                refused++;
                firstRefusal = firstRefusal == null ? e.getMessage() : firstRefusal;
            }
        }
        LoadServer.sleep(2000);
        long connected = idle.stream().filter(Client::connected).count();
        long after = server.heapAfterGc();
        summary("idle clients%s: %d of %d connected (%d refused%s); heap after GC %.1f -> %.1f MB = %.1f KB per client;"
                        + " RSS %.0f -> %.0f MB", handshake.getSecWebSocketExtensions().isEmpty() ? "" : " (permessage-deflate asked)",
                connected, count, refused, firstRefusal == null ? "" : ": " + firstRefusal,
                before / 1e6, after / 1e6, (after - before) / 1024.0 / Math.max(1, connected), rssBefore, server.rssMegabytes());
        if (histogram > 0) {
            growth(classesBefore, server.classHistogram(), histogram, Math.max(1, connected));
        }
        String dump = blankToNull(System.getProperty("load.dump"));
        if (dump != null) {
            System.out.println(server.jcmd("GC.heap_dump", Path.of(dump).toAbsolutePath().toString()).trim());
        }
        idle.forEach(Client::disconnect);
    }

    /** The {@code top} classes whose heap grew most between two histograms, per connected client. */
    private void growth(Map<String, long[]> before, Map<String, long[]> after, int top, long clients) {
        record Growth(String name, long instances, long bytes) {
        }
        List<Growth> grown = new ArrayList<>();
        after.forEach((name, now) -> {
            long[] then = before.getOrDefault(name, new long[2]);
            grown.add(new Growth(name, now[0] - then[0], now[1] - then[1]));
        });
        grown.sort(java.util.Comparator.comparingLong(Growth::bytes).reversed());
        long total = grown.stream().mapToLong(Growth::bytes).sum();
        summary("server heap histogram, growth per idle client (%.1f KB in all):", total / 1024.0 / clients);
        grown.stream().limit(top).forEach(g -> summary("  %8.1f bytes %6.2f instances  %s", g.bytes() / (double) clients,
                g.instances() / (double) clients, g.name()));
    }

    private void summary(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println(line);
        printed.add(line);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1))) / 1e6;
    }
}
