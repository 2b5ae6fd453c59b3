package org.hotline.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/**
 * One real server and a browser per named person in the room, for a whole test class
 * ({@code @RegisterExtension static final Room ROOM = new Room("facilitator", "washington")}): started
 * before the first test, each browser's console printed after every test (so that a failure shows the
 * page's side too), all closed after the last.
 */
final class Room implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final String[] names;
    private final Map<String, WebDriver> drivers = new LinkedHashMap<>();
    private Server server;
    private Browsers browsers;

    Room(String... names) {
        this.names = names;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Browsers.requireChromium();
        server = Server.start();
        browsers = new Browsers();
        for (String name : names) {
            drivers.put(name, browsers.open());
        }
    }

    Server server() {
        return server;
    }

    WebDriver driver(String name) {
        return drivers.get(name);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        drivers.forEach((name, driver) ->
                Browsers.consoleErrors(driver).forEach(m -> System.out.println("[" + name + " console] " + m)));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browsers != null) {
            browsers.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
