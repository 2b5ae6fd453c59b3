package org.hotline.scenario.internal;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalogue bean: the jar's scenarios plus those in {@code hotline.scenarios.folder} when set; it
 * is also the {@link org.hotline.scenario.ScenarioFolder} that adds files while the server runs.
 * Refused files are logged, one line per problem, and the server starts with the rest.
 */
@Configuration(proxyBeanMethods = false)
class ScenarioCatalogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ScenarioCatalogConfiguration.class);

    /**
     * Without a configured folder, files a facilitator adds go to {@code <hotline.data-dir>/scenarios},
     * which is then loaded at every start.
     */
    @Bean
    FolderCatalog scenarioCatalog(ScenarioSettings settings, @Value("${hotline.data-dir:./data}") String dataDir) {
        String folder = settings.folder();
        boolean configured = !folder.isBlank();
        FolderCatalog catalog = new FolderCatalog(configured ? Path.of(folder) : Path.of(dataDir, "scenarios"), configured);
        catalog.problems().forEach(problem -> log.warn("Scenario file refused: {}", problem));
        log.info("Scenarios loaded: {}", catalog.scenarios().stream().map(s -> s.id()).toList());
        return catalog;
    }
}
