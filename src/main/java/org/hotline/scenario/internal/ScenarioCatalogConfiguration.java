package org.hotline.scenario.internal;

import java.nio.file.Path;
import org.hotline.scenario.ScenarioCatalog;
import org.hotline.scenario.ScenarioFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalogue bean: the jar's scenarios plus those in {@code hotline.scenarios.folder} when set.
 * Refused files are logged, one line per problem, and the server starts with the rest.
 */
@Configuration(proxyBeanMethods = false)
class ScenarioCatalogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ScenarioCatalogConfiguration.class);

    @Bean
    ScenarioCatalog scenarioCatalog(ScenarioSettings settings) {
        String folder = settings.folder();
        ScenarioCatalog catalog = folder.isBlank() ? ScenarioFiles.loadBundled() : ScenarioFiles.load(Path.of(folder));
        catalog.problems().forEach(problem -> log.warn("Scenario file refused: {}", problem));
        log.info("Scenarios loaded: {}", catalog.scenarios().stream().map(s -> s.id()).toList());
        return catalog;
    }
}
