package org.hotline.web;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/**
 * A fresh browser for each test of a class that starts its own server (a {@code @SpringBootTest}):
 * {@code @RegisterExtension final OneBrowser page = new OneBrowser("review")}; its console is printed
 * and it is closed after each test.
 */
final class OneBrowser implements BeforeEachCallback, AfterEachCallback {

    private final String name;
    private Browsers browsers;
    private WebDriver driver;

    OneBrowser(String name) {
        this.name = name;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Browsers.requireChromium();
        browsers = new Browsers();
        driver = browsers.open();
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            Browsers.consoleErrors(driver).forEach(m -> System.out.println("[" + name + " console] " + m));
        }
        if (browsers != null) {
            browsers.close();
        }
    }
}
