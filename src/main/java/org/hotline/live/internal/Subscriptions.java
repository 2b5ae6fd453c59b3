package org.hotline.live.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.exercise.CommandRejected;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Each session's subscriptions by id: one per destination and at most
 * {@code hotline.live.max-subscriptions-per-session}, so that a client cannot make the broker copy an
 * event to it hundreds of times.
 */
@Component
class Subscriptions {

    private final int maxPerSession;
    private final Map<String, Map<String, String>> bySession = new ConcurrentHashMap<>();

    Subscriptions(LiveLimits limits) {
        this.maxPerSession = limits.maxSubscriptionsPerSession();
    }

    /** Why this SUBSCRIBE may not be added, or null if it may. */
    CommandRejected problem(String sessionId, String subscriptionId, String destination) {
        Map<String, String> mine = bySession.getOrDefault(sessionId, Map.of());
        if (subscriptionId == null || subscriptionId.isBlank()) {
            return new CommandRejected("BAD_FRAME", "SUBSCRIBE needs an 'id' header");
        }
        if (mine.containsKey(subscriptionId)) {
            return new CommandRejected("BAD_FRAME", "This session already has a subscription with that id");
        }
        if (mine.containsValue(destination)) {
            return new CommandRejected("BAD_FRAME", "Already subscribed to " + destination + " (one subscription per destination)");
        }
        if (mine.size() >= maxPerSession) {
            return new CommandRejected("BAD_FRAME", "At most " + maxPerSession + " subscriptions per session");
        }
        return null;
    }

    void add(String sessionId, String subscriptionId, String destination) {
        bySession.computeIfAbsent(sessionId, id -> new ConcurrentHashMap<>()).put(subscriptionId, destination);
    }

    /** False when the session has no subscription with that id. */
    boolean remove(String sessionId, String subscriptionId) {
        Map<String, String> mine = bySession.get(sessionId);
        return subscriptionId != null && mine != null && mine.remove(subscriptionId) != null;
    }

    void forget(String sessionId) {
        bySession.remove(sessionId);
    }

    @EventListener
    void closed(SessionDisconnectEvent disconnect) {
        forget(disconnect.getSessionId());
    }
}
