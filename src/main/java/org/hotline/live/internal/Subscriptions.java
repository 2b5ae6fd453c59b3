package org.hotline.live.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.exercise.CommandRejected;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Each session's subscriptions by id: one per destination and at most
 * {@code hotline.live.max-subscriptions-per-session}, so that a client cannot make the broker copy an
 * event to it hundreds of times. A session's subscriptions are a small immutable map, replaced when
 * they change (a client subscribes a handful of times per session): a few dozen bytes for each of
 * thousands of idle sessions instead of a concurrent map's few hundred.
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
        bySession.merge(sessionId, Map.of(subscriptionId, destination), (mine, added) -> {
            Map<String, String> all = new HashMap<>(mine);
            all.putAll(added);
            return Map.copyOf(all);
        });
    }

    /** False when the session has no subscription with that id. */
    boolean remove(String sessionId, String subscriptionId) {
        if (subscriptionId == null) {
            return false;
        }
        boolean[] removed = {false};
        bySession.computeIfPresent(sessionId, (id, mine) -> {
            if (!mine.containsKey(subscriptionId)) {
                return mine;
            }
            removed[0] = true;
            Map<String, String> rest = new HashMap<>(mine);
            rest.remove(subscriptionId);
            return rest.isEmpty() ? null : Map.copyOf(rest);
        });
        return removed[0];
    }

    void forget(String sessionId) {
        bySession.remove(sessionId);
    }

    @EventListener
    void closed(SessionDisconnectEvent disconnect) {
        forget(disconnect.getSessionId());
    }
}
