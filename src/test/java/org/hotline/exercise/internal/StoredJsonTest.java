package org.hotline.exercise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.hotline.exercise.Channel;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.EventType;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * In a SQLite file the log's payloads and the snapshots are deflated, and read back as they were
 * written; rows written as text before (and payloads that deflating would not shrink) stay text and
 * read as before; H2 and PostgreSQL keep text.
 */
class StoredJsonTest {

    @TempDir
    Path folder;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aSqliteFileHoldsLongPayloadsDeflatedAndReadsThemBackAsTheyWere() {
        JdbcTemplate jdbc = migrated("jdbc:sqlite:" + folder.resolve("hotline.db") + StoreChoice.SQLITE_OPTIONS);
        EventLog log = log(jdbc);
        String text = "The northern flank holds; the convoy turns back at the strait. ".repeat(40);
        List<ExerciseEvent> events = List.of(note("ex-1", 1, text), note("ex-1", 2, "ok"));
        log.write(() -> log.append(state("ex-1", 2), events));

        assertThat(jdbc.queryForList("select typeof(payload) from exercise_event order by seq", String.class)).containsExactly("blob", "blob");
        assertThat(jdbc.queryForObject("select length(payload) from exercise_event where seq = 1", Integer.class))
                .isLessThan(json.writeValueAsString(events.get(0).payload()).length() / 5);
        assertThat(log.events("ex-1", 0, Set.of(Channel.values()), 10)).isEqualTo(events);
    }

    @Test
    void textThatDeflatingWouldNotShrinkStaysText() {
        StoredJson sqlite = StoredJson.forDatabase("SQLite");
        assertThat(sqlite.stored("{}")).isEqualTo("{}");
        assertThat(sqlite.stored("{\"a\":\"" + "x".repeat(200) + "\"}")).isInstanceOf(byte[].class);
        assertThat(StoredJson.forDatabase("H2").stored("{\"a\":\"" + "x".repeat(200) + "\"}")).isInstanceOf(String.class);
    }

    @Test
    void rowsWrittenAsTextBeforeAreReadAsBefore() {
        JdbcTemplate jdbc = migrated("jdbc:sqlite:" + folder.resolve("hotline.db") + StoreChoice.SQLITE_OPTIONS);
        ExerciseEvent earlier = note("ex-1", 1, "written by an earlier version ".repeat(20));
        jdbc.update("insert into exercise_event (exercise_id, seq, type, turn, phase, channel, actor, occurred_at, payload) "
                + "values ('ex-1', 1, 'NOTE_ADDED', 1, 'ORDERS', 'CONTROL', 'fac', ?, ?)", earlier.time().toEpochMilli(),
                json.writeValueAsString(earlier.payload()));
        EventLog log = log(jdbc);
        ExerciseEvent later = note("ex-1", 2, "written deflated by this one ".repeat(20));
        log.write(() -> log.append(state("ex-1", 2), List.of(later)));

        assertThat(jdbc.queryForList("select typeof(payload) from exercise_event order by seq", String.class)).containsExactly("text", "blob");
        assertThat(log.events("ex-1", 0, Set.of(Channel.values()), 10)).containsExactly(earlier, later);
    }

    @Test
    void theSnapshotIsDeflatedInSqliteAndReadBackWhole() {
        JdbcTemplate jdbc = migrated("jdbc:sqlite:" + folder.resolve("hotline.db") + StoreChoice.SQLITE_OPTIONS);
        EventLog log = log(jdbc);
        ExerciseState state = state("ex-1", 7);
        state.title = "Strait crisis ".repeat(30);
        log.write(() -> log.snapshot(state));

        assertThat(jdbc.queryForObject("select typeof(state) from exercise_snapshot", String.class)).isEqualTo("blob");
        assertThat(log.latestSnapshot("ex-1")).get().satisfies(read -> {
            assertThat(read.title).isEqualTo(state.title);
            assertThat(read.lastSeq).isEqualTo(7);
        });
    }

    @Test
    void h2KeepsText() {
        JdbcTemplate jdbc = migrated("jdbc:h2:mem:stored-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        EventLog log = log(jdbc);
        ExerciseEvent event = note("ex-1", 1, "the same words again and again ".repeat(20));
        log.write(() -> log.append(state("ex-1", 1), List.of(event)));

        assertThat(jdbc.queryForObject("select payload from exercise_event", String.class)).isEqualTo(json.writeValueAsString(event.payload()));
        assertThat(log.events("ex-1", 0, Set.of(Channel.values()), 10)).containsExactly(event);
    }

    @Test
    void aDamagedDeflatedPayloadIsNamedNotMisread() {
        JdbcTemplate jdbc = migrated("jdbc:sqlite:" + folder.resolve("hotline.db") + StoreChoice.SQLITE_OPTIONS);
        EventLog log = log(jdbc);
        log.write(() -> log.append(state("ex-1", 1), List.of(note("ex-1", 1, "a note long enough to deflate ".repeat(20)))));
        jdbc.update("update exercise_event set payload = substr(payload, 1, length(payload) / 2)");

        assertThatThrownBy(() -> log.events("ex-1", 0, Set.of(Channel.values()), 10)).isInstanceOf(UncategorizedSQLException.class)
                .hasMessageContaining("The stored payload is cut short");
    }

    private JdbcTemplate migrated(String url) {
        DriverManagerDataSource db = new DriverManagerDataSource(url);
        FluentConfiguration flyway = Flyway.configure().dataSource(db);
        new Migrations().customize(flyway);
        flyway.load().migrate();
        return new JdbcTemplate(db);
    }

    private EventLog log(JdbcTemplate jdbc) {
        return new EventLog(jdbc, json, new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())));
    }

    private static ExerciseEvent note(String exerciseId, long seq, String text) {
        return new ExerciseEvent(exerciseId, seq, EventType.NOTE_ADDED, 1, Phase.ORDERS, Instant.ofEpochMilli(1_700_000_000_000L + seq),
                "fac", Channel.CONTROL, new EventPayload.NoteAdded("NOTE", text, null, "Facilitator", null));
    }

    private static ExerciseState state(String id, long lastSeq) {
        ExerciseState state = new ExerciseState();
        state.id = id;
        state.lastSeq = lastSeq;
        return state;
    }
}
