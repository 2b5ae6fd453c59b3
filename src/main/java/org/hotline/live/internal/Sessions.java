package org.hotline.live.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Open WebSocket sessions by id and by user, so that a removed or moved player can be disconnected;
 * and the first reader of every frame, so that an unreadable frame from a connected client is
 * answered on its error queue instead of closing its session (Spring's default).
 */
@Component
public class Sessions {

    private final Map<String, WebSocketSession> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byUser = new ConcurrentHashMap<>();
    private final Map<String, String> userOf = new ConcurrentHashMap<>();
    private final Outbox outbox;

    public Sessions(Outbox outbox) {
        this.outbox = outbox;
    }

    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                byId.put(session.getId(), session);
                super.afterConnectionEstablished(session);
            }

            @Override
            public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
                String user = userOf.get(session.getId());
                String problem = user != null && message instanceof TextMessage text ? unreadable(text) : null;
                if (problem != null) {
                    outbox.error(user, session.getId(), new ErrorBody("BAD_FRAME", "Unreadable STOMP frame: " + problem,
                            null, null, null));
                    return;
                }
                super.handleMessage(session, message);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
                byId.remove(session.getId());
                userOf.remove(session.getId());
                byUser.values().forEach(ids -> ids.remove(session.getId()));
                super.afterConnectionClosed(session, status);
            }
        };
    }

    /** Whether the user has at least one open session now. */
    public boolean online(String user) {
        Set<String> ids = byUser.get(user);
        return ids != null && !ids.isEmpty();
    }

    public void connected(String user, String sessionId) {
        userOf.put(sessionId, user);
        byUser.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(sessionId);
    }

    public void close(String sessionId, CloseStatus status) {
        WebSocketSession session = byId.get(sessionId);
        if (session != null) {
            try {
                session.close(status);
            } catch (IOException alreadyGone) {
                // Closing a session that is already closed: nothing left to do.
            }
        }
    }

    /**
     * Why a WebSocket message is not a complete STOMP frame, or null if it is. Clients send one whole
     * frame per message; a message without its NUL terminator would otherwise be buffered and glued
     * to the next frame, spoiling that one too.
     */
    private static String unreadable(TextMessage text) {
        try {
            return new StompDecoder().decode(ByteBuffer.wrap(text.asBytes())).isEmpty()
                    ? "incomplete frame (a frame ends with a NUL byte)" : null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    /** Disconnects every session of a user; the client reconnects with its token and gets its new seat. */
    public void closeUser(String user, String reason) {
        for (String sessionId : byUser.getOrDefault(user, Set.of())) {
            close(sessionId, CloseStatus.POLICY_VIOLATION.withReason(reason));
        }
    }
}
