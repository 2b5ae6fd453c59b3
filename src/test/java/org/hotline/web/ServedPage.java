package org.hotline.web;

import static org.hotline.web.Browsers.click;
import static org.hotline.web.Browsers.visible;

import java.util.Map;
import org.hotline.OnTheServices;
import org.hotline.exercise.Actor;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A page test whose class starts the application itself (see {@link OnTheServices}), with a fresh
 * browser for each test.
 */
abstract class ServedPage extends OnTheServices {

    @RegisterExtension
    final OneBrowser page;
    WebDriver browser;

    ServedPage(String browserName) {
        page = new OneBrowser(browserName);
    }

    @BeforeEach
    void open() {
        browser = page.driver();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A new automatic exercise of the scenario, the configured facilitator's, with a player seated on each side named. */
    String exercise(String scenarioId, Map<Side, String> players, Map<Side, Actor> seated) {
        return exercise(Server.ADMIN, scenarioId, players, seated);
    }

    /** Opens the exercise's review and signs in on its form as the configured facilitator. */
    void signInToTheReview(String id) {
        browser.get(url("/review.html?x=" + id));
        visible(browser, "#review-signin");
        browser.findElement(By.id("review-user")).sendKeys(Server.ADMIN);
        browser.findElement(By.id("review-pass")).sendKeys(Server.ADMIN_PASSWORD);
        click(browser, "#review-signin-button");
    }
}
