package org.hotline.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.hotline.live.Wire;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.messaging.simp.stomp.StompHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Two (and for one test three) Hotline nodes with the cluster profile on this machine's PostgreSQL
 * and RabbitMQ, driven from the wire by clients that behave as the browser client does. Skipped
 * with a printed reason when the services are absent, except under CI=true.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> PLAYER_W = List.of("public", "diplomacy", "team.WASHINGTON");
    private static final List<String> PLAYER_M = List.of("public", "diplomacy", "team.MOSCOW");

    private ClusterNodes cluster;
    private ClusterNodes.Node a;
    private ClusterNodes.Node b;
    private final List<LiveSeat> seats = new ArrayList<>();

    @BeforeAll
    void startTwoNodes() throws Exception {
        ClusterNodes.requireServices("ClusterTest");
        cluster = new ClusterNodes();
        a = cluster.start("a");
        b = cluster.start("b");
    }

    @AfterEach
    void closeSeats() {
        seats.forEach(LiveSeat::close);
        seats.clear();
    }

    @AfterAll
    void stopNodes() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** An exercise created on node A with a facilitator token that both nodes accept. */
    private final class Table {
        final String facilitator = a.wire().login();
        final JsonNode created;
        final String id;

        Table(Map<String, Integer> timers) {
            created = a.wire().create(facilitator, "AUTOMATIC", timers);
            id = created.get("id").asString();
        }

        String join(ClusterNodes.Node node, String code, String name) {
            return node.wire().join(created.get("joinCodes").get(code).asString(), name).get("token").asString();
        }

        LiveSeat seat(String token, List<String> topics, ClusterNodes.Node... nodes) {
            AtomicInteger next = new AtomicInteger();
            LiveSeat seat = new LiveSeat(id, token, topics, () -> live(nodes, next));
            seats.add(seat);
            await().atMost(WAIT).until(seat::live);
            return seat;
        }

        JsonNode ack(LiveSeat seat, String command, Map<String, ?> body) {
            String commandId = seat.send(command, body);
            await().atMost(WAIT).until(() -> seat.answered(commandId));
            assertThat(seat.errors.get(commandId)).as("%s refused", command).isNull();
            return seat.acks.get(commandId);
        }

        /** The whole log as the facilitator reads it over REST (from node B: both nodes read one database). */
        List<JsonNode> log() {
            return b.wire().log(id, facilitator);
        }
    }

    /** Round robin over the nodes still alive, as a load balancer with health checks. */
    private static int live(ClusterNodes.Node[] nodes, AtomicInteger next) {
        for (int i = 0; i < nodes.length; i++) {
            ClusterNodes.Node node = nodes[Math.floorMod(next.getAndIncrement(), nodes.length)];
            if (node.alive()) {
                return node.port;
            }
        }
        return nodes[0].port;
    }

    @Test
    @Order(1)
    void aPlayerOnNodeASeesAMoveMadeOnNodeBAsFastAsOnOneNode() {
        Table t = new Table(Map.of());
        LiveSeat anaOnA = t.seat(t.join(a, "WASHINGTON", "Ana"), PLAYER_W, a);
        LiveSeat beaOnA = t.seat(t.join(a, "WASHINGTON", "Bea"), PLAYER_W, a);
        LiveSeat carlOnB = t.seat(t.join(b, "WASHINGTON", "Carl"), PLAYER_W, b);
        LiveSeat olegOnA = t.seat(t.join(a, "MOSCOW", "Oleg"), PLAYER_M, a);
        LiveSeat observerOnB = t.seat(t.join(b, "OBSERVER", "Projector"), List.of("public"), b);
        LiveSeat control = t.seat(t.facilitator, List.of("control"), b);

        t.ack(control, "control", Map.of("type", "START"));
        await().atMost(WAIT).until(() -> has(observerOnB, "PHASE_CHANGED") && has(anaOnA, "PHASE_CHANGED"));

        long sameNode = 0;
        long otherNode = 0;
        int rounds = 10;
        for (int i = 0; i < rounds; i++) {
            sameNode += deliveryMillis(t, beaOnA, anaOnA, "same node " + i);
            otherNode += deliveryMillis(t, carlOnB, anaOnA, "other node " + i);
        }
        System.out.printf("Cluster delivery, mean of %d: same node %d ms, across nodes %d ms%n", rounds,
                sameNode / rounds, otherNode / rounds);
        assertThat(otherNode / rounds).as("across nodes vs same node (ms)").isLessThanOrEqualTo(Math.max(100, 3 * sameNode / rounds));
        // Per-role delivery across nodes: the other team and the projector never get Washington's team chat.
        await().pollDelay(Duration.ofMillis(500)).atMost(WAIT).until(() -> true);
        assertThat(olegOnA.applied).noneMatch(e -> e.get("type").asString().equals("CHAT_TEAM"));
        assertThat(observerOnB.applied).noneMatch(e -> e.get("type").asString().startsWith("CHAT"));
        assertThat(control.applied.stream().filter(e -> e.get("type").asString().equals("CHAT_TEAM")).count())
                .isEqualTo(2L * rounds);
    }

    private long deliveryMillis(Table t, LiveSeat from, LiveSeat to, String text) {
        long start = System.nanoTime();
        JsonNode ack = t.ack(from, "chat.team", Map.of("text", text));
        long seq = ack.get("lastSeq").asLong();
        await().atMost(WAIT).until(() -> to.lastSeq() >= seq);
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    @Order(2)
    void authorisationHoldsAcrossNodes() throws Exception {
        Table t = new Table(Map.of());
        String olegToken = t.join(a, "MOSCOW", "Oleg");
        // Diplomacy is left for the subscription with broker headers below (one subscription per destination).
        LiveSeat olegOnB = t.seat(olegToken, List.of("public", "team.MOSCOW"), b);
        LiveSeat control = t.seat(t.facilitator, List.of("control"), a);

        // The gate refuses on the node the client is on, whatever node holds the exercise in memory.
        StompHeaders other = new StompHeaders();
        other.setDestination("/topic/exercise." + t.id + ".team.WASHINGTON");
        List<JsonNode> leaked = new java.util.concurrent.CopyOnWriteArrayList<>();
        olegOnB.subscribeRaw(other, leaked::add);
        // Broker headers a client could use to name, keep or share a RabbitMQ queue are not passed on.
        String queue = "stolen-" + t.id;
        StompHeaders named = new StompHeaders();
        named.setDestination("/topic/exercise." + t.id + ".diplomacy");
        named.set("x-queue-name", queue);
        named.set("durable", "true");
        named.set("auto-delete", "false");
        List<JsonNode> viaNamed = new java.util.concurrent.CopyOnWriteArrayList<>();
        olegOnB.subscribeRaw(named, viaNamed::add);
        await().atMost(WAIT).untilAsserted(() -> assertThat(olegOnB.refusals)
                .anyMatch(e -> e.path("code").asString("").equals("FORBIDDEN")));
        assertThat(olegOnB.refusals).as("the subscription with broker headers is allowed, without them")
                .noneMatch(e -> e.path("destination").asString("").endsWith(".diplomacy"));
        LiveSeat anaOnA = t.seat(t.join(a, "WASHINGTON", "Ana"), PLAYER_W, a);
        t.ack(anaOnA, "chat.team", Map.of("text", "for Washington only"));
        t.ack(anaOnA, "chat.diplomacy", Map.of("text", "before the removal"));
        await().atMost(WAIT).until(() -> viaNamed.stream().anyMatch(e -> e.at("/payload/text").asString("").equals("before the removal")));
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        assertThat(leaked).isEmpty();
        assertThat(Services.queueNames()).doesNotContain(queue);

        // A seat removed on node A is disconnected on node B and cannot come back.
        String olegId = b.wire().get("/api/me", olegToken).body().get("playerId").asString();
        int before = olegOnB.connections.get();
        t.ack(control, "control", Map.of("type", "REMOVE_PLAYER", "playerId", olegId));
        // Stopped for good: the session closed and the server refused it back (token or roster).
        await().atMost(WAIT).until(() -> olegOnB.refused && !olegOnB.connected());
        t.ack(anaOnA, "chat.diplomacy", Map.of("text", "after the removal"));
        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
        assertThat(olegOnB.applied).noneMatch(e -> e.path("payload").path("text").asString("").equals("after the removal"));
        assertThat(viaNamed).noneMatch(e -> e.path("payload").path("text").asString("").equals("after the removal"));
        assertThat(olegOnB.connections.get()).isLessThanOrEqualTo(before + 1);
        assertThat(b.wire().get("/api/exercises/" + t.id, olegToken).status()).isIn(401, 403);
    }

    @Test
    @Order(3)
    void aTokenRevokedOnOneNodeEndsItsSessionsOnEveryNode() {
        Table t = new Table(Map.of());
        LiveSeat controlOnB = t.seat(t.facilitator, List.of("control"), b);
        assertThat(a.wire().post("/api/logout", Map.of(), t.facilitator).status()).isBetween(200, 204);
        // Node B learns of the logout on node A: the session ends and its token is not taken back.
        await().atMost(WAIT).until(() -> controlOnB.refused && !controlOnB.connected());
        assertThat(controlOnB.errorFrames).anyMatch(m -> m.contains("logged out") || m.contains("token"));
        assertThat(b.wire().get("/api/exercises/" + t.id, t.facilitator).status()).isIn(401, 403);
    }

    @Test
    @Order(4)
    void concurrentCommandsFromBothNodesKeepTheLogGapFree() throws Exception {
        Table t = new Table(Map.of());
        List<LiveSeat> players = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            players.add(t.seat(t.join(a, "WASHINGTON", "W" + i), PLAYER_W, a));
            players.add(t.seat(t.join(b, "MOSCOW", "M" + i), PLAYER_M, b));
        }
        int perSeat = 20;
        List<Thread> senders = new ArrayList<>();
        Map<String, LiveSeat> sent = new ConcurrentHashMap<>();
        for (LiveSeat seat : players) {
            senders.add(started(() -> {
                for (int i = 0; i < perSeat; i++) {
                    sent.put(seat.send(i % 2 == 0 ? "chat.team" : "chat.diplomacy", Map.of("text", "line " + i)), seat);
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> sent.entrySet().stream().allMatch(e -> e.getValue().answered(e.getKey())));
        assertThat(sent.entrySet().stream().filter(e -> e.getValue().errors.containsKey(e.getKey())).map(e -> e.getValue().errors.get(e.getKey())))
                .as("refused").isEmpty();

        // One commandId sent to both nodes at once is applied once.
        String twice = "c-both-nodes-" + t.id;
        LiveSeat w0 = players.get(0);
        LiveSeat m0 = players.get(1);
        JsonNode[] answers = sendToBoth(t, twice);

        List<JsonNode> log = t.log();
        List<Long> seqs = log.stream().map(e -> e.get("seq").asLong()).toList();
        assertThat(seqs).as("gap-free, no duplicate").isEqualTo(java.util.stream.LongStream.rangeClosed(1, seqs.size()).boxed().toList());
        long chats = log.stream().filter(e -> e.get("type").asString().startsWith("CHAT")).count();
        assertThat(chats).isEqualTo((long) players.size() * perSeat + 1);
        assertThat(List.of(answers[0].get("duplicate").asBoolean(), answers[1].get("duplicate").asBoolean())).containsExactlyInAnyOrder(true, false);
        assertThat(answers[0].get("firstSeq").asLong()).isEqualTo(answers[1].get("firstSeq").asLong());
        // Every client ends with every event its role may see, in order.
        for (LiveSeat seat : List.of(w0, m0)) {
            await().atMost(WAIT).until(() -> seat.lastSeq() >= seqs.get(seqs.size() - 1) - 1);
        }
        assertVisibleEventsAllApplied(t, w0, "WASHINGTON");
    }

    /** The same command (same commandId) from one seat, at the same moment, through node A and through node B. */
    private JsonNode[] sendToBoth(Table t, String commandId) throws Exception {
        String token = t.join(a, "WASHINGTON", "Twice");
        LiveSeat viaA = t.seat(token, PLAYER_W, a);
        LiveSeat viaB = t.seat(token, PLAYER_W, b);
        Map<String, Object> body = Map.of("text", "sent through both nodes", "commandId", commandId);
        Thread first = started(() -> viaA.sendWithId("chat.team", body));
        Thread second = started(() -> viaB.sendWithId("chat.team", body));
        first.join();
        second.join();
        await().atMost(WAIT).until(() -> viaA.answered(commandId) && viaB.answered(commandId));
        assertThat(viaA.errors.get(commandId)).isNull();
        assertThat(viaB.errors.get(commandId)).isNull();
        return new JsonNode[] {viaA.acks.get(commandId), viaB.acks.get(commandId)};
    }

    /**
     * What the seat applied is exactly what its role may read from the log (REST, same visibility rules),
     * each channel in order (through RabbitMQ each topic is its own queue: one channel's event may pass
     * another's, docs/protocol.md section 5).
     */
    private void assertVisibleEventsAllApplied(Table t, LiveSeat seat, String name) {
        Map<String, List<Long>> visible = byChannel(b.wire().log(t.id, seat.token()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(byChannel(seat.applied)).as(name).isEqualTo(visible));
    }

    private static Map<String, List<Long>> byChannel(List<JsonNode> events) {
        return events.stream().collect(java.util.stream.Collectors.groupingBy(e -> e.get("channel").asString(), java.util.TreeMap::new,
                java.util.stream.Collectors.mapping(e -> e.get("seq").asLong(), java.util.stream.Collectors.toList())));
    }

    @Test
    @Order(5)
    void exactlyOneNodeFiresEachDeadline() {
        Table t = new Table(Map.of("BRIEFING", 2, "DELIBERATION", 2));
        LiveSeat control = t.seat(t.facilitator, List.of("control"), a);
        t.ack(control, "control", Map.of("type", "START"));
        await().atMost(WAIT).until(() -> control.applied.stream().anyMatch(e -> e.get("type").asString().equals("PHASE_CHANGED")
                && e.at("/payload/phase").asString().equals("ORDERS")));
        await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(() -> true);
        List<String> byClock = t.log().stream()
                .filter(e -> e.get("type").asString().equals("PHASE_CHANGED") && e.at("/payload/reason").asString().equals("deadline"))
                .map(e -> e.at("/payload/phase").asString()).toList();
        assertThat(byClock).containsExactly("DELIBERATION", "ORDERS");
    }

    @Test
    @Order(6)
    void killingANodeItsClientsReconnectToTheOtherAndResyncWithNothingLost() throws Exception {
        ClusterNodes.Node c = cluster.start("c");
        Table t = new Table(Map.of());
        LiveSeat onC = t.seat(t.join(c, "WASHINGTON", "Ana"), PLAYER_W, c, a);
        LiveSeat observerOnC = t.seat(t.join(c, "OBSERVER", "Projector"), List.of("public"), c, b);
        LiveSeat talker = t.seat(t.join(b, "WASHINGTON", "Bea"), PLAYER_W, b);
        LiveSeat control = t.seat(t.facilitator, List.of("control"), a);
        t.ack(control, "control", Map.of("type", "START"));
        AtomicBoolean talking = new AtomicBoolean(true);
        AtomicInteger said = new AtomicInteger();
        Thread load = started(() -> {
            while (talking.get()) {
                t.ack(talker, "chat.team", Map.of("text", "line " + said.incrementAndGet()));
            }
        });
        await().atMost(WAIT).until(() -> said.get() > 5);
        c.kill();
        await().atMost(WAIT).until(() -> onC.port == a.port && onC.live() && observerOnC.port == b.port && observerOnC.live());
        int afterKill = said.get();
        await().atMost(WAIT).until(() -> said.get() > afterKill + 5);
        talking.set(false);
        load.join();
        long last = t.log().get(t.log().size() - 1).get("seq").asLong();
        await().atMost(WAIT).until(() -> onC.lastSeq() >= lastVisible(t, onC));
        assertVisibleEventsAllApplied(t, onC, "player moved from the killed node");
        assertVisibleEventsAllApplied(t, observerOnC, "observer moved from the killed node");
        assertThat(last).isGreaterThan(afterKill);
    }

    private long lastVisible(Table t, LiveSeat seat) {
        List<JsonNode> visible = b.wire().log(t.id, seat.token());
        return visible.get(visible.size() - 1).get("seq").asLong();
    }

    @Test
    @Order(7)
    void restartingPostgresAndRabbitUnderLoadTheNodesRecoverAndAcknowledgedEventsSurvive() throws Exception {
        Table t = new Table(Map.of());
        List<LiveSeat> talkers = List.of(t.seat(t.join(a, "WASHINGTON", "Ana"), PLAYER_W, a, b),
                t.seat(t.join(b, "MOSCOW", "Oleg"), PLAYER_M, b, a));
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean talking = new AtomicBoolean(true);
        List<Thread> load = new ArrayList<>();
        for (LiveSeat seat : talkers) {
            load.add(started(() -> {
                int i = 0;
                while (talking.get()) {
                    String text = "line " + i++ + " " + seat.hashCode();
                    String commandId = seat.send("chat.team", Map.of("text", text));
                    await().atMost(Duration.ofSeconds(120)).until(() -> seat.answered(commandId) || !talking.get());
                    if (seat.acks.containsKey(commandId)) {
                        acknowledged.put(text, seat.acks.get(commandId).get("firstSeq").asString());
                    }
                }
            }));
        }
        await().atMost(WAIT).until(() -> acknowledged.size() > 10);

        Services.restartPostgres(cluster);
        awaitHealthy();
        int afterPostgres = acknowledged.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() > afterPostgres + 10);

        Services.stopRabbit();
        try {
            // A command committed while the broker is away is still answered (its events reach clients when they catch up).
            Thread.sleep(1000);
            assertThat(a.wire().post("/api/exercises", Map.of("scenarioId", a.wire().scenarioId(), "mode", "AUTOMATIC"),
                    t.facilitator).status()).as("an exercise created while RabbitMQ is away").isEqualTo(201);
        } finally {
            Services.startRabbit();
        }
        awaitHealthy();
        int afterRabbit = acknowledged.size();
        await().atMost(Duration.ofSeconds(90)).until(() -> acknowledged.size() > afterRabbit + 10);
        talking.set(false);
        for (Thread thread : load) {
            thread.join();
        }

        List<JsonNode> log = t.log();
        Map<String, String> logged = log.stream().filter(e -> e.get("type").asString().equals("CHAT_TEAM"))
                .collect(Collectors.toMap(e -> e.at("/payload/text").asString(), e -> e.get("seq").asString(), (x, y) -> x + "," + y));
        assertThat(logged).as("every acknowledged event is in the log once, at the acknowledged seq").containsAllEntriesOf(acknowledged);
        List<Long> seqs = log.stream().map(e -> e.get("seq").asLong()).toList();
        assertThat(seqs).isEqualTo(java.util.stream.LongStream.rangeClosed(1, seqs.size()).boxed().toList());
        System.out.printf("Restarts under load: %d commands acknowledged, %d events in the log%n", acknowledged.size(), seqs.size());
        for (LiveSeat seat : talkers) {
            // The browser stops for good on an ERROR that reads as a refused token; the database's own words stay in the log.
            assertThat(seat.refused).as("told its token was refused: %s", seat.errorFrames).isFalse();
            assertThat(seat.errorFrames).noneMatch(m -> m.matches("(?is).*(sql|select |jdbc|token).*"));
        }
    }

    private void awaitHealthy() {
        for (ClusterNodes.Node node : List.of(a, b)) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> node.wire().get("/actuator/health", null).body().path("status").asString("").equals("UP"));
        }
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work, "cluster-test-load");
        thread.start();
        return thread;
    }

    private static boolean has(LiveSeat seat, String type) {
        return seat.applied.stream().anyMatch(e -> e.get("type").asString().equals(type));
    }
}
