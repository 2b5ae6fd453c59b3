package org.hotline.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hotline.HotlineApplication;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Servers started one after another on the same database file, as a restart does, and the clients connected
 * to them ({@code @RegisterExtension final Restarts servers = new Restarts(settings...)}); every client
 * and server still running is stopped after each test.
 */
final class Restarts implements AfterEachCallback {

    private final String[] settings;
    private final List<ConfigurableApplicationContext> apps = new ArrayList<>();
    private final List<Wire.Client> clients = new ArrayList<>();

    /** @param settings further command-line settings of every server, e.g. {@code --hotline.live.events-per-page=7} */
    Restarts(String... settings) {
        this.settings = settings;
    }

    /** A new server on the database file in {@code data} (the same folder: the same exercises). */
    Wire start(Path data) {
        String[] args = Stream.concat(Stream.of("--server.port=0", "--hotline.data-dir=" + data.toAbsolutePath(),
                "--hotline.admin.username=" + Wire.ADMIN, "--hotline.admin.password=" + Wire.ADMIN_PASSWORD, "--spring.main.banner-mode=off"),
                Stream.of(settings)).toArray(String[]::new);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(HotlineApplication.class).run(args);
        apps.add(app);
        return new Wire(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    /** Stops the server started last, as a crash or a deployment would. */
    void stopLatest() {
        apps.get(apps.size() - 1).close();
    }

    /** A client of the server, disconnected after the test. */
    Wire.Client connect(Wire wire, String token) {
        Wire.Client client = wire.connect(token);
        clients.add(client);
        return client;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        clients.forEach(Wire.Client::disconnect);
        apps.forEach(ConfigurableApplicationContext::close);
    }
}
