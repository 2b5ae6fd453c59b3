package org.hotline.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver: nothing is ever downloaded
 * (Selenium Manager stays off). Without a browser the tests are skipped with the reason printed,
 * except under CI=true, where a missing browser is a failure.
 */
final class Browsers implements AutoCloseable {

    static final String CHROMIUM = System.getenv().getOrDefault("HOTLINE_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("HOTLINE_CHROMEDRIVER", "/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(15);

    private final List<WebDriver> drivers = new ArrayList<>();

    static void requireChromium() {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!present) {
            String reason = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason + ": missing under CI=true");
            }
            System.out.println("SKIPPED browser tests: " + reason);
            Assumptions.abort(reason);
        }
    }

    WebDriver open() {
        System.setProperty("SE_OFFLINE", "true");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,800", "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver = new ChromeDriver(service, options);
        viewport(driver, 1280, 800);
        drivers.add(driver);
        return driver;
    }

    /** Sizes the window so that the page itself (the viewport) is width x height. */
    static void viewport(WebDriver driver, int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        // The window includes the browser's own frame: grow it by the difference.
        long frameWidth = width - ((Number) js(driver, "return window.innerWidth")).longValue();
        long frameHeight = height - ((Number) js(driver, "return window.innerHeight")).longValue();
        driver.manage().window().setSize(new Dimension((int) (width + frameWidth), (int) (height + frameHeight)));
    }

    static int[] viewportSize(WebDriver driver) {
        return new int[] {((Number) js(driver, "return window.innerWidth")).intValue(),
            ((Number) js(driver, "return window.innerHeight")).intValue()};
    }

    static WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, WAIT);
    }

    static WebElement visible(WebDriver driver, String css) {
        return waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    static void textAppears(WebDriver driver, String css, String text) {
        // A list redrawn while it is read leaves stale elements: read it again.
        waiting(driver).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage(() -> "'" + text + "' in " + css + "; it shows: "
                        + driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList())
                .until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text)));
    }

    /** Clicks an element scrolled to the middle of the window, where no sticky bar covers it. */
    static void click(WebDriver driver, String css) {
        WebElement element = waiting(driver).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        js(driver, "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", element);
        element.click();
    }

    static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Console errors, including Content-Security-Policy violations. */
    static List<String> consoleErrors(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    static void screenshot(WebDriver driver, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        for (WebDriver driver : drivers) {
            try {
                driver.quit();
            } catch (RuntimeException e) {
                System.out.println("Closing a browser failed: " + e.getMessage());
            }
        }
        drivers.clear();
    }

}
