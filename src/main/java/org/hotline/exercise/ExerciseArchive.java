package org.hotline.exercise;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hotline.access.Access;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Archiving and deleting exercises, for their facilitator. An archived exercise (it must have ended)
 * leaves "Your exercises" and the live consoles and stays reviewable. A deleted one is gone: an
 * exercise still running is ended first (its consoles are told), its seats' tokens are revoked, and
 * every row keyed by it — log, snapshot, receipts, deadline, index row, roster, join codes, report
 * and origin — is deleted in one transaction. Its space is used again by later writes, and
 * StoreCompaction gives it back to the file system when much of the file is free (SQLite) or
 * rewrites the emptiest chunks (H2), so the file stops growing and shrinks after many deletions.
 * Archiving frees nothing: an archived exercise stays reviewable, and an ended one takes no more turns.
 */
@Service
public class ExerciseArchive {

    /** Every table with a row per exercise, keyed by {@code exercise_id}, deleted child first. */
    private static final List<String> TABLES = List.of("exercise_event", "command_receipt", "exercise_snapshot", "exercise_deadline",
            "exercise_archive", "review_report", "review_origin", "join_code", "player", "exercise");

    private final Exercises exercises;
    private final Access access;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public ExerciseArchive(Exercises exercises, Access access, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.exercises = exercises;
        this.access = access;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public void archive(String owner, String exerciseId) {
        ExerciseSummary exercise = owned(owner, exerciseId);
        if (exercise.phase() != Phase.ENDED) {
            throw new CommandRejected("WRONG_PHASE", "Only an exercise that has ended can be archived; end it first (it is in "
                    + exercise.phase() + ")");
        }
        if (!archived(exerciseId)) {
            jdbc.update("insert into exercise_archive (exercise_id, archived_by, archived_at) values (?, ?, ?)", exerciseId, owner,
                    System.currentTimeMillis());
        }
    }

    public boolean archived(String exerciseId) {
        Integer count = jdbc.queryForObject("select count(*) from exercise_archive where exercise_id = ?", Integer.class, exerciseId);
        return count != null && count > 0;
    }

    /** The ids of the owner's archived exercises. */
    public Set<String> archivedBy(String owner) {
        return Set.copyOf(jdbc.queryForList("select a.exercise_id from exercise_archive a join exercise e on e.exercise_id = a.exercise_id "
                + "where e.owner = ?", String.class, owner));
    }

    /** Deletes the exercise; {@code confirm} must repeat its id, so that no stray request deletes one. */
    public void delete(String owner, String exerciseId, String confirm) {
        ExerciseSummary exercise = owned(owner, exerciseId);
        if (!exerciseId.equals(confirm)) {
            throw new CommandRejected("INVALID", "confirm: the exercise's id (" + exerciseId + "), to confirm that it is to be deleted");
        }
        if (exercise.phase() != Phase.ENDED) {
            exercises.handle(exerciseId, Actor.facilitator(owner), "delete-" + UUID.randomUUID(),
                    new Command.Control.End("the exercise was deleted by its facilitator"));
        }
        List<Member> members = exercises.members(exerciseId);
        transactions.executeWithoutResult(tx -> {
            members.forEach(m -> access.revokeSeat(m.playerId()));
            jdbc.update("update review_origin set source_id = null where source_id = ?", exerciseId);
            for (String table : TABLES) {
                jdbc.update("delete from " + table + " where exercise_id = ?", exerciseId);
            }
        });
    }

    private ExerciseSummary owned(String owner, String exerciseId) {
        ExerciseSummary exercise = exercises.summary(exerciseId)
                .orElseThrow(() -> new CommandRejected("UNKNOWN_EXERCISE", "No exercise '" + exerciseId + "'"));
        if (!exercise.owner().equals(owner)) {
            throw new org.hotline.access.AccessRefused(403, "FORBIDDEN", "Only the exercise's own facilitator may archive or delete it");
        }
        return exercise;
    }
}
