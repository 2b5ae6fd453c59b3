package org.hotline.exercise.internal;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;

/** Spring Integration's JDBC lock registry on table INT_LOCK (migration V7), for the cluster's deadlines. */
@Configuration
@ConditionalOnProperty(name = "hotline.cluster.enabled", havingValue = "true")
class ClusterLocks {

    @Bean
    DefaultLockRepository deadlineLockRepository(DataSource dataSource) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setRegion("hotline-deadlines");
        return repository;
    }

    @Bean
    JdbcLockRegistry deadlineLocks(DefaultLockRepository deadlineLockRepository) {
        return new JdbcLockRegistry(deadlineLockRepository);
    }
}
