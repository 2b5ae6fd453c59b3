package org.hotline.web;

import static org.hotline.web.Browsers.click;
import static org.hotline.web.Browsers.screenshot;
import static org.hotline.web.Browsers.textAppears;
import static org.hotline.web.Browsers.visible;
import static org.hotline.web.Browsers.waiting;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** What users do on the pages, shared by the browser tests. */
final class Steps {

    static final String SCENARIO = "future-after-ukraine";

    /** The sizes the room uses: a laptop, the projector, a tablet held upright. */
    static final int[][] SIZES = {{1366, 768}, {1920, 1080}, {768, 1024}};

    record Codes(String exerciseId, String washington, String moscow, String observer, String notetaker) {
    }

    static void signIn(WebDriver driver, Server server) {
        driver.get(server.url("/"));
        // The page draws itself once the scenario list has arrived: signed in, or the sign-in form.
        waiting(driver).until(d -> !d.findElements(By.cssSelector("#sign-out, #login-user")).isEmpty());
        if (driver.findElements(By.id("sign-out")).isEmpty()) {
            visible(driver, "#login-user").sendKeys(Server.ADMIN);
            driver.findElement(By.id("login-pass")).sendKeys(Server.ADMIN_PASSWORD);
            click(driver, "#login-button");
            visible(driver, "#sign-out");
        }
    }

    /** On the start page, signed in: a new exercise of the future scenario with seed 42 (the same dice every run). */
    static Codes createExercise(WebDriver driver, String mode, String deliberationSeconds) {
        visible(driver, "#create-button");
        click(driver, "#scenario-" + SCENARIO);
        new Select(driver.findElement(By.id("mode"))).selectByValue(mode);
        driver.findElement(By.id("seed")).sendKeys("42");
        WebElement deliberation = driver.findElement(By.id("timer-DELIBERATION"));
        deliberation.clear();
        deliberation.sendKeys(deliberationSeconds);
        click(driver, "#create-button");
        visible(driver, "#codes");
        List<String> codes = driver.findElements(By.cssSelector("#codes code")).stream().map(WebElement::getText).toList();
        String href = driver.findElement(By.id("open-console")).getDomAttribute("href");
        String exerciseId = href.substring(href.indexOf("x=") + 2);
        return new Codes(exerciseId, codes.get(0), codes.get(1), codes.get(2), codes.get(3));
    }

    static void join(WebDriver driver, Server server, String code, String name) {
        driver.get(server.url("/"));
        visible(driver, "#join-code").sendKeys(code);
        driver.findElement(By.id("join-name")).sendKeys(name);
        click(driver, "#join-button");
        waiting(driver).until(d -> !d.getCurrentUrl().endsWith("/"));
        textAppears(driver, "#conn", "Live");
    }

    static String currentPhase(WebDriver driver) {
        List<WebElement> current = driver.findElements(By.cssSelector(".phase-strip span.current"));
        return current.isEmpty() ? "" : current.get(0).getDomProperty("textContent");
    }

    static void phase(WebDriver driver, String phase) {
        waiting(driver).withMessage(() -> "phase " + phase).until(d -> currentPhase(d).equalsIgnoreCase(phase));
    }

    /** Confirms the open confirmation dialog and waits for it to close. */
    static void confirm(WebDriver driver) {
        click(driver, "#confirm-dialog #confirm-ok");
        waiting(driver).until(d -> d.findElements(By.id("confirm-dialog")).isEmpty());
    }

    /** On the facilitator console: an ad hoc inject for everyone that changes one variable. */
    static void adHocInject(WebDriver driver, String title, String text, String variable, String delta) {
        WebElement form = driver.findElement(By.id("adhoc-form"));
        if (!form.isDisplayed()) {
            form.findElement(By.xpath("..")).findElement(By.tagName("summary")).click();
        }
        visible(driver, "#adhoc-title").sendKeys(title);
        driver.findElement(By.id("adhoc-text")).sendKeys(text);
        driver.findElement(By.id("adhoc-var")).sendKeys(variable);
        driver.findElement(By.id("adhoc-delta")).sendKeys(delta);
        click(driver, "#adhoc-send");
        waiting(driver).until(d -> d.findElement(By.id("adhoc-title")).getDomProperty("value").isEmpty());
    }

    /** name-1366x768.png, name-1920x1080.png, name-768x1024.png; the window is left as it was. */
    static void screenshots(WebDriver driver, String name) throws Exception {
        int[] was = Browsers.viewportSize(driver);
        for (int[] size : SIZES) {
            Browsers.viewport(driver, size[0], size[1]);
            Thread.sleep(300);
            screenshot(driver, name + "-" + size[0] + "x" + size[1]);
        }
        Browsers.viewport(driver, was[0], was[1]);
    }

    private Steps() {
    }
}
