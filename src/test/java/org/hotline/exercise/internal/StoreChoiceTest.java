package org.hotline.exercise.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The embedded database a server opens when none is configured, and what it does with a configured one. */
class StoreChoiceTest {

    @TempDir
    Path data;

    @Test
    void aNewDataFolderGetsASqliteFileWithTheServersOptionsAndTheFolderIsCreated() {
        Path folder = data.resolve("new");
        String url = chosen(Map.of("hotline.data-dir", folder.toString()));
        assertThat(url).isEqualTo("jdbc:sqlite:" + folder.resolve("hotline.db") + StoreChoice.SQLITE_OPTIONS);
        assertThat(folder).isDirectory();
    }

    @Test
    void anEarlierVersionsH2FileIsKeptWithItsSettings() throws Exception {
        Files.writeString(data.resolve("hotline.mv.db"), "");
        assertThat(chosen(Map.of("hotline.data-dir", data.toString())))
                .isEqualTo("jdbc:h2:file:" + data.resolve("hotline") + StoreChoice.H2_OPTIONS);
    }

    @Test
    void onceTheSqliteFileExistsItIsUsedEvenBesideAnOldH2File() throws Exception {
        Files.writeString(data.resolve("hotline.mv.db"), "");
        Files.writeString(data.resolve("hotline.db"), "");
        assertThat(chosen(Map.of("hotline.data-dir", data.toString()))).startsWith("jdbc:sqlite:");
    }

    @Test
    void aConfiguredUrlWinsAndABareSqliteOneGetsTheServersOptions() {
        String postgres = "jdbc:postgresql://127.0.0.1:5432/hotline";
        assertThat(chosen(Map.of("spring.datasource.url", postgres))).isEqualTo(postgres);
        String sqlite = "jdbc:sqlite:" + data.resolve("deep/er/x.db");
        assertThat(chosen(Map.of("spring.datasource.url", sqlite))).isEqualTo(sqlite + StoreChoice.SQLITE_OPTIONS);
        assertThat(data.resolve("deep/er")).isDirectory();
        String tuned = sqlite + "?journal_mode=DELETE";
        assertThat(chosen(Map.of("spring.datasource.url", tuned))).isEqualTo(tuned);
    }

    private static String chosen(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        new StoreChoice(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("spring.datasource.url");
    }
}
