package org.hotline.exercise.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** On SQLite, Spring's JDBC tells a duplicate key from the other constraint failures, as on H2 and PostgreSQL. */
class SqliteConstraintsTest {

    @Test
    void aSecondRowWithTheSameKeyIsADuplicateKeyAndAMissingValueIsNot(@TempDir Path data) {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:sqlite:" + data.resolve("t.db")));
        jdbc.execute("create table seat (exercise_id varchar(40) not null, side varchar(20) not null, name varchar(100) not null, "
                + "primary key (exercise_id, side))");
        jdbc.update("insert into seat values ('e1', 'MOSCOW', 'Computer')");
        assertThatThrownBy(() -> jdbc.update("insert into seat values ('e1', 'MOSCOW', 'Computer')"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.update("insert into seat values ('e1', 'WASHINGTON', null)"))
                .isInstanceOf(DataIntegrityViolationException.class).isNotInstanceOf(DuplicateKeyException.class);
    }
}
