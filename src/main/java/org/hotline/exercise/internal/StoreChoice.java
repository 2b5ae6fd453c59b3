package org.hotline.exercise.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded database when none is configured: a SQLite file under the data folder
 * ({@code hotline.data-dir}, ./data by default). H2's MVStore rewrites and recompresses whole B-tree
 * pages on every commit (about 1 ms of CPU and over 100 KB written per turn played, measured in
 * docs/performance.md), SQLite appends the changed pages to its write-ahead log. An installation of
 * an earlier version keeps the H2 file it has: when the folder holds hotline.mv.db and no SQLite
 * file, that H2 database is used, as it was configured then. A configured
 * {@code spring.datasource.url} (a profile, the command line) always wins: these are defaults; a
 * configured SQLite URL without options gets the ones below.
 */
class StoreChoice implements EnvironmentPostProcessor {

    /**
     * WAL with synchronous=NORMAL: a commit is in the log file before it returns (it survives a killed
     * process; the log is synced to the disk at checkpoints). IMMEDIATE: a transaction takes the write
     * lock when it starts, so two writers wait for each other instead of failing halfway.
     */
    static final String SQLITE_OPTIONS = "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=30000&transaction_mode=IMMEDIATE";
    /** The H2 settings of earlier versions: WRITE_DELAY=0 writes each commit before it returns. */
    static final String H2_OPTIONS = ";AUTO_SERVER=FALSE;WRITE_DELAY=0;COMPRESS=TRUE;RETENTION_TIME=5000";

    private final Log log;

    StoreChoice(DeferredLogFactory logs) {
        this.log = logs.getLog(StoreChoice.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty("spring.datasource.url");
        if (configured != null) {
            folderOf(configured).ifPresent(StoreChoice::create);
            if (configured.startsWith("jdbc:sqlite:") && !configured.contains("?")) {
                // Without these a second writer fails at once instead of waiting, and commits are slower.
                environment.getPropertySources().addFirst(new MapPropertySource("hotline-store",
                        Map.of("spring.datasource.url", configured + SQLITE_OPTIONS)));
            }
            return;
        }
        Path folder = Path.of(environment.getProperty("hotline.data-dir", "./data"));
        String url;
        if (Files.exists(folder.resolve("hotline.mv.db")) && !Files.exists(folder.resolve("hotline.db"))) {
            url = "jdbc:h2:file:" + folder.resolve("hotline") + H2_OPTIONS;
            log.info("Using the H2 database of an earlier version found at " + folder.resolve("hotline.mv.db"));
        } else {
            create(folder);
            url = "jdbc:sqlite:" + folder.resolve("hotline.db") + SQLITE_OPTIONS;
        }
        environment.getPropertySources().addLast(new MapPropertySource("hotline-store", Map.of("spring.datasource.url", url)));
    }

    /** The folder of a SQLite file URL (SQLite does not create it, H2 does). */
    private static java.util.Optional<Path> folderOf(String url) {
        if (!url.startsWith("jdbc:sqlite:") || url.startsWith("jdbc:sqlite::memory:")) {
            return java.util.Optional.empty();
        }
        String file = url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "").replaceFirst("^file:", "");
        return java.util.Optional.ofNullable(Path.of(file).toAbsolutePath().getParent());
    }

    private static void create(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + folder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
