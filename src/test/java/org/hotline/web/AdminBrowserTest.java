package org.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.web.Browsers.click;
import static org.hotline.web.Browsers.js;
import static org.hotline.web.Browsers.textAppears;
import static org.hotline.web.Browsers.visible;
import static org.hotline.web.Browsers.waiting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/** Administration in the browser: accounts listed, created, reset, disabled and enabled; signing out ends the token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminBrowserTest {

    private Server server;
    private Browsers browsers;
    private WebDriver admin;

    private java.nio.file.Path scenarios;

    @BeforeAll
    void start() throws Exception {
        Browsers.requireChromium();
        // Files added on the page go to a folder of this test's own, never the working directory's data/.
        scenarios = java.nio.file.Files.createTempDirectory("admin-scenarios-");
        System.setProperty("hotline.scenarios.folder", scenarios.toString());
        try {
            server = Server.start();
        } finally {
            System.clearProperty("hotline.scenarios.folder");
        }
        browsers = new Browsers();
        admin = browsers.open();
    }

    @AfterAll
    void stop() {
        if (browsers != null) {
            browsers.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aFacilitatorManagesAccountsInTheBrowser() throws Exception {
        Steps.signIn(admin, server);
        click(admin, "#admin-link");
        textAppears(admin, "#accounts-table", Server.ADMIN + " (you)");

        visible(admin, "#new-username").sendKeys("ana.lyst");
        admin.findElement(By.id("new-password")).sendKeys("analyst-password-1");
        new Select(admin.findElement(By.id("new-role"))).selectByValue("ANALYST");
        click(admin, "#new-account-button");
        textAppears(admin, "#accounts-table tr[data-username='ana.lyst']", "Analyst");
        textAppears(admin, "#accounts-table tr[data-username='ana.lyst']", "Active");
        // A refusal is a sentence next to the form, and loses nothing typed.
        visible(admin, "#new-username").sendKeys("short");
        admin.findElement(By.id("new-password")).sendKeys("x");
        js(admin, "document.getElementById('new-password').removeAttribute('minlength')");
        click(admin, "#new-account-button");
        waiting(admin).until(d -> !d.findElement(By.id("new-account-error")).getText().isBlank());
        assertThat(admin.findElement(By.id("new-username")).getDomProperty("value")).isEqualTo("short");

        String row = "#accounts-table tr[data-username='ana.lyst'] ";
        click(admin, row + "[data-action=reset]");
        visible(admin, "#reset-ana\\.lyst").sendKeys("a-brand-new-password");
        click(admin, row + ".reset-form button[type=submit]");
        textAppears(admin, "#toasts", "New password set for ana.lyst");
        assertThat(login("ana.lyst", "a-brand-new-password")).isEqualTo(200);

        click(admin, row + "[data-action=disable]");
        textAppears(admin, "#confirm-dialog", "Disable ana.lyst?");
        click(admin, "#confirm-cancel");
        textAppears(admin, row, "Active");
        click(admin, row + "[data-action=disable]");
        Steps.confirm(admin);
        textAppears(admin, row, "Disabled");
        assertThat(login("ana.lyst", "a-brand-new-password")).isNotEqualTo(200);
        Steps.screenshots(admin, "admin-accounts");
        click(admin, row + "[data-action=enable]");
        textAppears(admin, row, "Active");
        assertThat(login("ana.lyst", "a-brand-new-password")).isEqualTo(200);

        // A scenario file is checked before it is added: problems by file, line and field; a good one says so.
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("scenario-upload-");
        java.nio.file.Path broken = dir.resolve("broken-case.yaml");
        java.nio.file.Files.writeString(broken, "id: broken-case\ntitle: A broken case\nturns: many\n");
        admin.findElement(By.id("scenario-file")).sendKeys(broken.toString());
        click(admin, "#scenario-check-button");
        textAppears(admin, "#scenario-problems", "broken-case.yaml");
        textAppears(admin, "#scenario-problems", "turns");
        String good = java.nio.file.Files.readString(java.nio.file.Path.of("exercises", "future-after-ukraine.yaml"))
                .replaceFirst("(?m)^id: future-after-ukraine$", "id: my-own-case");
        java.nio.file.Path fine = dir.resolve("my-own-case.yaml");
        java.nio.file.Files.writeString(fine, good);
        admin.findElement(By.id("scenario-file")).sendKeys(fine.toString());
        click(admin, "#scenario-check-button");
        textAppears(admin, "#scenario-ok", "my-own-case");
        Steps.screenshots(admin, "admin-scenario-checked");
        // ... and added without a restart: stored in the scenarios folder and offered on the start page.
        click(admin, "#scenario-add");
        textAppears(admin, "#scenario-added", "my-own-case");
        assertThat(scenarios.resolve("my-own-case.yaml")).exists();
        admin.get(server.url("/"));
        visible(admin, "#scenario-my-own-case");

        // Archive an ended exercise (it leaves the list, stays reviewable); delete a running one after a confirmation.
        Steps.Codes ended = Steps.createExercise(admin, "AUTOMATIC", "0");
        admin.get(server.url("/facilitator.html?x=" + ended.exerciseId()));
        textAppears(admin, "#conn", "Live");
        click(admin, "#ctl-start");
        admin.findElement(By.cssSelector("#end-details summary")).click();
        click(admin, "#ctl-end");
        Steps.confirm(admin);
        textAppears(admin, "#banner", "ended");
        admin.get(server.url("/"));
        Steps.Codes running = Steps.createExercise(admin, "AUTOMATIC", "0");
        admin.get(server.url("/admin.html"));
        String endedRow = "#exercises-table tr[data-exercise='" + ended.exerciseId() + "'] ";
        String runningRow = "#exercises-table tr[data-exercise='" + running.exerciseId() + "'] ";
        visible(admin, endedRow);
        assertThat(admin.findElements(By.cssSelector(runningRow + "[data-action=archive]"))).as("only an ended one").isEmpty();
        click(admin, endedRow + "[data-action=archive]");
        textAppears(admin, "#archived-table", "Review");
        waiting(admin).until(d -> d.findElements(By.cssSelector(endedRow)).isEmpty());
        visible(admin, "#archived-table tr[data-exercise='" + ended.exerciseId() + "']");
        click(admin, runningRow + "[data-action=delete]");
        textAppears(admin, "#confirm-dialog", "It has not started yet");
        Steps.screenshots(admin, "admin-delete-confirm");
        click(admin, "#confirm-cancel");
        visible(admin, runningRow);
        click(admin, runningRow + "[data-action=delete]");
        Steps.confirm(admin);
        waiting(admin).until(d -> d.findElements(By.cssSelector(runningRow)).isEmpty());
        textAppears(admin, "#toasts", "deleted");
        Steps.screenshots(admin, "admin-exercises");
        admin.get(server.url("/review.html?x=" + ended.exerciseId()));
        textAppears(admin, "body", "Timeline");

        // Signing out ends the token on the server, not only in this browser.
        String token = (String) js(admin, "return JSON.parse(localStorage.getItem('hotline.account')).token");
        admin.get(server.url("/"));
        click(admin, "#sign-out");
        visible(admin, "#login-user");
        HttpResponse<String> after = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url("/api/exercises")))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(Browsers.consoleErrors(admin)).noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
    }

    private int login(String username, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url("/api/login")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
