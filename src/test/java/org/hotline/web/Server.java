package org.hotline.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hotline.HotlineApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real server on a random port with a fresh database file (the shipped default store). It can be stopped and started
 * again on the same port and the same file, as an operator restarting it would.
 */
final class Server implements AutoCloseable {

    static final String ADMIN = "white";
    static final String ADMIN_PASSWORD = "white-cell-password";

    private final Path dir;
    private ConfigurableApplicationContext context;
    private int port;

    private Server(Path dir) {
        this.dir = dir;
    }

    static Server start() throws IOException {
        Server server = new Server(Files.createTempDirectory("hotline-browser-"));
        server.run(0);
        return server;
    }

    private void run(int wanted) {
        context = new SpringApplicationBuilder(HotlineApplication.class).run(
                "--server.port=" + wanted,
                "--hotline.data-dir=" + dir.toAbsolutePath(),
                "--hotline.admin.username=" + ADMIN,
                "--hotline.admin.password=" + ADMIN_PASSWORD,
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--hotline.access.failed-joins-per-minute=1000",
                // Small pages, so every console's catch-up has to ask for the rest (complete: false).
                "--hotline.live.events-per-page=4");
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Stops the server and brings it back on the same port with the same database file. */
    void restart() {
        int same = port;
        context.close();
        run(same);
    }

    void stop() {
        context.close();
    }

    void startAgain() {
        run(port);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Override
    public void close() {
        if (context != null && context.isActive()) {
            context.close();
        }
    }
}
