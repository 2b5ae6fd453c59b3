package org.hotline.operations.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Times the event log's writes without a hook in the exercise module: the shared TransactionTemplate
 * (only the exercise module writes through it; the other modules use @Transactional) is replaced by
 * one that times the statements inside each transaction (hotline.log.append: events, receipt,
 * snapshot) apart from the commit that makes them durable (hotline.log.flush).
 */
@Component
class LogTimers implements BeanPostProcessor {

    private final ObjectProvider<MeterRegistry> registry;

    LogTimers(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean.getClass() != TransactionTemplate.class) {
            return bean;
        }
        return new Timed((TransactionTemplate) bean, registry);
    }

    private static final class Timed extends TransactionTemplate {

        private final transient ObjectProvider<MeterRegistry> registry;
        private transient Timer append;
        private transient Timer flush;

        Timed(TransactionTemplate template, ObjectProvider<MeterRegistry> registry) {
            super(template.getTransactionManager(), template);
            this.registry = registry;
        }

        @Override
        public <T> T execute(TransactionCallback<T> action) throws TransactionException {
            long[] statementsDone = new long[1];
            T result = super.execute(status -> {
                long inside = System.nanoTime();
                try {
                    return action.doInTransaction(status);
                } finally {
                    statementsDone[0] = System.nanoTime();
                    appendTimer().record(statementsDone[0] - inside, TimeUnit.NANOSECONDS);
                }
            });
            flushTimer().record(System.nanoTime() - statementsDone[0], TimeUnit.NANOSECONDS);
            return result;
        }

        private Timer appendTimer() {
            if (append == null) {
                append = Timer.builder("hotline.log.append").description("Writing one batch of events to the log "
                        + "(events, command receipt, snapshot), before the commit").publishPercentileHistogram()
                        .register(registry.getObject());
            }
            return append;
        }

        private Timer flushTimer() {
            if (flush == null) {
                flush = Timer.builder("hotline.log.flush").description("Committing one batch of events: the database "
                        + "making it durable").publishPercentileHistogram().register(registry.getObject());
            }
            return flush;
        }
    }
}
