package org.hotline.operations.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.hotline.engine.Adjudicator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Times the engine's adjudication of a turn by wrapping the Adjudicator bean, so that the engine
 * stays plain Java and the exercise module needs no hook.
 */
@Component
class AdjudicationTimer implements BeanPostProcessor {

    private final ObjectProvider<MeterRegistry> registry;
    private Timer timer;

    AdjudicationTimer(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof Adjudicator engine) || Proxy.isProxyClass(bean.getClass())) {
            return bean;
        }
        return Proxy.newProxyInstance(Adjudicator.class.getClassLoader(), new Class<?>[] {Adjudicator.class},
                (proxy, method, args) -> {
                    long start = System.nanoTime();
                    try {
                        return method.invoke(engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (method.getName().equals("adjudicate")) {
                            timer().record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
                        }
                    }
                });
    }

    private Timer timer() {
        if (timer == null) {
            timer = Timer.builder("hotline.adjudication").description("The engine adjudicating one turn")
                    .publishPercentileHistogram().register(registry.getObject());
        }
        return timer;
    }
}
