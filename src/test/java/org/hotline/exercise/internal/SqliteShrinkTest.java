package org.hotline.exercise.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A SQLite file shrinks when exercises are deleted: Migrations gives it auto_vacuum=INCREMENTAL (a
 * file made before is rewritten once to get it), and StoreCompaction gives the freed pages back when
 * less than the share set is in use. Without this the file kept its largest size for ever.
 */
class SqliteShrinkTest {

    @TempDir
    Path folder;

    @Test
    void deletingMostOfTheExercisesShrinksTheFile() throws Exception {
        Path file = folder.resolve("hotline.db");
        SingleConnectionDataSource db = new SingleConnectionDataSource("jdbc:sqlite:" + file + StoreChoice.SQLITE_OPTIONS, true);
        migrate(db);
        JdbcTemplate jdbc = new JdbcTemplate(db);
        for (int exercise = 0; exercise < 4; exercise++) {
            for (int seq = 1; seq <= 300; seq++) {
                // Random bytes: as large in the file as they are here.
                jdbc.update("insert into exercise_event (exercise_id, seq, type, turn, phase, channel, occurred_at, payload) "
                        + "values (?, ?, 'NOTE_ADDED', 1, 'ORDERS', 'CONTROL', 0, randomblob(3000))", "ex-" + exercise, seq);
            }
        }
        long full = checkpointedSize(jdbc, file);
        StoreCompaction compaction = new StoreCompaction(db, new StoreSettings(70, 5));
        assertThat(compaction.compact()).as("nothing to give back while every page is in use").isFalse();

        jdbc.update("delete from exercise_event where exercise_id <> 'ex-0'");
        assertThat(checkpointedSize(jdbc, file)).as("freed pages alone do not shrink the file").isEqualTo(full);
        while (compaction.compact()) {
            // Each round moves at most 8 MB of pages.
        }
        assertThat(checkpointedSize(jdbc, file)).isLessThan(full * 35 / 100);
        assertThat(jdbc.queryForObject("select count(*) from exercise_event", Integer.class)).isEqualTo(300);
        db.destroy();
    }

    @Test
    void aFileMadeBeforeIsRewrittenOnceToBecomeShrinkable() throws Exception {
        Path file = folder.resolve("hotline.db");
        SingleConnectionDataSource db = new SingleConnectionDataSource("jdbc:sqlite:" + file + StoreChoice.SQLITE_OPTIONS, true);
        JdbcTemplate jdbc = new JdbcTemplate(db);
        // As an earlier version migrated it: the same scripts, no auto_vacuum.
        Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/sqlite").load().migrate();
        jdbc.update("insert into exercise_snapshot (exercise_id, seq, state) values ('ex-0', 42, '{}')");
        assertThat(jdbc.queryForObject("pragma auto_vacuum", Integer.class)).isZero();

        migrate(db);
        assertThat(jdbc.queryForObject("pragma auto_vacuum", Integer.class)).isEqualTo(StoreCompaction.INCREMENTAL);
        assertThat(jdbc.queryForObject("select seq from exercise_snapshot", Integer.class)).isEqualTo(42);
        db.destroy();
    }

    private static void migrate(SingleConnectionDataSource db) {
        FluentConfiguration flyway = Flyway.configure().dataSource(db);
        new Migrations().customize(flyway);
        flyway.load().migrate();
    }

    private static long checkpointedSize(JdbcTemplate jdbc, Path file) throws Exception {
        jdbc.execute("pragma wal_checkpoint(TRUNCATE)");
        return Files.size(file);
    }
}
