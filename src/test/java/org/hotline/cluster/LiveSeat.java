package org.hotline.cluster;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * queues and catches up from the last sequence number it applied, holding live events back until the
 * catch-up reply; it applies an event only if its seq is above the last applied; commands not yet
 * acknowledged are sent again after a resync. When the connection drops it reconnects, to whichever
 * node {@code nextPort} names (a load balancer without sticky sessions).
 */
final class LiveSeat implements AutoCloseable {

    private final String exerciseId;
    private final String token;
    private final List<String> topics;
    private final IntSupplier nextPort;
    private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor();
    private final ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
    private volatile StompSession session;
    private volatile boolean closed;
    private volatile boolean syncing = true;
    private final List<JsonNode> held = new ArrayList<>();
    private long lastSeq;
    /** Events applied, in order. */
    final List<JsonNode> applied = new CopyOnWriteArrayList<>();
    final Map<String, JsonNode> acks = new ConcurrentHashMap<>();
    final Map<String, JsonNode> errors = new ConcurrentHashMap<>();
    /** Every error received, also those without a commandId (refused subscriptions). */
    final List<JsonNode> refusals = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Object>> pending = new ConcurrentHashMap<>();
    private final Map<String, String> pendingDestination = new ConcurrentHashMap<>();
    final AtomicInteger connections = new AtomicInteger();
    volatile int port;

    LiveSeat(String exerciseId, String token, List<String> topics, IntSupplier nextPort) {
        this.exerciseId = exerciseId;
        this.token = token;
        this.topics = topics;
        this.nextPort = nextPort;
        heartbeats.setPoolSize(1);
        heartbeats.initialize();
        connect();
    }

    synchronized long lastSeq() {
        return lastSeq;
    }

    boolean live() {
        return session != null && session.isConnected() && !syncing;
    }

    private void connect() {
        if (closed) {
            return;
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
            session = stomp.connectAsync(URI.create("ws://localhost:" + target + "/ws"), new WebSocketHttpHeaders(), connect,
                    new Handler()).get(10, TimeUnit.SECONDS);
            port = target;
        } catch (Exception e) {
            System.out.println("LiveSeat: connecting to port " + target + " failed (" + e + "); trying again");
            retry();
        }
    }

    private void retry() {
        if (!closed) {
            reconnects.schedule(this::connect, 300, TimeUnit.MILLISECONDS);
        }
    }

    private final class Handler extends StompSessionHandlerAdapter {
        @Override
        public void afterConnected(StompSession connected, StompHeaders headers) {
            connections.incrementAndGet();
            synchronized (LiveSeat.this) {
                syncing = true;
                held.clear();
            }
            for (String topic : topics) {
                subscribe(connected, "/topic/exercise." + exerciseId + "." + topic, LiveSeat.this::live);
            }
            subscribe(connected, "/user/queue/errors", LiveSeat.this::error);
            subscribe(connected, "/user/queue/replies", body -> {
                acks.put(body.path("commandId").asString(""), body);
                pending.remove(body.path("commandId").asString(""));
            });
            subscribe(connected, "/user/queue/sync", LiveSeat.this::synced);
            requestSync(connected);
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            // An ERROR frame (the broker relay lost RabbitMQ, or the node is stopping): the connection closes next.
            System.out.println("LiveSeat: ERROR frame from port " + port + ": " + headers.get("message"));
        }

        @Override
        public void handleException(StompSession failed, StompCommand command, StompHeaders headers, byte[] payload,
                                    Throwable exception) {
            System.out.println("LiveSeat: " + command + " " + headers.getDestination() + " failed: " + exception);
        }

        @Override
        public void handleTransportError(StompSession failed, Throwable exception) {
            if (!failed.isConnected() || exception instanceof org.springframework.messaging.simp.stomp.ConnectionLostException) {
                retry();
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
        on.send(headers, Map.of("after", lastSeq()));
    }

    private synchronized void live(JsonNode event) {
        if (syncing) {
            held.add(event);
        } else {
            apply(List.of(event));
        }
    }

    private void synced(JsonNode reply) {
        List<JsonNode> events = new ArrayList<>();
        reply.get("events").forEach(events::add);
        synchronized (this) {
            apply(events);
            if (!reply.get("complete").asBoolean() && !events.isEmpty()) {
                requestSync(session);
                return;
            }
            List<JsonNode> later = new ArrayList<>(held);
            held.clear();
            syncing = false;
            apply(later);
        }
        pending.forEach((commandId, body) -> transmit(pendingDestination.get(commandId), body));
    }

    private void apply(List<JsonNode> events) {
        events.stream().filter(e -> e.get("seq").asLong() > lastSeq)
                .sorted((a, b) -> Long.compare(a.get("seq").asLong(), b.get("seq").asLong()))
                .forEach(e -> {
                    if (e.get("seq").asLong() > lastSeq) {
                        lastSeq = e.get("seq").asLong();
                        applied.add(e);
                    }
                });
    }

    private void error(JsonNode body) {
        String commandId = body.path("commandId").asString("");
        refusals.add(body);
        errors.put(commandId, body);
        pending.remove(commandId);
    }

    /** Sends a command (again after a resync until answered); returns its commandId. */
    String send(String command, Map<String, ?> body) {
        String commandId = UUID.randomUUID().toString();
        Map<String, Object> withId = new java.util.LinkedHashMap<>(body);
        withId.put("commandId", commandId);
        String destination = "/app/exercise." + exerciseId + "." + command;
        pending.put(commandId, withId);
        pendingDestination.put(commandId, destination);
        if (live()) {
            transmit(destination, withId);
        }
        return commandId;
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
