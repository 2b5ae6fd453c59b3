package org.hotline.live;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.HotlineApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;

/**
 * Load benchmark, not a test: {@code mvn -Pload-benchmark -DskipTests verify}. Starts the real server
 * in this process on a random port with a fresh H2 file database, plays many exercises at once over
 * STOMP (a facilitator and one scripted player per team each), then one long exercise alone, and
 * prints commands per second, command-to-broadcast latency, events per client per turn and heap used
 * after GC as the long exercise's log grows. Sizes: -Dload.exercises (200), -Dload.turns (10),
 * -Dload.longTurns (100).
 */
public final class LoadBenchmark {

    private static final String SCENARIO = "load-hundred-turns";
    private static final long TIMEOUT_SECONDS = 120;

    private final Wire wire;
    private final String facilitatorToken;
    private final Client facilitator;
    private final WebSocketStompClient stomp;
    private final AtomicLong commands = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> broadcastNanos = new ConcurrentLinkedQueue<>();

    private LoadBenchmark(int port) throws Exception {
        wire = new Wire(port);
        jakarta.websocket.WebSocketContainer container = jakarta.websocket.ContainerProvider.getWebSocketContainer();
        // Players get no adjudication drafts (those go to control): 64 KB a session is room enough.
        container.setDefaultMaxTextMessageBufferSize(64 * 1024);
        stomp = new WebSocketStompClient(new StandardWebSocketClient(container));
        stomp.setMessageConverter(new JacksonJsonMessageConverter());
        stomp.setInboundMessageSizeLimit(1024 * 1024);
        facilitatorToken = wire.login();
        facilitator = new Client(facilitatorToken, null, null);
    }

    public static void main(String[] args) throws Exception {
        int exercises = Integer.getInteger("load.exercises", 200);
        int turns = Integer.getInteger("load.turns", 10);
        int longTurns = Integer.getInteger("load.longTurns", 100);
        Path data = Files.createTempDirectory("hotline-load");
        Path scenarios = Files.createDirectories(data.resolve("scenarios"));
        Files.writeString(scenarios.resolve(SCENARIO + ".yaml"), Files.readString(Path.of("exercises/future-after-ukraine.yaml"))
                .replaceFirst("(?m)^id: .*$", "id: " + SCENARIO).replaceFirst("(?m)^turns: .*$", "turns: 100"));
        ConfigurableApplicationContext server = SpringApplication.run(HotlineApplication.class,
                "--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + data.resolve("hotline"),
                "--hotline.admin.username=" + Wire.ADMIN, "--hotline.admin.password=" + Wire.ADMIN_PASSWORD,
                "--hotline.access.failed-joins-per-minute=1000000", "--hotline.scenarios.folder=" + scenarios,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        int status = 0;
        try {
            int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
            new LoadBenchmark(port).run(exercises, turns, longTurns);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        server.close();
        // The STOMP client's threads would keep the JVM alive.
        System.exit(status);
    }

    private void run(int exercises, int turns, int longTurns) throws Exception {
        System.out.printf("%nHotline load benchmark: %d exercises x %d turns at once, then one exercise of %d turns%n",
                exercises, turns, longTurns);
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < exercises; i++) {
            tables.add(new Table());
        }
        ExecutorService pool = Executors.newFixedThreadPool(exercises);
        long start = System.nanoTime();
        List<Future<?>> played = new ArrayList<>();
        for (Table table : tables) {
            played.add(pool.submit(() -> {
                table.play(turns, null);
                return null;
            }));
        }
        for (Future<?> f : played) {
            f.get(30, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long sent = commands.get();
        List<Long> latencies = new ArrayList<>(broadcastNanos);
        Collections.sort(latencies);
        System.out.printf("commands: %d in %.1f s = %.0f commands/s (%d exercises at once, %d STOMP sessions)%n",
                sent, seconds, sent / seconds, exercises, exercises * 2 + 1);
        System.out.printf("command-to-broadcast latency (draft SEND -> DRAFT_CHANGED on the team topic, %d samples): "
                + "median %.1f ms, p99 %.1f ms, max %.1f ms%n", latencies.size(), percentile(latencies, 50),
                percentile(latencies, 99), latencies.get(latencies.size() - 1) / 1e6);
        long received = 0;
        long repeats = 0;
        long missing = 0;
        int playedTurns = 0;
        for (Table table : tables) {
            for (Client player : List.of(table.washington, table.moscow)) {
                received += player.events.get();
                repeats += player.repeats.get();
                long visible = wire.log(table.id, player.token).stream().filter(e -> e.get("seq").asLong() > table.startSeq).count();
                missing += Math.abs(visible - player.events.get());
            }
            playedTurns += table.turnsPlayed;
            table.disconnect();
        }
        System.out.printf("events sent per player per turn: %.1f (each event once: %d repeats; %d differ from the "
                + "player's own view of the log)%n", received / (2.0 * playedTurns), repeats, missing);

        Table table = new Table();
        System.out.printf("long exercise %s: heap used after GC by turn%n", table.id);
        System.out.printf("  turn %3d: %6.1f MB%n", 0, heapAfterGc());
        table.play(longTurns, turn -> {
            if (turn == 1 || turn == 10 || turn % 10 == 0 && turn >= 50 || turn == 25) {
                System.out.printf("  turn %3d: %6.1f MB (log: %d events)%n", turn, heapAfterGc(),
                        wire.get("/api/exercises/" + table.id, facilitatorToken).body().get("lastSeq").asLong());
            }
        });
        table.disconnect();
        facilitator.session.disconnect();
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static double heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
    }

    /** One exercise: its facilitator (the shared facilitator session) and one scripted player per team. */
    private final class Table {
        final String id;
        final Client washington;
        final Client moscow;
        final List<String> issues = new ArrayList<>();
        final long startSeq;
        int turnsPlayed;

        Table() {
            JsonNode created = wire.create(facilitatorToken, SCENARIO, "AUTOMATIC", Map.of());
            id = created.get("id").asString();
            wire.get("/api/exercises/" + id, facilitatorToken).body().get("issues").forEach(i -> issues.add(i.get("id").asString()));
            washington = new Client(wire.join(created.get("joinCodes").get("WASHINGTON").asString(), "W").get("token").asString(), id, "WASHINGTON");
            moscow = new Client(wire.join(created.get("joinCodes").get("MOSCOW").asString(), "M").get("token").asString(), id, "MOSCOW");
            startSeq = wire.get("/api/exercises/" + id, facilitatorToken).body().get("lastSeq").asLong();
            washington.countAfter = startSeq;
            moscow.countAfter = startSeq;
        }

        void play(int turns, java.util.function.IntConsumer afterTurn) {
            facilitator.command(id, "control", Map.of("type", "START"));
            for (int turn = 1; turn <= turns && !washington.ended.isDone(); turn++) {
                facilitator.command(id, "control", Map.of("type", "ADVANCE"));
                String issue = issues.get(turn % issues.size());
                washington.draft(issue, "NEGOTIATE");
                moscow.draft(issue, "NEGOTIATE");
                facilitator.command(id, "control", Map.of("type", "ADVANCE"));
                CompletableFuture<JsonNode> results = washington.results(turn);
                washington.command(id, "orders.submit", Map.of());
                moscow.command(id, "orders.submit", Map.of());
                await(results);
                // The benchmark's clients share the heap with the server: keep nothing per turn.
                washington.results.remove(turn);
                turnsPlayed = turn;
                if (afterTurn != null) {
                    afterTurn.accept(turn);
                }
                if (turn < turns) {
                    facilitator.command(id, "control", Map.of("type", "ADVANCE"));
                }
            }
            if (!washington.ended.isDone()) {
                facilitator.command(id, "control", Map.of("type", "END", "reason", "benchmark done"));
            }
            await(washington.ended);
            await(moscow.ended);
        }

        void disconnect() {
            washington.session.disconnect();
            moscow.session.disconnect();
        }
    }

    /** A STOMP session that keeps counters, not the events themselves. */
    private final class Client {
        final String token;
        final String exerciseId;
        final StompSession session;
        /** Events up to the log's number when play starts (the seats' own joins) are not counted. */
        volatile long countAfter = Long.MAX_VALUE;
        final AtomicLong events = new AtomicLong();
        final AtomicLong repeats = new AtomicLong();
        final AtomicLong lastSeq = new AtomicLong();
        final ConcurrentMap<String, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
        final ConcurrentMap<String, CompletableFuture<Long>> drafts = new ConcurrentHashMap<>();
        final ConcurrentMap<Integer, CompletableFuture<JsonNode>> results = new ConcurrentHashMap<>();
        final CompletableFuture<JsonNode> ended = new CompletableFuture<>();

        Client(String token, String exerciseId, String side) {
            this.token = token;
            this.exerciseId = exerciseId;
            StompHeaders connect = new StompHeaders();
            connect.add("Authorization", "Bearer " + token);
            try {
                session = stomp.connectAsync(URI.create("ws://localhost:" + wire.port + "/ws"), new WebSocketHttpHeaders(),
                        connect, new StompSessionHandlerAdapter() { }).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("STOMP connect failed", e);
            }
            subscribe("/user/queue/replies", body -> answer(body, null));
            subscribe("/user/queue/errors", body -> answer(null, body));
            if (exerciseId != null) {
                for (String channel : List.of("public", "diplomacy", "team." + side)) {
                    subscribe("/topic/exercise." + exerciseId + "." + channel, this::event);
                }
            }
        }

        private void subscribe(String destination, java.util.function.Consumer<JsonNode> onBody) {
            Wire.onJson(session, destination, onBody);
        }

        private void answer(JsonNode reply, JsonNode error) {
            JsonNode body = reply != null ? reply : error;
            CompletableFuture<JsonNode> waiting = replies.remove(body.path("commandId").asString(""));
            if (waiting != null) {
                if (error != null) {
                    waiting.completeExceptionally(new IllegalStateException("refused: " + error));
                } else {
                    waiting.complete(reply);
                }
            }
        }

        private void event(JsonNode event) {
            long arrived = System.nanoTime();
            long seq = event.get("seq").asLong();
            if (seq > countAfter) {
                events.incrementAndGet();
            }
            if (lastSeq.getAndAccumulate(seq, Math::max) >= seq) {
                repeats.incrementAndGet();
            }
            JsonNode payload = event.get("payload");
            switch (event.get("type").asString()) {
                case "DRAFT_CHANGED" -> {
                    JsonNode line = payload.get("draft").get(payload.get("change").get("issueId").asString());
                    CompletableFuture<Long> waiting = line == null ? null : drafts.remove(line.get("argument").asString());
                    if (waiting != null) {
                        waiting.complete(arrived);
                    }
                }
                case "RESULTS_PUBLISHED" -> results(event.get("turn").asInt()).complete(event);
                case "EXERCISE_ENDED" -> ended.complete(event);
                default -> { }
            }
        }

        CompletableFuture<JsonNode> results(int turn) {
            return results.computeIfAbsent(turn, t -> new CompletableFuture<>());
        }

        /** Edits one draft line and waits for the team topic to carry it back. */
        void draft(String issueId, String move) {
            String marker = UUID.randomUUID().toString();
            CompletableFuture<Long> broadcast = new CompletableFuture<>();
            drafts.put(marker, broadcast);
            long sent = System.nanoTime();
            command(exerciseId, "draft", Map.of("issueId", issueId, "move", move, "argument", marker));
            broadcastNanos.add(await(broadcast) - sent);
        }

        JsonNode command(String exercise, String channel, Map<String, ?> body) {
            String commandId = UUID.randomUUID().toString();
            Map<String, Object> withId = new java.util.HashMap<>(body);
            withId.put("commandId", commandId);
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            replies.put(commandId, reply);
            StompHeaders headers = new StompHeaders();
            headers.setDestination("/app/exercise." + exercise + "." + channel);
            headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
            // The facilitator's session is shared by every exercise, and a WebSocket takes one write at a time.
            synchronized (session) {
                session.send(headers, withId);
            }
            commands.incrementAndGet();
            return await(reply);
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
