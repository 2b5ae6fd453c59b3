package org.hotline.exercise.internal;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * One pending deadline per exercise; setting a new one cancels the old. A past deadline fires at once.
 * This clock lives in one process; the cluster profile replaces it with {@link SharedDeadlines}.
 */
@Component
@ConditionalOnProperty(name = "hotline.cluster.enabled", havingValue = "false", matchIfMissing = true)
public class Deadlines {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hotline-deadlines");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentMap<String, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(long deadline, ScheduledFuture<?> future) {
    }

    public void set(String exerciseId, Long deadline, LongConsumer onExpiry) {
        Pending current = pending.get(exerciseId);
        if (current != null && deadline != null && current.deadline() == deadline) {
            return;
        }
        Pending previous = deadline == null ? pending.remove(exerciseId)
                : pending.put(exerciseId, new Pending(deadline, timer.schedule(() -> onExpiry.accept(deadline),
                        Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS)));
        if (previous != null) {
            previous.future().cancel(false);
        }
    }

    /** Called in the transaction that commits the events setting {@code deadline}; this clock needs nothing there. */
    public void store(String exerciseId, Long deadline) {
    }

    /** Where a deadline set by another process goes when it passes; this clock only fires its own. */
    public void onExpiry(BiConsumer<String, Long> handler) {
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
