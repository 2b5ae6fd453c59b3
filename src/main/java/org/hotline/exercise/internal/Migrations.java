package org.hotline.exercise.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Where Flyway finds the migrations: db/migration for every database, then db/standard (H2 and
 * PostgreSQL) or db/sqlite for the few statements SQLite spells differently. The versions are the
 * same everywhere, and a script keeps its checksum wherever it lies, so databases migrated before
 * the split validate as they did. A SQLite file is first given auto_vacuum=INCREMENTAL, so that
 * StoreCompaction can shrink it when exercises are deleted.
 */
@Component
class Migrations implements FlywayConfigurationCustomizer {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    @Override
    public void customize(FluentConfiguration configuration) {
        boolean sqlite;
        try (Connection connection = configuration.getDataSource().getConnection()) {
            sqlite = "SQLite".equals(connection.getMetaData().getDatabaseProductName());
            if (sqlite) {
                shrinkable(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached to migrate it: " + e.getMessage(), e);
        }
        configuration.locations("classpath:db/migration", sqlite ? "classpath:db/sqlite" : "classpath:db/standard");
    }

    /**
     * SQLite takes auto_vacuum only before the file's first page is written (opening it in WAL mode
     * already writes it), or with a VACUUM, which rewrites the file once: for a new file that is
     * nothing; for one an earlier version made it takes a moment (SQLite files are young).
     */
    private static void shrinkable(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            if (StoreCompaction.pragma(sql, "auto_vacuum") == StoreCompaction.INCREMENTAL) {
                return;
            }
            if (StoreCompaction.pragma(sql, "schema_version") > 0) {
                log.info("Rewriting the SQLite file once so that deleting exercises can shrink it (auto_vacuum=INCREMENTAL)");
            }
            sql.execute("pragma auto_vacuum = incremental");
            sql.execute("vacuum");
        }
    }
}
