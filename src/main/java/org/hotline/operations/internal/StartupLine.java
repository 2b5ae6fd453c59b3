package org.hotline.operations.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** One line, once the server answers, telling the person who started it which address to open. */
@Component
class StartupLine {

    private static final Logger log = LoggerFactory.getLogger("org.hotline");

    @EventListener
    void ready(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        Environment env = ready.getApplicationContext().getEnvironment();
        String host = env.getProperty("server.address", "localhost");
        String scheme = env.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
        log.info("Hotline is ready: open {}://{}:{}/ in a browser", scheme, host, web.getWebServer().getPort());
    }
}
