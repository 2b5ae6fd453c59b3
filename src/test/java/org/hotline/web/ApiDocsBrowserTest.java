package org.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The OpenAPI browser at /swagger-ui.html renders every operation under the server's Content-Security-Policy. */
class ApiDocsBrowserTest {

    @Test
    void swaggerUiShowsTheApiWithoutPolicyViolations() throws Exception {
        Browsers.requireChromium();
        try (Server server = Server.start(); Browsers browsers = new Browsers()) {
            WebDriver driver = browsers.open();
            driver.get(server.url("/swagger-ui.html"));
            Browsers.waiting(driver).until(d -> d.findElements(By.cssSelector(".opblock")).size() >= 20);
            Browsers.textAppears(driver, ".info .title", "Hotline REST API");
            Browsers.screenshot(driver, "swagger-ui");
            assertThat(driver.findElements(By.cssSelector(".opblock-summary-path")).stream().map(e -> e.getText()).toList())
                    .contains("/api/exercises/{id}/events", "/actuator/prometheus");
            assertThat(Browsers.consoleErrors(driver)).isEmpty();
        }
    }
}
