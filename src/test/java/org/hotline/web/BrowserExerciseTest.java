package org.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.web.Browsers.click;
import static org.hotline.web.Browsers.js;
import static org.hotline.web.Browsers.screenshot;
import static org.hotline.web.Browsers.textAppears;
import static org.hotline.web.Browsers.visible;
import static org.hotline.web.Browsers.waiting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A facilitator and two players, each in their own browser, play through the pages alone; the
 * server is restarted in the middle of a turn and the pages recover by themselves.
 */
class BrowserExerciseTest extends FacilitatorAndTeams {

    @RegisterExtension
    static final Room ROOM = room();

    BrowserExerciseTest() {
        super(ROOM);
    }

    @Test
    void facilitatorAndTwoPlayersPlayTwoTurnsAndSurviveARestart() throws Exception {
        Steps.Codes codes = createExercise("REVIEWED");
        screenshot(facilitator, "start-page");
        join(washington, codes.washington(), "Ana");
        join(moscow, codes.moscow(), "Boris");
        String exercise = codes.exerciseId();

        // The facilitator sees both teams and starts.
        facilitator.get(server.url("/facilitator.html?x=" + exercise));
        textAppears(facilitator, "#teams", "Ana");
        textAppears(facilitator, "#teams", "Boris");
        click(facilitator, "#ctl-start");
        phase(washington, "Briefing");
        phase(moscow, "Briefing");
        click(facilitator, "#ctl-advance");
        phase(washington, "Deliberation");

        // ---- turn 1: chat, a shared draft, a proposal accepted, sealed orders, reviewed results
        String issue = washington.findElement(By.cssSelector("#cards article")).getDomAttribute("data-issue");
        chooseMove(washington, issue, "NEGOTIATE");
        WebElement argument = washington.findElement(By.id("arg-" + issue));
        argument.sendKeys("Talks now; reasons: cost, allies, verification");
        chooseMove(moscow, issue, "NEGOTIATE");
        textAppears(facilitator, "#ready-WASHINGTON", "drafting");
        teamChat(washington, "We open with talks on " + issue);
        textAppears(facilitator, "#chat-w-log", "We open with talks");
        assertThat(moscow.findElement(By.id("team-chat-log")).getText()).doesNotContain("We open with talks");

        diplomacy(moscow, "We are ready to talk.");
        textAppears(washington, "#diplomacy-log", "We are ready to talk.");
        washington.findElement(By.cssSelector(".new-proposal summary")).click();
        new Select(washington.findElement(By.id("prop-offer-" + issue))).selectByValue("NEGOTIATE");
        new Select(washington.findElement(By.id("prop-ask-" + issue))).selectByValue("NEGOTIATE");
        washington.findElement(By.id("prop-text")).sendKeys("Talks on both sides");
        click(washington, "#prop-send");
        textAppears(moscow, "#proposals", "Talks on both sides");
        // Moscow counters (the form comes prefilled with the terms reversed), Washington accepts.
        click(moscow, "#proposals .proposal.OPEN button:last-child");
        textAppears(moscow, "#counter-note", "Countering Proposal ");
        moscow.findElement(By.id("prop-text")).sendKeys("Talks, and sanctions relief on the table");
        click(moscow, "#prop-send");
        textAppears(washington, "#proposals", "sanctions relief");
        textAppears(washington, "#proposals", "Countered");
        click(washington, "#proposals .proposal.OPEN button.primary");
        textAppears(moscow, "#proposals", "Accepted");
        // Proposals are named as people refer to them, never by the server's id.
        assertThat(washington.findElement(By.id("proposals")).getText()).containsPattern("Proposal \\d+ from Moscow").contains("counters Proposal ")
                .doesNotContainPattern("\\bP\\d+\\b");

        // The argument was saved to the shared draft (the facilitator sees the line).
        textAppears(facilitator, "#teams", "Negotiate");
        click(facilitator, "#ctl-advance");
        phase(washington, "Orders");
        submit(washington);
        textAppears(washington, "#submit-state", "sealed");
        textAppears(moscow, "#other-state", "orders sealed");
        submit(moscow);
        phase(facilitator, "Adjudication");

        textAppears(facilitator, "#ratings", "Talks now; reasons: cost, allies, verification");
        new Select(facilitator.findElement(By.cssSelector("#ratings select"))).selectByValue("1");
        click(facilitator, "#ratings button");
        textAppears(facilitator, "#toasts", "Rating recorded");
        WebElement rationale = visible(facilitator, "#review-rationale");
        // The draft arrives without the state before (the console has it) and with the state after as changes: it shows whole.
        assertThat(facilitator.findElement(By.id("review")).getText()).contains("Engine draft for turn 1").containsPattern("Effects \\([1-9]")
                .containsPattern("Dice \\([1-9]");
        textAppears(facilitator, "#whole-state", "after turn 0");
        click(facilitator, "#review-approve");
        textAppears(facilitator, "#review-error", "rationale is required");
        rationale.sendKeys("The engine's reading matches the teams' talks.");
        click(facilitator, "#review-approve");
        phase(washington, "Results");
        textAppears(washington, "#tab-results", "Turn 1 results");
        wholeStateAgrees(facilitator, washington, 1);
        textAppears(washington, "#tab-results", "Talks now; reasons: cost, allies, verification");
        textAppears(moscow, "#tab-results", "Turn 1 results");
        assertThat(washington.findElement(By.cssSelector("#tab-results .outcome[data-issue='" + issue + "']")).getText())
                .contains("Negotiate");

        // ---- turn 2: the server restarts while people are typing
        click(facilitator, "#ctl-advance");
        phase(washington, "Briefing");
        textAppears(washington, "#turn", "Turn 2");
        click(facilitator, "#ctl-advance");
        phase(moscow, "Deliberation");
        js(washington, "window.__sameDocument = 'yes'");
        js(moscow, "window.__sameDocument = 'yes'");
        chooseMove(washington, issue, "CONCEDE");
        WebElement halfArgument = washington.findElement(By.id("arg-" + issue));
        halfArgument.clear();
        halfArgument.sendKeys("Half-written argument");
        WebElement halfChat = moscow.findElement(By.id("team-chat-text"));
        halfChat.sendKeys("A message written during the outage");

        server.stop();
        textAppears(moscow, "#conn", "reconnecting");
        server.startAgain();
        textAppears(moscow, "#conn", "Live");
        textAppears(washington, "#conn", "Live");
        textAppears(facilitator, "#conn", "Live");
        assertThat(js(moscow, "return window.__sameDocument")).as("no reload").isEqualTo("yes");
        assertThat(js(washington, "return window.__sameDocument")).as("no reload").isEqualTo("yes");
        assertThat(moscow.findElement(By.id("team-chat-text")).getDomProperty("value")).isEqualTo("A message written during the outage");
        assertThat(washington.findElement(By.id("arg-" + issue)).getDomProperty("value")).isEqualTo("Half-written argument");

        moscow.findElement(By.id("team-chat-text")).sendKeys(Keys.ENTER);
        textAppears(facilitator, "#chat-m-log", "A message written during the outage");

        // A server refusal is shown as a sentence (an unknown inject id).
        click(facilitator, "details:has(#inject-id) > summary");
        visible(facilitator, "#inject-id").sendKeys("no-such-inject");
        click(facilitator, "#release-inject");
        textAppears(facilitator, "#toasts", "no-such-inject");

        // An ad hoc inject drains Washington's domestic support: its concessions are withheld, shown
        // disabled with the reason, and the draft line it already holds is refused at submission.
        facilitator.findElement(By.cssSelector("#adhoc-form")).findElement(By.xpath("..")).findElement(By.tagName("summary")).click();
        visible(facilitator, "#adhoc-title").sendKeys("Congress revolts");
        facilitator.findElement(By.id("adhoc-text")).sendKeys("A vote in Congress forbids any concession this year.");
        // The variable box offers the scenario's variables from a list that exists on the page.
        assertThat(((Number) js(facilitator, "const box = document.getElementById('adhoc-var');"
                + " return box.list ? box.list.options.length : 0")).intValue()).isGreaterThan(10);
        facilitator.findElement(By.id("adhoc-var")).sendKeys("washington.domesticSupport");
        facilitator.findElement(By.id("adhoc-delta")).sendKeys("-100");
        click(facilitator, "#adhoc-send");
        textAppears(washington, "#injects", "Congress revolts");
        textAppears(moscow, "#injects", "A vote in Congress forbids any concession");
        textAppears(washington, "#withheld-all", "Concede");
        assertThat(washington.findElement(By.id("move-" + issue + "-CONCEDE")).isEnabled()).isFalse();
        assertThat(moscow.findElement(By.id("move-" + issue + "-CONCEDE")).isEnabled()).isTrue();
        // A Washington-only inject: its team sees it, the room's screen (opened later with the
        // facilitator's token, which catches up on every channel) does not.
        waiting(facilitator).until(d -> d.findElement(By.id("adhoc-title")).getDomProperty("value").isEmpty());
        visible(facilitator, "#adhoc-text").sendKeys("For Washington's eyes only.");
        new Select(facilitator.findElement(By.id("adhoc-audience"))).selectByValue("WASHINGTON");
        facilitator.findElement(By.id("adhoc-title")).sendKeys("Private cable");
        click(facilitator, "#adhoc-send");
        textAppears(washington, "#injects", "Private cable");

        // Events after the restart reach every page without a reload.
        click(facilitator, "#ctl-advance");
        phase(washington, "Orders");
        phase(moscow, "Orders");
        submit(washington);
        textAppears(washington, "#toasts", "Move withheld");
        chooseMove(washington, issue, "NEGOTIATE");
        submit(washington);
        textAppears(washington, "#submit-state", "sealed");
        click(facilitator, "#ctl-lock");
        Steps.confirm(facilitator);
        phase(facilitator, "Adjudication");
        textAppears(moscow, "#submit-state", "No orders were submitted in time");

        WebElement summary = visible(facilitator, "#review-summary");
        // The edit form starts from the public account; the engine's (dice, private values) is only shown beside it.
        String engineAccount = facilitator.findElement(By.id("review-engine-" + issue)).getDomProperty("textContent")
                .replace("Engine’s account (facilitator only): ", "");
        String prefilled = facilitator.findElement(By.id("review-issue-" + issue)).getDomProperty("value");
        assertThat(prefilled).isNotBlank().isNotEqualTo(engineAccount);
        summary.clear();
        summary.sendKeys("Control's reading: Washington's concession is noted; Moscow held.");
        facilitator.findElement(By.id("review-rationale")).sendKeys("Moscow defaulted; the summary says so plainly.");
        click(facilitator, "#review-edit");
        phase(moscow, "Results");
        textAppears(moscow, "#tab-results", "Control's reading");
        wholeStateAgrees(facilitator, moscow, 2);
        assertThat(moscow.findElement(By.id("tab-results")).getText()).doesNotContain(engineAccount);
        textAppears(washington, "#tab-results", "Turn 2 results");
        assertThat(washington.findElement(By.cssSelector("#tab-results .outcome[data-issue='" + issue + "']")).getText())
                .contains("Negotiate").contains("Hold");

        // Observer and notetaker seats, from the facilitator's browser.
        screenshot(washington, "player-console");
        Dimension desktop = washington.manage().window().getSize();
        washington.manage().window().setSize(new Dimension(820, 1180));
        click(washington, "#tabbtn-orders");
        screenshot(washington, "player-console-tablet");
        washington.manage().window().setSize(desktop);
        click(washington, "#tabbtn-results");
        screenshot(moscow, "player-console-moscow");
        screenshot(facilitator, "facilitator-console");
        facilitator.get(server.url("/observer.html?view=projector&x=" + exercise));
        textAppears(facilitator, "#latest-result", "Turn 2 results");
        textAppears(facilitator, "#injects", "Congress revolts");
        assertThat(facilitator.findElement(By.id("injects")).getText()).doesNotContain("Private cable");
        screenshot(facilitator, "projector");

        join(facilitator, codes.notetaker(), "Nadia");
        visible(facilitator, "#note-text").sendKeys("Moscow let the clock run out.");
        click(facilitator, "#note-tag-MOMENT");
        click(facilitator, "#note-send");
        textAppears(facilitator, "#notes", "Moscow let the clock run out.");
        textAppears(facilitator, "#notes", "MOMENT");
        screenshot(facilitator, "notetaker");

        join(facilitator, codes.observer(), "Olga");
        visible(facilitator, "#issues li");
        textAppears(facilitator, "#latest-result", "Turn 2 results");
        screenshot(facilitator, "observer");

        // Removing a player gives that team a new join code, shown in the console without a reload.
        facilitator.get(server.url("/facilitator.html?x=" + exercise));
        textAppears(facilitator, "#conn", "Live");
        String moscowCode = facilitator.findElement(By.id("code-moscow")).getDomProperty("textContent");
        click(facilitator, "button[title='Remove Boris']");
        Steps.confirm(facilitator);
        waiting(facilitator).until(d -> !d.findElement(By.id("code-moscow")).getDomProperty("textContent").equals(moscowCode));

        // The end: the facilitator ends it and the players still seated are told.
        facilitator.findElement(By.cssSelector("#end-details summary")).click();
        facilitator.findElement(By.id("end-reason")).sendKeys("Two turns played");
        click(facilitator, "#ctl-end");
        Steps.confirm(facilitator);
        textAppears(washington, "#banner", "Two turns played");
        assertThat(facilitator.findElement(By.id("review-link")).getDomAttribute("href")).isEqualTo("review.html?x=" + exercise);

        for (WebDriver driver : List.of(facilitator, washington, moscow)) {
            assertThat(Browsers.consoleErrors(driver)).as("console errors and CSP violations")
                    .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
        }
    }

    @Test
    void scriptAndMarkupTypedByUsersShowAsText() throws Exception {
        Steps.Codes codes = createExercise("AUTOMATIC");
        String name = "<img src=x onerror=\"window.__xss='name'\">Eve";
        join(washington, codes.washington(), name);
        join(moscow, codes.moscow(), "Mallory");
        facilitator.get(server.url("/facilitator.html?x=" + codes.exerciseId()));
        click(facilitator, "#ctl-start");
        phase(washington, "Briefing");
        String chat = "<script>window.__xss='chat'</script><b>bold</b>";
        teamChat(washington, chat);
        diplomacy(moscow, "<img src=x onerror=\"window.__xss='diplomacy'\">hello");
        textAppears(washington, "#team-chat-log", chat);
        textAppears(washington, "#team-chat-log", name);
        textAppears(washington, "#members", name);
        textAppears(washington, "#diplomacy-log", "<img src=x");
        textAppears(facilitator, "#teams", name);
        textAppears(facilitator, "#chat-w-log", chat);
        for (WebDriver driver : List.of(washington, moscow, facilitator)) {
            assertThat(js(driver, "return window.__xss === undefined")).isEqualTo(true);
            assertThat(driver.findElements(By.cssSelector("#main img, #main script, .chat-log b, #members b, #teams li b"))).isEmpty();
        }

        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.url("/player.html"))).build(), HttpResponse.BodyHandlers.ofString());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.body()).doesNotContainPattern("(?i)\\son[a-z]+=").doesNotContain("<script>");
        String importMap = page.body().replaceAll("(?s).*<script type=\"importmap\">(.*?)</script>.*", "$1");
        String hash = java.util.Base64.getEncoder().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(importMap.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(csp).as("the import map is allowed by its hash").contains("'sha256-" + hash + "'");
    }

    // ------------------------------------------------------------------ steps

    private Steps.Codes createExercise(String mode) {
        Steps.signIn(facilitator, server);
        return Steps.createExercise(facilitator, mode, "900");
    }

    /**
     * The facilitator's whole state, logged as changes from the previous one, is that of the turn's
     * results: its tension is the one the players were told, and every side variable has a figure.
     */
    private static void wholeStateAgrees(WebDriver facilitator, WebDriver player, int turn) {
        textAppears(facilitator, "#whole-state", "after turn " + turn);
        String told = visible(player, "#tension-value").getText();
        assertThat(facilitator.findElement(By.cssSelector("#whole-state .row b")).getText()).isEqualTo(told);
        assertThat(facilitator.findElements(By.cssSelector("#whole-state table[aria-label='Side variables'] td.num")))
                .isNotEmpty().allSatisfy(cell -> assertThat(cell.getText()).matches("\\d+(\\.\\d)?|yes|no"));
    }

    private void join(WebDriver driver, String code, String name) {
        Steps.join(driver, server, code, name);
    }

    private static void phase(WebDriver driver, String phase) {
        Steps.phase(driver, phase);
    }

    private static void chooseMove(WebDriver driver, String issue, String move) {
        click(driver, "#card-" + issue + " label.move:has(input[value='" + move + "'])");
        waiting(driver).until(d -> d.findElement(By.id("move-" + issue + "-" + move)).isSelected()
                && d.findElement(By.id("changed-" + issue)).getText().contains(move.charAt(0) + move.substring(1).toLowerCase()));
    }

    /** Submit orders, then confirm in the dialog that lists the moves. */
    private static void submit(WebDriver driver) {
        click(driver, "#submit-orders");
        visible(driver, "#confirm-moves");
        Steps.confirm(driver);
    }

    private static void teamChat(WebDriver driver, String text) {
        WebElement input = visible(driver, "#team-chat-text");
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
        waiting(driver).until(d -> d.findElement(By.id("team-chat-text")).getDomProperty("value").isEmpty());
    }

    private static void diplomacy(WebDriver driver, String text) {
        WebElement input = visible(driver, "#diplomacy-text");
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
        waiting(driver).until(d -> d.findElement(By.id("diplomacy-text")).getDomProperty("value").isEmpty());
    }
}
