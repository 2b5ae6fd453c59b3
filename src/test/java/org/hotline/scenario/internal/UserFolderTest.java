package org.hotline.scenario.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioCatalog;
import org.hotline.scenario.ScenarioFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class UserFolderTest {

    /** The settings record the application binds by its properties scan. */
    @org.springframework.boot.context.properties.EnableConfigurationProperties(ScenarioSettings.class)
    static class Settings {
    }

    private static final String VALID_WITHOUT_OVERRIDES = "fixtures/scenarios/valid.yaml";

    @TempDir
    Path folder;

    @Test
    void aUserFolderAddsItsScenariosAndABrokenOneDoesNotStopTheOthers() throws IOException {
        // The bundled rulebook may differ from the fixture one: keep the user's file free of overrides.
        String valid = Fixtures.file(VALID_WITHOUT_OVERRIDES).text().get().replaceAll("(?s)\nrulebook:.*", "\n");
        Files.writeString(folder.resolve("mine.yaml"), valid.replace("id: valid", "id: mine"));
        Files.writeString(folder.resolve("broken.yml"), valid.replace("id: valid", "id: broken").replace("tension: 50", "tension: high"));
        Files.writeString(folder.resolve("notes.txt"), "not a scenario");

        ScenarioCatalog catalog = ScenarioFiles.load(folder);

        assertThat(catalog.find("mine")).isPresent();
        assertThat(catalog.find("broken")).isEmpty();
        assertThat(catalog.find("cs1-anglo-russian")).isPresent();
        assertThat(catalog.problems()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(folder.resolve("broken.yml").toString());
            assertThat(problem.field()).isEqualTo("tension");
        });
    }

    @Test
    void aMissingFolderIsReportedAndTheBundledScenariosStillLoad() {
        ScenarioCatalog catalog = ScenarioFiles.load(folder.resolve("nowhere"));

        assertThat(catalog.scenarios()).extracting(Scenario::id).contains("future-after-ukraine");
        assertThat(catalog.problems()).anySatisfy(problem -> {
            assertThat(problem.field()).isEqualTo("hotline.scenarios.folder");
            assertThat(problem.message()).isEqualTo("no such folder");
        });
    }

    @Test
    void theCatalogueBeanReadsTheConfiguredFolder() throws IOException {
        String valid = Fixtures.file(VALID_WITHOUT_OVERRIDES).text().get().replaceAll("(?s)\nrulebook:.*", "\n");
        Files.writeString(folder.resolve("mine.yaml"), valid.replace("id: valid", "id: mine"));

        new ApplicationContextRunner()
                .withUserConfiguration(ScenarioCatalogConfiguration.class, Settings.class)
                .withPropertyValues("hotline.scenarios.folder=" + folder)
                .run(context -> {
                    ScenarioCatalog catalog = context.getBean(ScenarioCatalog.class);
                    assertThat(catalog.find("mine")).isPresent();
                    assertThat(catalog.defaultScenario().id()).isEqualTo("future-after-ukraine");
                });
    }
}
