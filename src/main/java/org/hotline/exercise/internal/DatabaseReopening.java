package org.hotline.exercise.internal;

import java.sql.SQLException;
import java.util.Set;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Brings the server back after H2 closed its database under it (a panic of its store, for instance
 * when memory ran out in the middle of a write). Every pooled connection then answers "Database is
 * already closed" forever, and the pool would keep handing them out. Here a connection that reports
 * a closed database is dropped, and so are the idle ones beside it: the next connection the pool
 * opens reopens the file, where every committed write is (WRITE_DELAY=0). PostgreSQL never reports
 * these codes, so nothing changes there.
 */
@Component
class DatabaseReopening implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(DatabaseReopening.class);
    /**
     * H2's codes for a connection whose database is gone or may be broken: 90121 "Database is already
     * closed", 90098 "The database has been closed", 90108 "Out of memory".
     */
    private static final Set<Integer> DATABASE_GONE = Set.of(90121, 90098, 90108);

    private volatile HikariDataSource pool;

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null && hikari.getJdbcUrl().startsWith("jdbc:h2:")) {
            hikari.setExceptionOverride(new Evicting());
            pool = hikari;
        }
        return bean;
    }

    /** Hikari's hook on every SQLException of a pooled connection (its nested type is also named Override). */
    private final class Evicting implements SQLExceptionOverride {

        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException failure) {
            if (!DATABASE_GONE.contains(failure.getErrorCode())) {
                return SQLExceptionOverride.Override.CONTINUE_EVICT;
            }
            log.warn("The database reported \"{}\": its connections are replaced, which reopens it", failure.getMessage());
            HikariDataSource current = pool;
            if (current != null && current.getHikariPoolMXBean() != null) {
                // The idle connections point at the same closed database; replace them now, not one failure each.
                current.getHikariPoolMXBean().softEvictConnections();
            }
            return SQLExceptionOverride.Override.MUST_EVICT;
        }
    }
}
