package org.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.web.Browsers.click;
import static org.hotline.web.Browsers.js;
import static org.hotline.web.Browsers.screenshot;
import static org.hotline.web.Browsers.textAppears;
import static org.hotline.web.Browsers.visible;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.HotlineApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A facilitator runs a small options analysis in the browser: the progress bar moves, the tables and charts appear, a second run is cancelled. */
@SpringBootTest(classes = HotlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:sqlite:${java.io.tmpdir}/hotline-test-analysis-page-${random.uuid}.db",
                "hotline.admin.username=" + Server.ADMIN, "hotline.admin.password=" + Server.ADMIN_PASSWORD})
class AnalysisPageBrowserTest {

    @LocalServerPort
    int port;
    @RegisterExtension
    final OneBrowser page = new OneBrowser("analysis");
    private WebDriver browser;

    @BeforeEach
    void open() {
        browser = page.driver();
    }

    private void choose(String side, List<String> ids) {
        for (WebElement box : browser.findElements(By.cssSelector("#strategies-" + side + " input[type=checkbox]"))) {
            if (box.isSelected() != ids.contains(box.getAttribute("value"))) {
                box.click();
            }
        }
    }

    private double progress() {
        return ((Number) js(browser, "return document.getElementById('analysis-progress').value")).doubleValue();
    }

    @Test
    void aSmallAnalysisRunsWithAMovingProgressBarAndShowsItsResults() throws Exception {
        browser.get("http://localhost:" + port + "/analysis.html");
        visible(browser, "#analysis-signin");
        browser.findElement(By.id("analysis-user")).sendKeys(Server.ADMIN);
        browser.findElement(By.id("analysis-pass")).sendKeys(Server.ADMIN_PASSWORD);
        click(browser, "#analysis-signin-button");
        visible(browser, "#analysis-form");
        choose("washington", List.of("core-first", "limited"));
        choose("moscow", List.of("tit-for-tat", "always-hardline"));
        WebElement runs = browser.findElement(By.id("analysis-runs"));
        runs.clear();
        runs.sendKeys("3000");
        WebElement sensitivity = visible(browser, "#change-rulebook-emboldening\\.sensitivity");
        sensitivity.clear();
        sensitivity.sendKeys("6");
        click(browser, "#analysis-start");

        visible(browser, "#analysis-progress");
        List<Double> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(4).toMillis();
        while (browser.findElements(By.id("analysis-table")).isEmpty() && System.currentTimeMillis() < deadline) {
            double value = progress();
            if (seen.isEmpty() || seen.get(seen.size() - 1) != value) {
                seen.add(value);
                if (seen.size() == 3) {
                    screenshot(browser, "analysis-progress");
                }
            }
            Thread.sleep(150);
        }
        visible(browser, "#analysis-table");
        assertThat(seen.stream().filter(v -> v > 0 && v < 12000).distinct().count()).as("progress values seen: %s", seen)
                .isGreaterThanOrEqualTo(2);
        assertThat(progress()).isEqualTo(12000);
        textAppears(browser, "#analysis-progress-text", "done");
        textAppears(browser, "#pairwise-end_tension", "core-first");
        textAppears(browser, "#pairwise-end_tension", "always-hardline");
        textAppears(browser, "#analysis-provenance", "emboldening.sensitivity");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(".dist-charts canvas")).size() >= 2);
        textAppears(browser, "#history-table", "done");
        // The stored analyses name their scenario by its title, never by its file id.
        textAppears(browser, "#history-table", "After the war - Washington and Moscow");
        screenshot(browser, "analysis-results");
        js(browser, "document.getElementById('analysis-table').scrollIntoView()");
        screenshot(browser, "analysis-every-metric");

        // a second, long analysis is cancelled from the page
        runs = browser.findElement(By.id("analysis-runs"));
        runs.clear();
        runs.sendKeys("200000");
        click(browser, "#analysis-start");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> progress() > 0);
        click(browser, "#analysis-cancel");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("analysis-stopped")).isEmpty());
        textAppears(browser, "#analysis-stopped", "Cancelled after");
        assertThat(Browsers.consoleErrors(browser)).isEmpty();

        browser.get("http://localhost:" + port + "/");
        visible(browser, "#analysis-link");
    }
}
