package org.hotline.exercise.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Where Flyway finds the migrations: db/migration for every database, then db/standard (H2 and
 * PostgreSQL) or db/sqlite for the few statements SQLite spells differently. The versions are the
 * same everywhere, and a script keeps its checksum wherever it lies, so databases migrated before
 * the split validate as they did.
 */
@Component
class Migrations implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.locations("classpath:db/migration", sqlite(configuration) ? "classpath:db/sqlite" : "classpath:db/standard");
    }

    private static boolean sqlite(FluentConfiguration configuration) {
        try (Connection connection = configuration.getDataSource().getConnection()) {
            return "SQLite".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached to migrate it: " + e.getMessage(), e);
        }
    }
}
