package org.hotline.exercise.internal;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cluster's clock. Each exercise's pending deadline is a row of exercise_deadline, written in the
 * transaction that commits the events setting it; every node polls the rows that are due, and the
 * node that takes the exercise's lock in Spring Integration's JdbcLockRegistry (and still finds the
 * row unchanged) fires it, so each deadline fires on exactly one node, also after the node whose
 * command set it has died.
 */
@Component
@ConditionalOnProperty(name = "hotline.cluster.enabled", havingValue = "true")
class SharedDeadlines extends Deadlines {

    private static final Logger log = LoggerFactory.getLogger(SharedDeadlines.class);
    private static final long POLL_MILLIS = 250;
    /** A deadline that fired and is still due (its command failed, e.g. the database was away) is tried again this late. */
    private static final long RETRY_MILLIS = 5_000;

    private final JdbcTemplate jdbc;
    private final JdbcLockRegistry locks;
    private final Map<String, Long> tried = new ConcurrentHashMap<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hotline-shared-deadlines");
        thread.setDaemon(true);
        return thread;
    });
    private volatile BiConsumer<String, Long> handler;
    private volatile boolean databaseAway;

    SharedDeadlines(JdbcTemplate jdbc, JdbcLockRegistry deadlineLocks) {
        this.jdbc = jdbc;
        this.locks = deadlineLocks;
        clock.scheduleWithFixedDelay(this::fireDue, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The row is the deadline: no timer in this process. */
    @Override
    public void set(String exerciseId, Long deadline, LongConsumer onExpiry) {
    }

    @Override
    public void store(String exerciseId, Long deadline) {
        jdbc.update("delete from exercise_deadline where exercise_id = ?", exerciseId);
        if (deadline != null) {
            jdbc.update("insert into exercise_deadline (exercise_id, due_at) values (?, ?)", exerciseId, deadline);
        }
    }

    @Override
    public void onExpiry(BiConsumer<String, Long> handler) {
        this.handler = handler;
    }

    private void fireDue() {
        if (handler == null) {
            return;
        }
        long now = System.currentTimeMillis();
        try {
            List<Map<String, Object>> due = jdbc.queryForList("select exercise_id, due_at from exercise_deadline where due_at <= ?", now);
            for (Map<String, Object> row : due) {
                String exerciseId = (String) row.get("exercise_id");
                long dueAt = ((Number) row.get("due_at")).longValue();
                Long last = tried.get(exerciseId + "@" + dueAt);
                if (last == null || now - last >= RETRY_MILLIS) {
                    fire(exerciseId, dueAt);
                }
            }
            if (databaseAway) {
                databaseAway = false;
                log.info("Deadlines: the database answers again");
            }
        } catch (RuntimeException away) {
            if (!databaseAway) {
                databaseAway = true;
                log.warn("Deadlines: the database does not answer ({}); trying again every {} ms", away.getMessage(), POLL_MILLIS);
            }
        }
    }

    private void fire(String exerciseId, long dueAt) {
        Lock lock = locks.obtain("deadline:" + exerciseId);
        if (!lock.tryLock()) {
            return;
        }
        try {
            List<Long> still = jdbc.queryForList("select due_at from exercise_deadline where exercise_id = ?", Long.class, exerciseId);
            if (still.size() == 1 && still.get(0) == dueAt) {
                tried.keySet().removeIf(key -> key.startsWith(exerciseId + "@"));
                tried.put(exerciseId + "@" + dueAt, System.currentTimeMillis());
                handler.accept(exerciseId, dueAt);
            }
        } finally {
            lock.unlock();
        }
    }

    @PreDestroy
    void stopPolling() {
        clock.shutdownNow();
    }
}
