package org.hotline.live.internal;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.annotation.PreDestroy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Open WebSocket sessions by id and by user, so that a removed or moved player can be disconnected;
 * every session's outgoing frames are batched ({@link BatchedSession}). (Reading frames is
 * {@link FrameReader}'s.) A user's session ids are a small immutable set, replaced when one opens or
 * closes (a user has one or two), and a user without open sessions is forgotten.
 */
@Component
public class Sessions {

    private final Map<String, BatchedSession> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byUser = new ConcurrentHashMap<>();
    private final ScheduledExecutorService writers;
    private final Capacity capacity;
    private final SessionEnd sessionEnd;

    Sessions(Capacity capacity, SessionEnd sessionEnd) {
        this.capacity = capacity;
        this.sessionEnd = sessionEnd;
        AtomicInteger count = new AtomicInteger();
        this.writers = Executors.newScheduledThreadPool(TransportBuffers.WRITER_THREADS, r -> {
            Thread thread = new Thread(r, "ws-writer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        writers.shutdown();
    }

    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                BatchedSession batched = new BatchedSession(session, writers, TransportBuffers.SEND_BUFFER_LIMIT_BYTES);
                byId.put(session.getId(), batched);
                super.afterConnectionEstablished(batched);
                String refusal = capacity.refusal();
                if (refusal != null) {
                    sessionEnd.end(session.getId(), CapacityGate.CODE, refusal);
                }
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
                byId.remove(session.getId());
                super.afterConnectionClosed(session, status);
            }
        };
    }

    /** After afterConnectionClosed: the session is out of {@link #byId} by then (see {@link #connected}). */
    @EventListener
    void closed(SessionDisconnectEvent disconnect) {
        if (disconnect.getUser() != null) {
            forget(disconnect.getUser().getName(), disconnect.getSessionId());
        }
    }

    /** Whether this WebSocket session is open now (its close removes it before its disconnect event). */
    boolean open(String sessionId) {
        return byId.containsKey(sessionId);
    }

    /** Whether the user has at least one open session now. */
    public boolean online(String user) {
        Set<String> ids = byUser.get(user);
        return ids != null && !ids.isEmpty();
    }

    public void connected(String user, String sessionId) {
        byUser.merge(user, Set.of(sessionId), (ids, added) -> {
            Set<String> all = new HashSet<>(ids);
            all.addAll(added);
            return Set.copyOf(all);
        });
        if (!byId.containsKey(sessionId)) {
            // It closed while it was connecting, before its disconnect event could know the user.
            forget(user, sessionId);
        }
    }

    private void forget(String user, String sessionId) {
        byUser.computeIfPresent(user, (u, ids) -> {
            Set<String> rest = new HashSet<>(ids);
            rest.remove(sessionId);
            return rest.isEmpty() ? null : Set.copyOf(rest);
        });
    }

    /** A frame the server writes to one open session itself (see {@link BatchedSession#deliver}); none if it closed. */
    void deliver(String sessionId, String frame) {
        BatchedSession session = byId.get(sessionId);
        if (session != null) {
            session.deliver(frame);
        }
    }

    public void close(String sessionId, CloseStatus status) {
        BatchedSession session = byId.get(sessionId);
        if (session != null) {
            try {
                session.close(status);
            } catch (IOException alreadyGone) {
                // Closing a session that is already closed: nothing left to do.
            }
        }
    }

    /** Disconnects every session of a user; the client reconnects with its token and gets its new seat. */
    public void closeUser(String user, String reason) {
        for (String sessionId : byUser.getOrDefault(user, Set.of())) {
            close(sessionId, CloseStatus.POLICY_VIOLATION.withReason(reason));
        }
    }
}
