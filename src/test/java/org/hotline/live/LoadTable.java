package org.hotline.live;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpHeaders;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;

/**
 * One exercise under load, the real shape: a facilitator, three players per team (the first of each
 * team is its lead, who drafts and seals), an observer. A turn: the facilitator advances to ORDERS,
 * each lead writes two draft lines and seals, the engine adjudicates at once (AUTOMATIC), and the turn
 * is over when all eight clients have seen RESULTS_PUBLISHED. The two lines negotiate on issues that
 * change with the turn; tension then climbs and the exercise ends in conflict after about twenty turns
 * (the engine's war hazard). A table that talks on every issue instead ({@link Drafting#EVERY_ISSUE})
 * brings tension down and plays the scenario's turns to the end.
 */
final class LoadTable {

    enum Role { FACILITATOR, LEAD, PLAYER, OBSERVER }

    /** What each lead drafts in a turn: both leads write the same lines, NEGOTIATE on each. */
    enum Drafting {
        /** Two lines, on issues that rotate with the turn: the benchmark's turn. */
        TWO_LINES,
        /** A line on every issue: talks everywhere lower tension, so the exercise lasts all its turns. */
        EVERY_ISSUE
    }

    static final long TURN_TIMEOUT_MILLIS = 5_000;

    private static final AtomicLong[] FRAMES = counters();
    private static final AtomicLong[] BYTES = counters();

    final String id;
    final String observerCode;
    final List<Client> clients = new ArrayList<>();
    final Client facilitator;
    final Client washington;
    final Client moscow;
    private final List<String> issues = new ArrayList<>();
    private final Drafting drafting;
    private int turn;
    private boolean started;
    private volatile boolean endedBeforeTurn;

    LoadTable(Wire wire, String facilitatorToken, String scenarioId, jakarta.websocket.WebSocketContainer container) {
        this(wire, facilitatorToken, scenarioId, container, Drafting.TWO_LINES);
    }

    LoadTable(Wire wire, String facilitatorToken, String scenarioId, jakarta.websocket.WebSocketContainer container,
              Drafting drafting) {
        this.drafting = drafting;
        JsonNode created = wire.create(facilitatorToken, scenarioId, "AUTOMATIC", Map.of());
        id = created.get("id").asString();
        wire.get("/api/exercises/" + id, facilitatorToken).body().get("issues").forEach(i -> issues.add(i.get("id").asString()));
        JsonNode codes = created.get("joinCodes");
        facilitator = add(new Client(wire, container, facilitatorToken, Role.FACILITATOR, topics("control")));
        washington = addTeam(wire, container, codes.get("WASHINGTON").asString(), "WASHINGTON");
        moscow = addTeam(wire, container, codes.get("MOSCOW").asString(), "MOSCOW");
        observerCode = codes.get("OBSERVER").asString();
        String observer = wire.join(observerCode, "Observer").get("token").asString();
        add(new Client(wire, container, observer, Role.OBSERVER, topics("public")));
        // Ready once every subscription is in place, as a browser is once it has caught up: otherwise the
        // first turn's events can pass a subscription still on its way (this client does not catch up).
        clients.forEach(c -> c.caughtUp(id));
    }

    private Client addTeam(Wire wire, jakarta.websocket.WebSocketContainer container, String code, String side) {
        Client lead = null;
        for (int seat = 0; seat < 3; seat++) {
            String token = wire.join(code, side.charAt(0) + "-" + seat).get("token").asString();
            Client c = add(new Client(wire, container, token, seat == 0 ? Role.LEAD : Role.PLAYER,
                    topics("public", "diplomacy", "team." + side)));
            lead = lead == null ? c : lead;
        }
        return lead;
    }

    private List<String> topics(String... channels) {
        return Arrays.stream(channels).map(c -> "/topic/exercise." + id + "." + c).toList();
    }

    private Client add(Client client) {
        clients.add(client);
        return client;
    }

    private static AtomicLong[] counters() {
        return Arrays.stream(Role.values()).map(r -> new AtomicLong()).toArray(AtomicLong[]::new);
    }

    /** WebSocket frames received so far by all clients of each role, in {@link Role} order. */
    static long[] frames() {
        return Arrays.stream(FRAMES).mapToLong(AtomicLong::get).toArray();
    }

    /** WebSocket payload bytes received so far by all clients of each role. */
    static long[] bytes() {
        return Arrays.stream(BYTES).mapToLong(AtomicLong::get).toArray();
    }

    int turn() {
        return turn;
    }

    boolean ended() {
        return washington.ended.isDone() || endedBeforeTurn;
    }

    /** The turn was not played: the exercise had ended, and its end reached this table after the last results. */
    static final class Ended extends RuntimeException {
        Ended() {
            super("the exercise has ended", null, false, false);
        }
    }

    /**
     * Plays one turn; returns the latency in nanoseconds from the second seal being sent to the last
     * of the eight clients seeing RESULTS_PUBLISHED. Throws when a command is refused or a step takes
     * longer than the turn timeout.
     */
    long playTurn() {
        if (!started) {
            facilitator.command(id, "control", Map.of("type", "START"));
            started = true;
        } else {
            try {
                facilitator.command(id, "control", Map.of("type", "ADVANCE"));
            } catch (IllegalStateException refused) {
                // Under load a client may read EXERCISE_ENDED a moment after the results (another message):
                // the server's refusal is then right, and the exercise is replaced, not counted as an error.
                if (!String.valueOf(refused.getMessage()).contains("\"The exercise has ended\"")) {
                    throw refused;
                }
                endedBeforeTurn = true;
                throw new Ended();
            }
        }
        int next = turn + 1;
        facilitator.command(id, "control", Map.of("type", "ADVANCE"));
        facilitator.command(id, "control", Map.of("type", "ADVANCE"));
        boolean everywhere = drafting == Drafting.EVERY_ISSUE;
        for (int line = 0; line < (everywhere ? issues.size() : 2); line++) {
            String issue = issues.get(everywhere ? line : (next * 2 + line) % issues.size());
            Map<String, Object> draft = Map.of("issueId", issue, "move", "NEGOTIATE", "argument", "turn " + next + " line " + line);
            await(CompletableFuture.allOf(washington.send(id, "draft", draft), moscow.send(id, "draft", draft)), "the drafts' replies");
        }
        List<CompletableFuture<Long>> seen = clients.stream().map(c -> c.results(next)).toList();
        CompletableFuture<JsonNode> w = washington.send(id, "orders.submit", Map.of());
        CompletableFuture<JsonNode> m = moscow.send(id, "orders.submit", Map.of());
        long secondSeal = System.nanoTime();
        await(CompletableFuture.allOf(w, m), "the seals' replies");
        long last = 0;
        for (CompletableFuture<Long> arrival : seen) {
            last = Math.max(last, await(arrival, "RESULTS_PUBLISHED at every client"));
        }
        clients.forEach(c -> c.results.remove(next));
        turn = next;
        return last - secondSeal;
    }

    void disconnect() {
        clients.forEach(Client::disconnect);
    }

    static <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(TURN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no answer within " + TURN_TIMEOUT_MILLIS + " ms: " + what);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A STOMP session that counts the WebSocket frames and bytes it receives, and keeps no events. */
    static final class Client {
        final Role role;
        final CompletableFuture<JsonNode> ended = new CompletableFuture<>();
        private final StompSession session;
        private final ConcurrentMap<String, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
        private final ConcurrentMap<Integer, CompletableFuture<Long>> results = new ConcurrentHashMap<>();
        private final CompletableFuture<JsonNode> synced = new CompletableFuture<>();

        /** Connects and subscribes to its queues and to the given topics (full destinations). */
        Client(Wire wire, jakarta.websocket.WebSocketContainer container, String token, Role role, List<String> topics) {
            this(wire, container, token, role, topics, new WebSocketHttpHeaders());
        }

        /** With these handshake headers (a browser's Sec-WebSocket-Extensions, say). */
        Client(Wire wire, jakarta.websocket.WebSocketContainer container, String token, Role role, List<String> topics,
               WebSocketHttpHeaders handshake) {
            this.role = role;
            WebSocketStompClient stomp = new WebSocketStompClient(new Counting(container, this));
            stomp.setMessageConverter(new JacksonJsonMessageConverter());
            stomp.setInboundMessageSizeLimit(4 * 1024 * 1024);
            StompHeaders connect = new StompHeaders();
            connect.add("Authorization", "Bearer " + token);
            try {
                session = stomp.connectAsync(URI.create("ws://localhost:" + wire.port + "/ws"), handshake,
                        connect, new StompSessionHandlerAdapter() { }).get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("STOMP connect failed: " + e.getMessage(), e);
            }
            Wire.onJson(session, "/user/queue/replies", body -> answer(body, null));
            Wire.onJson(session, "/user/queue/errors", body -> answer(null, body));
            Wire.onJson(session, "/user/queue/sync", synced::complete);
            for (String topic : topics) {
                Wire.onJson(session, topic, this::event);
            }
        }

        boolean connected() {
            return session.isConnected();
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
            switch (event.get("type").asString()) {
                case "RESULTS_PUBLISHED" -> results(event.get("turn").asInt()).complete(System.nanoTime());
                case "EXERCISE_ENDED" -> ended.complete(event);
                default -> { }
            }
        }

        CompletableFuture<Long> results(int turn) {
            return results.computeIfAbsent(turn, t -> new CompletableFuture<>());
        }

        CompletableFuture<JsonNode> send(String exercise, String channel, Map<String, ?> body) {
            String commandId = UUID.randomUUID().toString();
            Map<String, Object> withId = new HashMap<>(body);
            withId.put("commandId", commandId);
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            replies.put(commandId, reply);
            sendFrame(exercise, channel, withId);
            return reply;
        }

        private void sendFrame(String exercise, String destination, Map<String, ?> body) {
            StompHeaders headers = new StompHeaders();
            headers.setDestination("/app/exercise." + exercise + "." + destination);
            headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
            session.send(headers, body);
        }

        /**
         * A catch-up from the start, answered after this session's subscriptions (the server handles a
         * session's frames in order).
         */
        void caughtUp(String exercise) {
            sendFrame(exercise, "sync", Map.of("after", 0));
            await(synced, "the catch-up");
        }

        JsonNode command(String exercise, String channel, Map<String, ?> body) {
            return await(send(exercise, channel, body), "the reply to " + channel + " " + body.get("type"));
        }

        void disconnect() {
            if (session.isConnected()) {
                session.disconnect();
            }
        }
    }

    /** Counts what arrives on each WebSocket before STOMP reads it. */
    private static final class Counting extends StandardWebSocketClient {
        private final Client client;

        Counting(jakarta.websocket.WebSocketContainer container, Client client) {
            super(container);
            this.client = client;
        }

        @Override
        protected CompletableFuture<WebSocketSession> executeInternal(WebSocketHandler handler, HttpHeaders headers, URI uri,
                List<String> protocols, List<WebSocketExtension> extensions, Map<String, Object> attributes) {
            return super.executeInternal(new WebSocketHandlerDecorator(handler) {
                @Override
                public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
                    FRAMES[client.role.ordinal()].incrementAndGet();
                    BYTES[client.role.ordinal()].addAndGet(message.getPayloadLength());
                    super.handleMessage(session, message);
                }
            }, headers, uri, protocols, extensions, attributes);
        }
    }
}
