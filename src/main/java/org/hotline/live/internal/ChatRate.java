package org.hotline.live.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/** At most chatBurst messages per player in any chatWindowSeconds, both chat channels together. */
@Component
public class ChatRate {

    private final LiveLimits limits;
    private final ConcurrentMap<String, Deque<Long>> sent = new ConcurrentHashMap<>();

    public ChatRate(LiveLimits limits) {
        this.limits = limits;
    }

    public boolean allow(String playerId, long now) {
        Deque<Long> times = sent.computeIfAbsent(playerId, id -> new ArrayDeque<>());
        synchronized (times) {
            long windowStart = now - limits.chatWindowSeconds() * 1000L;
            while (!times.isEmpty() && times.peekFirst() <= windowStart) {
                times.pollFirst();
            }
            if (times.size() >= limits.chatBurst()) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
