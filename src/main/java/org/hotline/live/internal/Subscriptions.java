package org.hotline.live.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.hotline.exercise.CommandRejected;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Each session's subscriptions by id: one per destination and at most
 * {@code hotline.live.max-subscriptions-per-session}, so that a client cannot make the server copy an
 * event to it hundreds of times. A session's subscriptions are a small immutable map, replaced when
 * they change (a client subscribes a handful of times per session): a few dozen bytes for each of
 * thousands of idle sessions instead of a concurrent map's few hundred. Each topic's subscribers are
 * kept too, as a small array replaced when one comes or goes, for {@link Delivery} to write to.
 */
@Component
class Subscriptions {

    /** One subscription to a topic: the session and the id its client gave the subscription. */
    record Subscriber(String sessionId, String subscriptionId) {
    }

    private static final Subscriber[] NONE = {};
    private static final String TOPICS = "/topic/";

    private final int maxPerSession;
    /** Whether a session is still open; a closed one has been forgotten already. */
    private final Predicate<String> open;
    private final Map<String, Map<String, String>> bySession = new ConcurrentHashMap<>();
    private final Map<String, Subscriber[]> byTopic = new ConcurrentHashMap<>();

    @Autowired
    Subscriptions(LiveLimits limits, Sessions sessions) {
        this(limits.maxSubscriptionsPerSession(), sessions::open);
    }

    Subscriptions(int maxPerSession, Predicate<String> open) {
        this.maxPerSession = maxPerSession;
        this.open = open;
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
        if (!destination.startsWith(TOPICS)) {
            // A session's own queue has one subscriber: idOf finds it from the session.
            return;
        }
        Subscriber subscriber = new Subscriber(sessionId, subscriptionId);
        byTopic.merge(destination, new Subscriber[] {subscriber}, (all, one) -> {
            Subscriber[] more = Arrays.copyOf(all, all.length + 1);
            more[all.length] = subscriber;
            return more;
        });
        if (!open.test(sessionId)) {
            // A SUBSCRIBE still queued when its socket closed: the disconnect has forgotten the session
            // already (perhaps between the two maps above), so this subscription is undone here.
            forget(sessionId);
            leave(destination, sessionId);
        }
    }

    /** False when the session has no subscription with that id. */
    boolean remove(String sessionId, String subscriptionId) {
        if (subscriptionId == null) {
            return false;
        }
        String[] removed = {null};
        bySession.computeIfPresent(sessionId, (id, mine) -> {
            removed[0] = mine.get(subscriptionId);
            if (removed[0] == null) {
                return mine;
            }
            Map<String, String> rest = new HashMap<>(mine);
            rest.remove(subscriptionId);
            return rest.isEmpty() ? null : Map.copyOf(rest);
        });
        if (removed[0] == null) {
            return false;
        }
        leave(removed[0], sessionId);
        return true;
    }

    void forget(String sessionId) {
        Map<String, String> mine = bySession.remove(sessionId);
        if (mine != null) {
            mine.values().forEach(destination -> leave(destination, sessionId));
        }
    }

    /** Who is subscribed to the topic now. */
    Subscriber[] of(String topic) {
        return byTopic.getOrDefault(topic, NONE);
    }

    /** The id of the session's subscription to the destination, or null if it has none. */
    String idOf(String sessionId, String destination) {
        for (Map.Entry<String, String> subscription : bySession.getOrDefault(sessionId, Map.of()).entrySet()) {
            if (subscription.getValue().equals(destination)) {
                return subscription.getKey();
            }
        }
        return null;
    }

    private void leave(String destination, String sessionId) {
        if (!destination.startsWith(TOPICS)) {
            return;
        }
        byTopic.computeIfPresent(destination, (topic, all) -> {
            Subscriber[] rest = Arrays.stream(all).filter(s -> !s.sessionId().equals(sessionId)).toArray(Subscriber[]::new);
            return rest.length == 0 ? null : rest;
        });
    }

    @EventListener
    void closed(SessionDisconnectEvent disconnect) {
        forget(disconnect.getSessionId());
    }
}
