package org.hotline.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.live.Wire;
import tools.jackson.databind.JsonNode;

/**
 * Cluster measurement, not a test: {@code mvn -Pcluster-benchmark -DskipTests verify}. For 1 and then 2
 * node processes (cluster profile, this machine's PostgreSQL and RabbitMQ), plays more and more
 * exercises at once, each of the real shape (a facilitator, three players per team spread over the
 * nodes, an observer), and prints turns per second and the draft-to-teammate latency (a draft SEND
 * on one node until a teammate, on the other node when there are two, has the DRAFT_CHANGED event).
 * The figure: the most turns/s whose p99 stays under 100 ms. Sizes: -Dcluster.steps (5,10,20,40),
 * -Dcluster.turns (3).
 */
public final class ClusterBenchmark {

    private static final List<String> TEAM_W = List.of("public", "diplomacy", "team.WASHINGTON");
    private static final List<String> TEAM_M = List.of("public", "diplomacy", "team.MOSCOW");

    public static void main(String[] args) throws Exception {
        int turns = Integer.getInteger("cluster.turns", 3);
        List<Integer> steps = java.util.Arrays.stream(System.getProperty("cluster.steps", "5,10,20,40").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        ClusterNodes.requireServices("ClusterBenchmark");
        int status = 0;
        try {
            for (int nodes = 1; nodes <= 2; nodes++) {
                try (ClusterNodes cluster = new ClusterNodes()) {
                    List<ClusterNodes.Node> running = new ArrayList<>();
                    for (int n = 0; n < nodes; n++) {
                        running.add(cluster.start("bench-" + n, "--logging.level.root=WARN",
                                "--logging.level.org.hotline=INFO"));
                    }
                    measure(running, steps, turns);
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static void measure(List<ClusterNodes.Node> nodes, List<Integer> steps, int turns) throws Exception {
        System.out.printf("%nCluster benchmark, %d node(s); machine shared with other builds%n", nodes.size());
        double best = 0;
        for (int exercises : steps) {
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            List<Table> tables = new ArrayList<>();
            for (int i = 0; i < exercises; i++) {
                tables.add(new Table(nodes, i, latencies));
            }
            ExecutorService pool = Executors.newFixedThreadPool(exercises);
            long start = System.nanoTime();
            List<Future<?>> played = new ArrayList<>();
            for (Table table : tables) {
                played.add(pool.submit(() -> {
                    table.play(turns);
                    return null;
                }));
            }
            for (Future<?> f : played) {
                f.get(30, TimeUnit.MINUTES);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            tables.forEach(Table::close);
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            double p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.99 * sorted.size()) - 1)) / 1e6;
            double median = sorted.get(sorted.size() / 2) / 1e6;
            double turnsPerSecond = exercises * turns / seconds;
            System.out.printf("  %3d exercises at once (%d sessions): %.2f turns/s, draft-to-teammate median %.1f ms, p99 %.1f ms%s%n",
                    exercises, exercises * 8, turnsPerSecond, median, p99, p99 < 100 ? "" : "  (p99 over 100 ms)");
            if (p99 < 100) {
                best = Math.max(best, turnsPerSecond);
            }
        }
        System.out.printf("  => %d node(s): %.2f turns/s with p99 under 100 ms%n", nodes.size(), best);
    }

    /** One exercise of the real shape; its seats alternate over the nodes. */
    private static final class Table {
        final String id;
        final LiveSeat facilitator;
        final List<LiveSeat> washington = new ArrayList<>();
        final List<LiveSeat> moscow = new ArrayList<>();
        final LiveSeat observer;
        final List<String> issues = new ArrayList<>();
        final List<Long> latencies;
        final List<LiveSeat> all = new ArrayList<>();

        Table(List<ClusterNodes.Node> nodes, int index, List<Long> latencies) {
            this.latencies = latencies;
            AtomicInteger next = new AtomicInteger(index);
            Wire wire = nodes.get(index % nodes.size()).wire();
            String token = wire.login();
            JsonNode created = wire.create(token, "AUTOMATIC", Map.of());
            id = created.get("id").asString();
            wire.get("/api/exercises/" + id, token).body().get("issues").forEach(i -> issues.add(i.get("id").asString()));
            facilitator = seat(token, List.of("control"), nodes, next);
            for (int p = 0; p < 3; p++) {
                washington.add(seat(join(wire, created, "WASHINGTON", "W" + p), TEAM_W, nodes, next));
                moscow.add(seat(join(wire, created, "MOSCOW", "M" + p), TEAM_M, nodes, next));
            }
            observer = seat(join(wire, created, "OBSERVER", "Projector"), List.of("public"), nodes, next);
        }

        private static String join(Wire wire, JsonNode created, String code, String name) {
            return wire.join(created.get("joinCodes").get(code).asString(), name).get("token").asString();
        }

        private LiveSeat seat(String token, List<String> topics, List<ClusterNodes.Node> nodes, AtomicInteger next) {
            int port = nodes.get(next.getAndIncrement() % nodes.size()).port;
            LiveSeat seat = new LiveSeat(id, token, topics, () -> port);
            all.add(seat);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(seat::live);
            return seat;
        }

        void play(int turns) {
            command(facilitator, "control", Map.of("type", "START"));
            for (int turn = 1; turn <= turns; turn++) {
                command(facilitator, "control", Map.of("type", "ADVANCE"));
                String issue = issues.get(turn % issues.size());
                draft(washington, issue);
                draft(moscow, issue);
                command(facilitator, "control", Map.of("type", "ADVANCE"));
                long before = observer.lastSeq();
                command(washington.get(0), "orders.submit", Map.of());
                command(moscow.get(0), "orders.submit", Map.of());
                int played = turn;
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).until(() -> observer.applied.stream()
                        .anyMatch(e -> e.get("type").asString().equals("RESULTS_PUBLISHED") && e.get("turn").asInt() == played
                                && e.get("seq").asLong() > before));
                if (turn < turns) {
                    command(facilitator, "control", Map.of("type", "ADVANCE"));
                }
            }
            command(facilitator, "control", Map.of("type", "END", "reason", "benchmark done"));
        }

        /** The first player drafts; the time until the second (on another node when there are two) has it. */
        private void draft(List<LiveSeat> team, String issue) {
            String marker = UUID.randomUUID().toString();
            LiveSeat teammate = team.get(1);
            long sent = System.nanoTime();
            team.get(0).send("draft", Map.of("issueId", issue, "move", "NEGOTIATE", "argument", marker));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).pollInterval(java.time.Duration.ofMillis(1))
                    .until(() -> teammate.applied.stream().anyMatch(e -> e.toString().contains(marker)));
            latencies.add(System.nanoTime() - sent);
        }

        private static void command(LiveSeat seat, String command, Map<String, ?> body) {
            String commandId = seat.send(command, body);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).pollInterval(java.time.Duration.ofMillis(1))
                    .until(() -> seat.answered(commandId));
            if (seat.errors.containsKey(commandId)) {
                throw new IllegalStateException(command + " refused: " + seat.errors.get(commandId));
            }
        }

        void close() {
            all.forEach(LiveSeat::close);
        }
    }

    private ClusterBenchmark() {
    }
}
