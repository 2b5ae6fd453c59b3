package org.hotline.operations.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.hotline.scenario.ScenarioCatalog;
import org.hotline.scenario.ScenarioProblem;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The scenario files this server refused at start. The server still plays the others, so it stays UP
 * (a load balancer must not drop it); the refused files and their first problems are in the details
 * a facilitator sees, and their count is the gauge hotline.scenarios.refused.
 */
@Component("scenarios")
class ScenarioFilesHealth implements HealthIndicator {

    private final ScenarioCatalog catalog;

    ScenarioFilesHealth(ScenarioCatalog catalog, MeterRegistry registry) {
        this.catalog = catalog;
        Gauge.builder("hotline.scenarios.refused", catalog,
                        c -> c.problems().stream().map(ScenarioProblem::file).distinct().count())
                .description("Scenario files refused at start (see /actuator/health)").register(registry);
    }

    @Override
    public Health health() {
        List<ScenarioProblem> problems = catalog.problems();
        return Health.up()
                .withDetail("playable", catalog.scenarios().size())
                .withDetail("refusedFiles", problems.stream().map(ScenarioProblem::file).distinct().toList())
                .withDetail("problems", problems.stream().limit(20)
                        .map(p -> p.file() + ":" + p.line() + " " + p.field() + ": " + p.message()).toList())
                .build();
    }
}
