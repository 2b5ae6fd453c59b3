package org.hotline.exercise.internal;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the database file from growing with rewritten and freed pages.
 * <p>H2's MVStore never overwrites: every commit writes the changed pages to a new chunk, and the
 * older copies stay in their chunks until those are rewritten. H2 compacts only from its background
 * writer, which WRITE_DELAY=0 (needed so that an acknowledged command is in the file) switches off;
 * so this does it: when less than {@code hotline.storage.compact-below-percent} of the file is live
 * data, it rewrites the live pages of the emptiest chunks, whose space the next commits then reuse.
 * <p>SQLite reuses freed pages by itself, but never gives them back: a file that once held deleted
 * exercises kept their size. Its file is kept with auto_vacuum=INCREMENTAL (Migrations), and when
 * less than that share of its pages is in use this moves the last pages into the free ones and
 * truncates the file (pragma incremental_vacuum), so that deleting exercises shrinks it.
 * <p>PostgreSQL needs none of this.
 */
@Component
class StoreCompaction {

    private static final Logger log = LoggerFactory.getLogger(StoreCompaction.class);
    /** At most this much is rewritten (H2) or moved (SQLite) per round, so a round stays short beside the commands. */
    private static final int REWRITE_BYTES = 8 * 1024 * 1024;
    /** SQLite's auto_vacuum value for INCREMENTAL. */
    static final int INCREMENTAL = 2;

    private final DataSource dataSource;
    private final int belowPercent;
    private final int everySeconds;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "store-compaction");
        thread.setDaemon(true);
        return thread;
    });

    StoreCompaction(DataSource dataSource, StoreSettings settings) {
        this.dataSource = dataSource;
        this.belowPercent = settings.compactBelowPercent();
        this.everySeconds = settings.compactEverySeconds();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (everySeconds > 0 && (sqlite() || store() != null)) {
            timer.scheduleWithFixedDelay(this::compact, everySeconds, everySeconds, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** One round; returns whether it rewrote or gave back anything. */
    boolean compact() {
        if (sqlite()) {
            return giveBackFreePages();
        }
        try {
            Object store = store();
            if (store == null) {
                return false;
            }
            int fill = (int) store.getClass().getMethod("getFillRate").invoke(store);
            if (fill >= belowPercent) {
                return false;
            }
            Method compact = store.getClass().getMethod("compact", int.class, int.class);
            return (boolean) compact.invoke(store, belowPercent, REWRITE_BYTES);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A closed or busy store: the next round tries again; compaction is never needed for correctness.
            log.warn("H2 compaction skipped: {}", e.toString());
            return false;
        }
    }

    /**
     * SQLite: when less than the share set is in use, up to REWRITE_BYTES of free pages are given back
     * to the file system (the file shrinks at the next checkpoint). A file made before auto_vacuum
     * was set has none to give (Migrations converts it at the next start).
     */
    private boolean giveBackFreePages() {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            if (pragma(sql, "auto_vacuum") != INCREMENTAL) {
                return false;
            }
            long pages = pragma(sql, "page_count");
            long free = pragma(sql, "freelist_count");
            if (free == 0 || (pages - free) * 100 >= belowPercent * pages) {
                return false;
            }
            // executeUpdate: the driver's execute steps this pragma once, which frees one page.
            sql.executeUpdate("pragma incremental_vacuum(" + REWRITE_BYTES / pragma(sql, "page_size") + ")");
            return true;
        } catch (SQLException | RuntimeException e) {
            log.warn("SQLite free pages not given back: {}", e.toString());
            return false;
        }
    }

    /** A pragma's value (the first column of its first row; 0 when it gives none). */
    static long pragma(Statement sql, String name) throws SQLException {
        try (ResultSet value = sql.executeQuery("pragma " + name)) {
            return value.next() ? value.getLong(1) : 0;
        }
    }

    /** Whether the store is SQLite: asked of the database once it answers (the answer does not change), not every round. */
    private volatile Boolean sqlite;

    private boolean sqlite() {
        if (sqlite != null) {
            return sqlite;
        }
        try (Connection connection = dataSource.getConnection()) {
            sqlite = "SQLite".equals(connection.getMetaData().getDatabaseProductName());
            return sqlite;
        } catch (SQLException | RuntimeException e) {
            log.warn("Database not reachable for compaction: {}", e.toString());
            return false;
        }
    }

    /**
     * The H2 MVStore behind the pool, or null when the database is not a file H2 database. H2 is a
     * runtime dependency and offers compaction only on its store object, hence the reflection.
     */
    private Object store() {
        try (Connection connection = dataSource.getConnection()) {
            Class<?> h2 = Class.forName("org.h2.jdbc.JdbcConnection");
            if (!connection.isWrapperFor(h2)) {
                return null;
            }
            Object session = h2.getMethod("getSession").invoke(connection.unwrap(h2));
            Object database = session.getClass().getMethod("getDatabase").invoke(session);
            if (!(boolean) database.getClass().getMethod("isPersistent").invoke(database)) {
                return null;
            }
            Object store = database.getClass().getMethod("getStore").invoke(database);
            return store == null ? null : store.getClass().getMethod("getMvStore").invoke(store);
        } catch (ClassNotFoundException notH2) {
            return null;
        } catch (ReflectiveOperationException | java.sql.SQLException | RuntimeException e) {
            log.warn("H2 store not reachable for compaction: {}", e.toString());
            return null;
        }
    }
}
