package org.hotline.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.live.Wire;
import tools.jackson.databind.JsonNode;

/**
 * Cluster measurement, not a test: {@code mvn -Pcluster-benchmark -DskipTests verify}. The load of the
 * single-node benchmark (org.hotline.live.LoadBenchmark and LoadTable), on 1 and then 2 node processes
 * with the cluster profile and this machine's PostgreSQL and RabbitMQ: {@code cluster.exercises}
 * exercises of eight seats each (a facilitator, three players per team of whom the first drafts and
 * seals, an observer), the seats of each exercise spread over the nodes as a load balancer without
 * sticky sessions would. A turn: the facilitator's START (later ADVANCE) and two ADVANCEs to ORDERS,
 * two draft lines from each lead, both seals; the engine adjudicates at once (AUTOMATIC); the turn is
 * over when all eight seats have RESULTS_PUBLISHED. Latency: from the second seal to the last seat
 * seeing the results. Offered turn rates are stepped ({@code cluster.rates}, {@code cluster.window}
 * seconds each); the figure is the highest rate held with p99 under 100 ms, no errors and at least 90%
 * of it achieved.
 */
public final class ClusterBenchmark {

    private static final String SCENARIO = "load-hundred-turns";
    private static final int TURNS_PER_EXERCISE = 100;
    private static final long TURN_TIMEOUT_MILLIS = 5_000;
    private static final List<String> TEAM_W = List.of("public", "diplomacy", "team.WASHINGTON");
    private static final List<String> TEAM_M = List.of("public", "diplomacy", "team.MOSCOW");

    public static void main(String[] args) throws Exception {
        int exercises = Integer.getInteger("cluster.exercises", 40);
        int window = Integer.getInteger("cluster.window", 30);
        int[] rates = Arrays.stream(System.getProperty("cluster.rates", "5,10,20,40,80,160,320").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).toArray();
        ClusterNodes.requireServices("ClusterBenchmark");
        Path scenarios = Files.createTempDirectory("hotline-cluster-scenarios");
        // The single-node benchmark's scenario: the real one, long enough that no exercise ends within a step.
        Files.writeString(scenarios.resolve(SCENARIO + ".yaml"), Files.readString(Path.of("exercises/future-after-ukraine.yaml"))
                .replaceFirst("(?m)^id: .*$", "id: " + SCENARIO).replaceFirst("(?m)^turns: .*$", "turns: " + TURNS_PER_EXERCISE));
        List<String> results = new ArrayList<>();
        int status = 0;
        try {
            int[] nodeCounts = Arrays.stream(System.getProperty("cluster.nodes", "1,2").split(",")).map(String::strip)
                    .mapToInt(Integer::parseInt).toArray();
            for (int nodes : nodeCounts) {
                try (ClusterNodes cluster = new ClusterNodes()) {
                    List<ClusterNodes.Node> running = new ArrayList<>();
                    for (int n = 0; n < nodes; n++) {
                        running.add(cluster.start("bench-" + n, "--logging.level.root=WARN", "--logging.level.org.hotline=INFO",
                                "--hotline.scenarios.folder=" + scenarios.toAbsolutePath()));
                    }
                    results.add(new ClusterBenchmark(running).run(exercises, rates, window));
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.println();
        results.forEach(System.out::println);
        System.out.println("(2-core machine shared by the nodes, PostgreSQL, RabbitMQ and this client JVM; the single-node"
                + " benchmark pins its server to one core and uses H2)");
        // The STOMP clients' threads would keep the JVM alive.
        System.exit(status);
    }

    private final List<ClusterNodes.Node> nodes;
    private final Wire wire;
    private final String token;
    private final AtomicInteger made = new AtomicInteger();
    /** Exercises the engine ended (in conflict) before their last turn; replaced, not counted as errors. */
    private final AtomicLong ended = new AtomicLong();
    /** Late events and catch-ups a browser would need, of the seats of exercises already closed. */
    private final AtomicLong closedLate = new AtomicLong();
    private final AtomicLong closedCatchUps = new AtomicLong();

    private ClusterBenchmark(List<ClusterNodes.Node> nodes) {
        this.nodes = nodes;
        wire = nodes.get(0).wire();
        token = wire.login();
    }

    private String run(int exercises, int[] rates, int window) throws Exception {
        System.out.printf("%nCluster benchmark, %d node(s): %d exercises x 8 seats%n", nodes.size(), exercises);
        List<Table> tables = Collections.synchronizedList(new ArrayList<>());
        long setUp = System.nanoTime();
        for (int i = 0; i < exercises; i++) {
            tables.add(new Table());
        }
        System.out.printf("%d exercises (%d seats) set up and live in %.1f s%n", exercises, exercises * 8, (System.nanoTime() - setUp) / 1e9);
        System.out.println("step | offered t/s | achieved t/s | p50 | p95 | p99 | max ms | errors | ended by the engine"
                + " | events late per turn | catch-ups a browser would need per turn"
                + " | CPU s per 1,000 turns: nodes, PostgreSQL, RabbitMQ, this load generator | machine busy");
        int held = 0;
        for (int rate : rates) {
            Cpu before = Cpu.read(nodes);
            long endedBefore = ended.get();
            long lateBefore = late(tables);
            long catchUpsBefore = catchUps(tables);
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicLong errors = new AtomicLong();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(window);
            long interval = (long) (1e9 * tables.size() / rate);
            ExecutorService pool = Executors.newFixedThreadPool(tables.size());
            List<Future<?>> playing = new ArrayList<>();
            for (int i = 0; i < tables.size(); i++) {
                int slot = i;
                long first = start + interval * i / tables.size();
                playing.add(pool.submit(() -> playUntil(tables, slot, first, interval, end, latencies, errors)));
            }
            for (Future<?> f : playing) {
                f.get();
            }
            pool.shutdown();
            double elapsed = (System.nanoTime() - start) / 1e9;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            double achieved = sorted.size() / elapsed;
            double p99 = percentile(sorted, 99);
            double turns = Math.max(1, sorted.size());
            Cpu used = Cpu.read(nodes).minus(before);
            System.out.printf("warm, %d t/s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %d | %.1f | %.1f | %.1f, %.1f, %.1f, %.1f | %.0f%%%n",
                    rate, rate, achieved, percentile(sorted, 50), percentile(sorted, 95), p99, percentile(sorted, 100), errors.get(),
                    ended.get() - endedBefore, (late(tables) - lateBefore) / turns, (catchUps(tables) - catchUpsBefore) / turns,
                    used.nodes * 1000 / turns, used.postgres * 1000 / turns, used.rabbit * 1000 / turns, used.generator * 1000 / turns,
                    100 * used.machineBusy);
            if (p99 < 100 && errors.get() == 0 && achieved >= 0.9 * rate) {
                held = rate;
            }
            if (achieved < 0.8 * rate) {
                System.out.println("(saturated: the higher steps are not run)");
                break;
            }
        }
        tables.stream().filter(java.util.Objects::nonNull).forEach(Table::close);
        return String.format("%d node(s): highest offered rate held at p99 < 100 ms, no errors: %d turns/s", nodes.size(), held);
    }

    private long late(List<Table> tables) {
        return closedLate.get() + tables.stream().filter(java.util.Objects::nonNull)
                .flatMap(t -> t.seats.stream()).mapToLong(seat -> seat.lateEvents.get()).sum();
    }

    private long catchUps(List<Table> tables) {
        return closedCatchUps.get() + tables.stream().filter(java.util.Objects::nonNull)
                .flatMap(t -> t.seats.stream()).mapToLong(seat -> seat.catchUpsNeeded.get()).sum();
    }

    /** As the single-node benchmark: the slot's exercise plays a turn every {@code interval}; a spent or failed one is replaced. */
    private void playUntil(List<Table> tables, int slot, long first, long interval, long end, ConcurrentLinkedQueue<Long> latencies,
                           AtomicLong errors) {
        long next = first;
        while (next < end) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Table table = tables.get(slot);
            try {
                if (table == null || table.turn >= TURNS_PER_EXERCISE) {
                    if (table != null) {
                        table.close();
                    }
                    tables.set(slot, null);
                    table = null;
                    table = new Table();
                    tables.set(slot, table);
                }
                long latency = table.playTurn();
                if (System.nanoTime() <= end) {
                    latencies.add(latency);
                }
            } catch (RuntimeException e) {
                if (table != null && (table.ended || String.valueOf(e.getMessage()).contains("The exercise has ended"))) {
                    // The engine ended it (conflict: the war hazard) before its 100 turns: a new exercise takes the slot.
                    ended.incrementAndGet();
                } else if (errors.incrementAndGet() <= 3) {
                    System.out.println("  error in exercise " + (table == null ? "(new)" : table.id + " turn " + (table.turn + 1))
                            + ": " + e.getMessage());
                }
                if (table != null) {
                    table.close();
                }
                tables.set(slot, null);
            }
            next = Math.max(next + interval, System.nanoTime() - interval);
        }
    }

    /** One exercise of eight seats; seat k of all exercises goes to node (exercise + k) mod nodes. */
    private final class Table {
        final String id;
        final LiveSeat facilitator;
        final LiveSeat washington;
        final LiveSeat moscow;
        final List<LiveSeat> seats = new ArrayList<>();
        final List<String> issues = new ArrayList<>();
        /** Per turn, one arrival time per seat that has seen its RESULTS_PUBLISHED. */
        final Map<Integer, ConcurrentLinkedQueue<Long>> results = new ConcurrentHashMap<>();
        final Map<Integer, CompletableFuture<Void>> allSeen = new ConcurrentHashMap<>();
        private final AtomicInteger next = new AtomicInteger(made.getAndIncrement());
        int turn;
        /** A seat saw the exercise end (PHASE_CHANGED to ENDED). */
        volatile boolean ended;

        Table() {
            JsonNode created = wire.create(token, SCENARIO, "AUTOMATIC", Map.of());
            id = created.get("id").asString();
            wire.get("/api/exercises/" + id, token).body().get("issues").forEach(i -> issues.add(i.get("id").asString()));
            JsonNode codes = created.get("joinCodes");
            facilitator = seat(token, List.of("control"));
            washington = team(codes.get("WASHINGTON").asString(), "W", TEAM_W);
            moscow = team(codes.get("MOSCOW").asString(), "M", TEAM_M);
            seat(wire.join(codes.get("OBSERVER").asString(), "Observer").get("token").asString(), List.of("public"));
            for (LiveSeat seat : seats) {
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(seat::live);
            }
        }

        private LiveSeat team(String code, String prefix, List<String> topics) {
            LiveSeat lead = null;
            for (int p = 0; p < 3; p++) {
                LiveSeat seat = seat(wire.join(code, prefix + "-" + p).get("token").asString(), topics);
                lead = lead == null ? seat : lead;
            }
            return lead;
        }

        private LiveSeat seat(String seatToken, List<String> topics) {
            int port = nodes.get(next.getAndIncrement() % nodes.size()).port;
            LiveSeat seat = new LiveSeat(id, seatToken, topics, () -> port, this::seen);
            seats.add(seat);
            return seat;
        }

        private void seen(JsonNode event) {
            if ("ENDED".equals(event.path("phase").asString(""))) {
                ended = true;
            }
            if (event.get("type").asString().equals("RESULTS_PUBLISHED")) {
                int of = event.get("turn").asInt();
                ConcurrentLinkedQueue<Long> arrivals = results.computeIfAbsent(of, t -> new ConcurrentLinkedQueue<>());
                arrivals.add(System.nanoTime());
                if (arrivals.size() == seats.size()) {
                    allSeen.computeIfAbsent(of, t -> new CompletableFuture<>()).complete(null);
                }
            }
        }

        /** One turn as LoadTable plays it; the latency in nanoseconds from the second seal to the last seat seeing the results. */
        long playTurn() {
            await(facilitator.call("control", Map.of("type", turn == 0 ? "START" : "ADVANCE")), "the facilitator's first advance", facilitator);
            int played = turn + 1;
            await(facilitator.call("control", Map.of("type", "ADVANCE")), "the facilitator's second advance", facilitator);
            await(facilitator.call("control", Map.of("type", "ADVANCE")), "the facilitator's advance to Orders", facilitator);
            for (int line = 0; line < 2; line++) {
                String issue = issues.get((played * 2 + line) % issues.size());
                Map<String, Object> draft = Map.of("issueId", issue, "move", "NEGOTIATE", "argument", "turn " + played + " line " + line);
                CompletableFuture<JsonNode> fromWashington = washington.call("draft", draft);
                CompletableFuture<JsonNode> fromMoscow = moscow.call("draft", draft);
                await(fromWashington, "Washington's draft line", washington);
                await(fromMoscow, "Moscow's draft line", moscow);
            }
            CompletableFuture<Void> seen = allSeen.computeIfAbsent(played, t -> new CompletableFuture<>());
            CompletableFuture<JsonNode> w = washington.call("orders.submit", Map.of());
            CompletableFuture<JsonNode> m = moscow.call("orders.submit", Map.of());
            long secondSeal = System.nanoTime();
            await(w, "Washington's seal", washington);
            await(m, "Moscow's seal", moscow);
            await(seen, "every seat seeing the results (" + results.getOrDefault(played, new ConcurrentLinkedQueue<>()).size() + " of "
                    + seats.size() + " so far)", null);
            long last = results.remove(played).stream().mapToLong(Long::longValue).max().orElseThrow();
            allSeen.remove(played);
            turn = played;
            return last - secondSeal;
        }

        void close() {
            seats.forEach(seat -> {
                closedLate.addAndGet(seat.lateEvents.get());
                closedCatchUps.addAndGet(seat.catchUpsNeeded.get());
            });
            seats.forEach(LiveSeat::close);
        }
    }

    /** Waits for one step of a turn; a timeout names the step and the seat's node. */
    private static <T> T await(CompletableFuture<T> future, String step, LiveSeat seat) {
        try {
            return future.get(TURN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no answer within " + TURN_TIMEOUT_MILLIS + " ms to " + step
                    + (seat == null ? "" : " (seat on port " + seat.port + ")"));
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * CPU seconds so far, from /proc: the nodes, every PostgreSQL and RabbitMQ process, this JVM (the
     * load generator), and the share of the machine's time busy, so that a step shows what takes the cores.
     */
    private record Cpu(double nodes, double postgres, double rabbit, double generator, double machineBusy, double machineTotal) {

        static Cpu read(List<ClusterNodes.Node> nodes) {
            double ofNodes = nodes.stream().mapToDouble(node -> seconds(node.pid())).sum();
            double postgres = 0;
            double rabbit = 0;
            for (ProcessHandle process : ProcessHandle.allProcesses().toList()) {
                String command = process.info().command().orElse("");
                if (command.contains("postgres")) {
                    postgres += seconds(process.pid());
                } else if (command.contains("beam") || command.contains("erl")) {
                    rabbit += seconds(process.pid());
                }
            }
            double[] machine = machine();
            return new Cpu(ofNodes, postgres, rabbit, seconds(ProcessHandle.current().pid()), machine[0], machine[1]);
        }

        Cpu minus(Cpu earlier) {
            double total = machineTotal - earlier.machineTotal;
            return new Cpu(nodes - earlier.nodes, postgres - earlier.postgres, rabbit - earlier.rabbit, generator - earlier.generator,
                    total <= 0 ? Double.NaN : (machineBusy - earlier.machineBusy) / total, total);
        }

        /** utime + stime of a process in seconds (0 if it is gone). */
        private static double seconds(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
            } catch (Exception e) {
                return 0;
            }
        }

        /** Busy and total jiffies of all cores, from the first line of /proc/stat. */
        private static double[] machine() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                double idle = Double.parseDouble(f[4]) + Double.parseDouble(f[5]);
                double total = 0;
                for (int i = 1; i < f.length; i++) {
                    total += Double.parseDouble(f[i]);
                }
                return new double[] {total - idle, total};
            } catch (Exception e) {
                return new double[] {0, 0};
            }
        }
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1))) / 1e6;
    }
}
