package org.hotline.cluster;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.hotline.live.Wire;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;

/**
 * A client seat behaving as web/js/live.js does: on every (re)connect it subscribes to its topics and
 * queues and catches up from where every channel it sees is complete, holding live events back until
 * the catch-up reply; a live event whose prev (the event before it on its channel) is beyond where its
 * channel is complete (a loss, docs/protocol.md section 5) makes it catch up again instead; commands not yet acknowledged are sent again after a
 * resync. When the connection drops it reconnects once at a time, waiting longer after each failed
 * try, to whichever node {@code nextPort} names (a load balancer without sticky sessions); when the
 * server refuses its token it stops, as the browser does.
 */
final class LiveSeat implements AutoCloseable {

    private final String exerciseId;
    private final String token;
    private final List<String> topics;
    private final IntSupplier nextPort;
    private static final long FIRST_RETRY_MILLIS = 300;
    private static final long MAX_RETRY_MILLIS = 3_000;

    private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor();
    private final ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
    private volatile StompSession session;
    private volatile boolean closed;
    /** The server refused the token (seat removed, token revoked): no more reconnects. */
    volatile boolean refused;
    /** Which connection attempt is current; a late failure of an older one schedules nothing. */
    private int attempt;
    private boolean retryScheduled;
    private long retryMillis = FIRST_RETRY_MILLIS;
    private volatile boolean syncing = true;
    private final List<JsonNode> held = new ArrayList<>();
    /** Per channel ("CONTROL" for the control topic, which carries them all in order): complete up to this seq. */
    private final Map<String, Long> complete = new java.util.HashMap<>();
    private final boolean control;
    /** The highest seq applied (measuring mode: an event below it came late). */
    private long highest;
    /** Events applied, in order. */
    final List<JsonNode> applied = new CopyOnWriteArrayList<>();
    final Map<String, JsonNode> acks = new ConcurrentHashMap<>();
    final Map<String, JsonNode> errors = new ConcurrentHashMap<>();
    /** Every error received, also those without a commandId (refused subscriptions). */
    final List<JsonNode> refusals = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Object>> pending = new ConcurrentHashMap<>();
    private final Map<String, String> pendingDestination = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
    /** Null: events are kept in {@link #applied} and gaps are caught up; else the measuring mode above. */
    private final Consumer<JsonNode> onEvent;
    final AtomicInteger connections = new AtomicInteger();
    /** The message header of every ERROR frame received. */
    final List<String> errorFrames = new CopyOnWriteArrayList<>();
    volatile int port;
    /** Measuring mode: events that came after a later one, and losses where live.js would catch up. */
    final AtomicInteger lateEvents = new AtomicInteger();
    final AtomicInteger catchUpsNeeded = new AtomicInteger();

    LiveSeat(String exerciseId, String token, List<String> topics, IntSupplier nextPort) {
        this(exerciseId, token, topics, nextPort, null);
    }

    /**
     * A seat for measurements, as the single-node benchmark's clients (org.hotline.live.LoadTable): it
     * keeps no events and asks for no catch-up on a loss (it counts them); each event not seen before
     * goes to {@code onEvent}.
     */
    LiveSeat(String exerciseId, String token, List<String> topics, IntSupplier nextPort, Consumer<JsonNode> onEvent) {
        this.exerciseId = exerciseId;
        this.token = token;
        this.topics = topics;
        this.nextPort = nextPort;
        this.onEvent = onEvent;
        this.control = topics.contains("control");
        heartbeats.setPoolSize(1);
        heartbeats.initialize();
        connect();
    }

    /** The highest seq applied. */
    synchronized long lastSeq() {
        return highest;
    }

    /** The seq every channel of the seat is complete up to: a catch-up starts after it. */
    private synchronized long completeFrom() {
        return keys().stream().mapToLong(this::completeUpTo).min().orElse(0);
    }

    private List<String> keys() {
        return control ? List.of("CONTROL") : topics.stream().map(t -> org.hotline.exercise.Channel.ofTopic(t).name()).toList();
    }

    private String key(JsonNode event) {
        return control ? "CONTROL" : event.get("channel").asString();
    }

    private long completeUpTo(String key) {
        return complete.getOrDefault(key, 0L);
    }

    boolean connected() {
        StompSession current = session;
        return current != null && current.isConnected();
    }

    boolean live() {
        return session != null && session.isConnected() && !syncing;
    }

    private void connect() {
        int mine;
        synchronized (this) {
            retryScheduled = false;
            if (closed || refused) {
                return;
            }
            mine = ++attempt;
        }
        int target = nextPort.getAsInt();
        try {
            jakarta.websocket.WebSocketContainer container = jakarta.websocket.ContainerProvider.getWebSocketContainer();
            container.setDefaultMaxTextMessageBufferSize(1024 * 1024);
            WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient(container));
            stomp.setMessageConverter(new JacksonJsonMessageConverter());
            stomp.setInboundMessageSizeLimit(1024 * 1024);
            stomp.setTaskScheduler(heartbeats);
            stomp.setDefaultHeartbeat(new long[] {10_000, 10_000});
            StompHeaders connect = new StompHeaders();
            connect.add("Authorization", "Bearer " + token);
            stomp.connectAsync(URI.create("ws://localhost:" + target + "/ws"), new WebSocketHttpHeaders(), connect,
                    new Handler(mine, target)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.out.println("LiveSeat: connecting to port " + target + " failed (" + e + "); trying again");
            retry(mine);
        }
    }

    /** Schedules one reconnect for the failed attempt {@code failed}, later after each failure in a row. */
    private void retry(int failed) {
        long delay;
        synchronized (this) {
            if (closed || refused || failed != attempt || retryScheduled) {
                return;
            }
            retryScheduled = true;
            delay = retryMillis;
            retryMillis = Math.min(MAX_RETRY_MILLIS, retryMillis * 2);
        }
        reconnects.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private final class Handler extends StompSessionHandlerAdapter {
        private final int attempt;
        private final int target;

        Handler(int attempt, int target) {
            this.attempt = attempt;
            this.target = target;
        }

        @Override
        public void afterConnected(StompSession connected, StompHeaders headers) {
            connections.incrementAndGet();
            StompSession previous;
            synchronized (LiveSeat.this) {
                previous = session;
                session = connected;
                port = target;
                syncing = true;
                held.clear();
                retryMillis = FIRST_RETRY_MILLIS;
            }
            if (previous != null && previous != connected && previous.isConnected()) {
                previous.disconnect();
            }
            for (String topic : topics) {
                subscribe(connected, "/topic/exercise." + exerciseId + "." + topic, LiveSeat.this::live);
            }
            subscribe(connected, "/user/queue/errors", LiveSeat.this::error);
            subscribe(connected, "/user/queue/replies", body -> {
                String commandId = body.path("commandId").asString("");
                // The first answer is the command's own; a resend after a resync is answered as a duplicate.
                acks.putIfAbsent(commandId, body);
                CompletableFuture<JsonNode> call = calls.remove(commandId);
                if (call != null) {
                    call.complete(body);
                }
                pending.remove(commandId);
            });
            subscribe(connected, "/user/queue/sync", LiveSeat.this::synced);
            requestSync(connected);
        }

        /** An ERROR frame without a body; one with a body the converter cannot read arrives at handleException. */
        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            errorFrame(headers);
        }

        @Override
        public void handleException(StompSession failed, StompCommand command, StompHeaders headers, byte[] payload,
                                    Throwable exception) {
            if (command == StompCommand.ERROR) {
                errorFrame(headers);
            } else {
                System.out.println("LiveSeat: " + command + " " + headers.getDestination() + " failed: " + exception);
            }
        }

        /**
         * An ERROR frame (the broker relay lost RabbitMQ, the node is stopping, the token is refused):
         * the connection closes next. A refused token is final, as web/js/live.js treats it.
         */
        private void errorFrame(StompHeaders headers) {
            String message = String.valueOf(headers.getFirst("message"));
            System.out.println("LiveSeat: ERROR frame from port " + target + ": " + message);
            errorFrames.add(message);
            if (message.matches("(?is).*(token|unauthori|forbidden|not allowed).*")) {
                refused = true;
            }
        }

        @Override
        public void handleTransportError(StompSession failed, Throwable exception) {
            if (!failed.isConnected() || exception instanceof org.springframework.messaging.simp.stomp.ConnectionLostException) {
                retry(attempt);
            }
        }
    }

    private static void subscribe(StompSession session, String destination, java.util.function.Consumer<JsonNode> onBody) {
        session.subscribe(destination, Wire.json(onBody));
    }

    private void requestSync(StompSession on) {
        StompHeaders headers = new StompHeaders();
        headers.setDestination("/app/exercise." + exerciseId + ".sync");
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        on.send(headers, Map.of("after", completeFrom()));
    }

    private synchronized void live(JsonNode event) {
        long seq = event.get("seq").asLong();
        if (syncing) {
            held.add(event);
            return;
        }
        long upTo = completeUpTo(key(event));
        if (seq <= upTo) {
            return;
        }
        long prev = control ? seq - 1 : event.get("prev").asLong();
        if (prev <= upTo) {
            apply(List.of(event));
        } else if (onEvent != null) {
            catchUpsNeeded.incrementAndGet();
            apply(List.of(event));
        } else {
            // A loss on this channel: the catch-up reply has the event (it is stored before it is broadcast).
            syncing = true;
            held.clear();
            requestSync(session);
        }
    }

    private void synced(JsonNode reply) {
        List<JsonNode> events = new ArrayList<>();
        reply.get("events").forEach(events::add);
        synchronized (this) {
            apply(events);
            // Every channel is complete up to the reply's lastSeq (a page: up to its last event).
            boolean paged = !reply.get("complete").asBoolean() && !events.isEmpty();
            long upTo = Math.max(paged ? 0 : reply.path("lastSeq").asLong(0),
                    events.stream().mapToLong(e -> e.get("seq").asLong()).max().orElse(0));
            keys().forEach(key -> complete.merge(key, upTo, Math::max));
            if (paged) {
                requestSync(session);
                return;
            }
            List<JsonNode> later = new ArrayList<>(held);
            held.clear();
            syncing = false;
            later.sort((x, y) -> Long.compare(x.get("seq").asLong(), y.get("seq").asLong()));
            later.forEach(this::live);
            if (syncing) {
                return;
            }
        }
        pending.forEach((commandId, body) -> transmit(pendingDestination.get(commandId), body));
    }

    /**
     * Each event not applied before, in seq order. In measuring mode an event below the highest seen
     * came late (through RabbitMQ each topic is its own queue, so one topic's event can pass another's).
     */
    private void apply(List<JsonNode> events) {
        events.stream().sorted((a, b) -> Long.compare(a.get("seq").asLong(), b.get("seq").asLong())).forEach(e -> {
            long seq = e.get("seq").asLong();
            String key = key(e);
            if (seq <= completeUpTo(key)) {
                return;
            }
            complete.put(key, seq);
            if (seq < highest) {
                lateEvents.incrementAndGet();
            }
            highest = Math.max(highest, seq);
            if (onEvent == null) {
                applied.add(e);
            } else {
                onEvent.accept(e);
            }
        });
    }

    private void error(JsonNode body) {
        String commandId = body.path("commandId").asString("");
        refusals.add(body);
        errors.put(commandId, body);
        pending.remove(commandId);
        CompletableFuture<JsonNode> call = calls.remove(commandId);
        if (call != null) {
            call.completeExceptionally(new IllegalStateException("refused: " + body));
        }
        String destination = body.path("destination").asString("");
        boolean own = destination.endsWith("." + "sync") || topics.stream().anyMatch(t -> destination.endsWith("." + t));
        if (body.path("code").asString("").equals("FORBIDDEN") && syncing && own) {
            // The seat's own subscription or catch-up refused: it is gone; live.js stops here too.
            refused = true;
            StompSession current = session;
            if (current != null && current.isConnected()) {
                current.disconnect();
            }
        }
    }

    /** Sends a command (again after a resync until answered); returns its commandId. */
    String send(String command, Map<String, ?> body) {
        String commandId = UUID.randomUUID().toString();
        send(commandId, command, body);
        return commandId;
    }

    private void send(String commandId, String command, Map<String, ?> body) {
        Map<String, Object> withId = new java.util.LinkedHashMap<>(body);
        withId.put("commandId", commandId);
        String destination = "/app/exercise." + exerciseId + "." + command;
        pending.put(commandId, withId);
        pendingDestination.put(commandId, destination);
        if (live()) {
            transmit(destination, withId);
        }
    }

    /** Sends a command; the answer completes the future, a refusal fails it. */
    CompletableFuture<JsonNode> call(String command, Map<String, ?> body) {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        String commandId = UUID.randomUUID().toString();
        calls.put(commandId, answer);
        send(commandId, command, body);
        return answer;
    }

    /** Sends a command with the caller's commandId (the same command through two nodes). */
    void sendWithId(String command, Map<String, Object> body) {
        String commandId = (String) body.get("commandId");
        String destination = "/app/exercise." + exerciseId + "." + command;
        pending.put(commandId, new java.util.LinkedHashMap<>(body));
        pendingDestination.put(commandId, destination);
        transmit(destination, body);
    }

    String token() {
        return token;
    }

    boolean answered(String commandId) {
        return acks.containsKey(commandId) || errors.containsKey(commandId);
    }

    private void transmit(String destination, Map<String, Object> body) {
        StompSession current = session;
        if (current == null || !current.isConnected()) {
            return;
        }
        try {
            StompHeaders headers = new StompHeaders();
            headers.setDestination(destination);
            headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
            current.send(headers, body);
        } catch (RuntimeException lost) {
            // The line dropped while sending: the command goes again after the next resync.
        }
    }

    /** Raw SUBSCRIBE with extra headers, for the relay's header filter. */
    void subscribeRaw(StompHeaders headers, java.util.function.Consumer<JsonNode> onBody) {
        session.subscribe(headers, Wire.json(onBody));
    }

    @Override
    public void close() {
        closed = true;
        reconnects.shutdownNow();
        StompSession current = session;
        if (current != null && current.isConnected()) {
            current.disconnect();
        }
        heartbeats.shutdown();
    }
}
