package org.hotline.review.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The review's own records: report edits and release, and where branched or imported exercises came from. */
@Repository
class ReviewStore {

    record StoredReport(String json, String editedBy, Instant edited, Instant released) {
    }

    record Origin(String exerciseId, String kind, String sourceId, Integer sourceTurn, String createdBy, Instant created) {
    }

    private final JdbcTemplate jdbc;

    ReviewStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredReport> report(String exerciseId) {
        return jdbc.query("select report, edited_by, edited_at, released_at from review_report where exercise_id = ?",
                (rs, i) -> new StoredReport(rs.getString(1), rs.getString(2), instant(rs.getObject(3)), instant(rs.getObject(4))),
                exerciseId).stream().findFirst();
    }

    boolean released(String exerciseId) {
        return report(exerciseId).map(r -> r.released() != null).orElse(false);
    }

    void saveReport(String exerciseId, String json, String editedBy) {
        if (jdbc.update("update review_report set report = ?, edited_by = ?, edited_at = ? where exercise_id = ?",
                json, editedBy, System.currentTimeMillis(), exerciseId) == 0) {
            jdbc.update("insert into review_report (exercise_id, report, edited_by, edited_at) values (?, ?, ?, ?)",
                    exerciseId, json, editedBy, System.currentTimeMillis());
        }
    }

    void release(String exerciseId) {
        if (jdbc.update("update review_report set released_at = ? where exercise_id = ?", System.currentTimeMillis(), exerciseId) == 0) {
            jdbc.update("insert into review_report (exercise_id, released_at) values (?, ?)", exerciseId, System.currentTimeMillis());
        }
    }

    void origin(Origin origin) {
        jdbc.update("insert into review_origin (exercise_id, kind, source_id, source_turn, created_by, created_at) values (?, ?, ?, ?, ?, ?)",
                origin.exerciseId(), origin.kind(), origin.sourceId(), origin.sourceTurn(), origin.createdBy(),
                origin.created().toEpochMilli());
    }

    Optional<Origin> originOf(String exerciseId) {
        return jdbc.query("select * from review_origin where exercise_id = ?", (rs, i) -> origin(rs), exerciseId).stream().findFirst();
    }

    List<Origin> branchesOf(String exerciseId) {
        return jdbc.query("select * from review_origin where source_id = ? and kind = 'BRANCH' order by created_at", (rs, i) -> origin(rs),
                exerciseId);
    }

    private static Origin origin(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Origin(rs.getString("exercise_id"), rs.getString("kind"), rs.getString("source_id"),
                (Integer) rs.getObject("source_turn"), rs.getString("created_by"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
    }
}
