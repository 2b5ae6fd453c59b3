package org.hotline.exercise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.hotline.exercise.Ack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * On SQLite the command receipts move to a table stored by its key (V9, WITHOUT ROWID): the receipts
 * of a file made before are kept and still answer a repeated command, and a command id seen twice is
 * still a duplicate key.
 */
class SqliteReceiptsTest {

    @Test
    void receiptsWrittenBeforeAreKeptAndACommandIdSeenTwiceIsStillADuplicate(@TempDir Path folder) {
        SingleConnectionDataSource db = new SingleConnectionDataSource("jdbc:sqlite:" + folder.resolve("hotline.db")
                + StoreChoice.SQLITE_OPTIONS, true);
        FluentConfiguration earlier = Flyway.configure().dataSource(db);
        new Migrations().customize(earlier);
        earlier.target("8").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        EventLog log = new EventLog(jdbc, JsonMapper.builder().build(), new TransactionTemplate(new DataSourceTransactionManager(db)));
        log.receipt("ex-1", "p-1 c-1", 4, 7);

        FluentConfiguration now = Flyway.configure().dataSource(db);
        new Migrations().customize(now);
        now.load().migrate();

        assertThat(jdbc.queryForObject("select sql from sqlite_schema where name = 'command_receipt'", String.class))
                .containsIgnoringCase("without rowid");
        assertThat(log.receipt("ex-1", "p-1 c-1")).contains(new Ack("p-1 c-1", "ex-1", 4, 7, true));
        assertThatThrownBy(() -> log.receipt("ex-1", "p-1 c-1", 8, 8)).isInstanceOf(DuplicateKeyException.class);
        log.receipt("ex-2", "p-1 c-1", 1, 1);
        assertThat(log.receipt("ex-2", "p-1 c-1")).contains(new Ack("p-1 c-1", "ex-2", 1, 1, true));
        db.destroy();
    }
}
