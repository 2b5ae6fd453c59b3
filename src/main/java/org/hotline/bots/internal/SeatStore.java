package org.hotline.bots.internal;

import java.util.Arrays;
import java.util.List;
import org.hotline.scenario.Side;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The computer-played teams as assigned (table computer_seat, migration V8): what a restart resumes. */
@Component
class SeatStore {

    /** One assignment; {@code replaced} names the people whose seats it took (empty for a team that was empty). */
    record Row(String exerciseId, Side side, String playerId, String name, String strategyId, String assignedBy, long assignedAt,
               List<String> replaced) {
    }

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getString("exercise_id"), Side.valueOf(rs.getString("side")),
            rs.getString("player_id"), rs.getString("name"), rs.getString("strategy_id"), rs.getString("assigned_by"),
            rs.getLong("assigned_at"), rs.getString("replaced").isEmpty() ? List.of() : Arrays.asList(rs.getString("replaced").split("\n")));

    private final JdbcTemplate jdbc;

    SeatStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when a computer already plays that team */
    void insert(Row row) {
        jdbc.update("insert into computer_seat (exercise_id, side, player_id, name, strategy_id, assigned_by, assigned_at, replaced) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)", row.exerciseId(), row.side().name(), row.playerId(), row.name(), row.strategyId(),
                row.assignedBy(), row.assignedAt(), String.join("\n", row.replaced()));
    }

    boolean delete(String exerciseId, Side side) {
        return jdbc.update("delete from computer_seat where exercise_id = ? and side = ?", exerciseId, side.name()) > 0;
    }

    List<Row> of(String exerciseId) {
        return jdbc.query("select * from computer_seat where exercise_id = ? order by side", ROW, exerciseId);
    }

    List<Row> all() {
        return jdbc.query("select * from computer_seat order by assigned_at", ROW);
    }
}
