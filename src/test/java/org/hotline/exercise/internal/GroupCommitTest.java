package org.hotline.exercise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hotline.exercise.CommandRejected;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The group commit answers every waiting write even when one of them runs out of memory: the
 * others are committed, the failing one is refused with SERVER_BUSY (nothing of it stored), and the
 * log takes writes again afterwards. Before, the error escaped the committing thread and the writes
 * queued with it waited for ever, holding their exercises' locks.
 */
class GroupCommitTest {

    private final DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:group-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    private final JdbcTemplate jdbc = new JdbcTemplate(db);
    private final EventLog log = new EventLog(jdbc, JsonMapper.builder().build(),
            new TransactionTemplate(new DataSourceTransactionManager(db)));
    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aWriteThatRunsOutOfMemoryIsRefusedAndTheOthersInItsGroupAreCommitted() throws Exception {
        jdbc.execute("create table line (n int primary key)");
        CountDownLatch committing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = threads.submit(() -> log.write(() -> {
            jdbc.update("insert into line values (1)");
            committing.countDown();
            awaitQuietly(release);
        }));
        assertThat(committing.await(10, TimeUnit.SECONDS)).isTrue();
        // These two queue behind the commit in progress and are committed together by the next holder.
        Future<?> failing = threads.submit(() -> log.write(() -> {
            jdbc.update("insert into line values (2)");
            throw new OutOfMemoryError("no memory left (test)");
        }));
        Future<?> healthy = threads.submit(() -> log.write(() -> jdbc.update("insert into line values (3)")));
        Thread.sleep(300);
        release.countDown();

        first.get(10, TimeUnit.SECONDS);
        healthy.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(CommandRejected.class).hasMessageContaining("nothing was changed")
                .satisfies(e -> assertThat(((CommandRejected) e).code()).isEqualTo("SERVER_BUSY"));
        log.write(() -> jdbc.update("insert into line values (4)"));
        assertThat(jdbc.queryForList("select n from line order by n", Integer.class)).containsExactly(1, 3, 4);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
