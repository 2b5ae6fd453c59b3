package org.hotline.exercise.internal;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * SQLite reports every constraint failure with one error code (19) and no SQL state, so Spring's
 * codes (sql-error-codes.xml) cannot tell a duplicate key from a missing value; SQLite's extended
 * code, first in its message, can. Callers rely on {@link DuplicateKeyException} (a command id seen
 * twice, a team a computer already plays).
 */
public class SqliteConstraints implements SQLExceptionTranslator {

    @Override
    public DataAccessException translate(String task, String sql, SQLException failure) {
        String message = failure.getMessage();
        if (message != null && (message.startsWith("[SQLITE_CONSTRAINT_PRIMARYKEY]") || message.startsWith("[SQLITE_CONSTRAINT_UNIQUE]"))) {
            return new DuplicateKeyException(task + ": " + message, failure);
        }
        return null;
    }
}
