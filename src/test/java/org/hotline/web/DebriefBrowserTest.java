package org.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.web.Browsers.click;
import static org.hotline.web.Browsers.js;
import static org.hotline.web.Browsers.textAppears;
import static org.hotline.web.Browsers.visible;
import static org.hotline.web.Browsers.waiting;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A turn with a deal as the facilitator and both teams see it in Chromium: who is connected, the
 * proposal and the deal in the facilitator's panel, a team withdrawing and resealing its orders, and
 * each team's debrief in its results panel — the deal broken, each change once with its causes, the
 * rolls in words — and the charts' axis and legends.
 */
class DebriefBrowserTest extends FacilitatorAndTeams {

    @RegisterExtension
    static final Room ROOM = room();

    DebriefBrowserTest() {
        super(ROOM);
    }

    @Test
    void aTurnWithADealExplainedToEachTeam() throws Exception {
        Steps.signIn(facilitator, server);
        Steps.Codes codes = Steps.createExercise(facilitator, "AUTOMATIC", "900");
        Steps.join(washington, server, codes.washington(), "Ana");
        Steps.join(moscow, server, codes.moscow(), "Boris");

        // ---- a tablet held upright: the chat is one tab away, in the first screen (it sat 3,600 px down)
        Browsers.viewport(washington, 768, 1024);
        WebElement talk = visible(washington, "#show-col-talk");
        assertThat(talk.getRect().getY() + talk.getRect().getHeight()).as("the chat's tab in the first screen").isLessThan(1024);
        talk.click();
        WebElement chat = visible(washington, "#team-chat-text");
        Number chatTop = (Number) js(washington, "return arguments[0].getBoundingClientRect().bottom", chat);
        assertThat(chatTop.doubleValue()).as("the chat's box in view without scrolling").isLessThan(1024);
        assertThat(washington.findElement(By.id("col-orders")).isDisplayed()).isFalse();
        click(washington, "#show-col-orders");
        visible(washington, "#cards");
        Browsers.viewport(washington, 1280, 800);
        facilitator.get(server.url("/facilitator.html?x=" + codes.exerciseId()));
        textAppears(facilitator, "#conn", "Live");

        // ---- presence: both players connected now
        waiting(facilitator).until(d -> d.findElements(By.cssSelector("#teams [data-presence='online']")).size() == 2);
        assertThat(facilitator.findElement(By.cssSelector("#teams [data-presence='online']")).getDomAttribute("title"))
                .isEqualTo("connected now");

        click(facilitator, "#ctl-start");
        Steps.phase(washington, "Briefing");
        click(facilitator, "#ctl-advance");
        Steps.phase(moscow, "Deliberation");

        // ---- Moscow proposes talks for talks; Washington accepts; the facilitator sees the deal
        moscow.findElement(By.cssSelector(".new-proposal summary")).click();
        new Select(visible(moscow, "#prop-offer-new-start-successor")).selectByValue("NEGOTIATE");
        new Select(moscow.findElement(By.id("prop-ask-new-start-successor"))).selectByValue("NEGOTIATE");
        new Select(moscow.findElement(By.id("prop-ask-ukraine"))).selectByValue("NEGOTIATE");
        moscow.findElement(By.id("prop-text")).sendKeys("Treaty talks, and talks on Ukraine");
        click(moscow, "#prop-send");
        textAppears(washington, "#proposals", "Treaty talks, and talks on Ukraine");
        click(washington, "#proposals .proposal.OPEN button.primary");
        textAppears(facilitator, "#deals", "1 proposal, 1 accepted.");
        textAppears(facilitator, "#deals .deal-tag", "Deal");
        textAppears(facilitator, "#deals", "Moscow plays A successor to New START — Negotiate");

        // ---- drafts: Washington presses on Ukraine, where it promised talks
        move(washington, "new-start-successor", "NEGOTIATE");
        move(washington, "ukraine", "PRESS");
        move(washington, "sanctions", "PRESS");
        move(moscow, "new-start-successor", "NEGOTIATE");
        move(moscow, "sanctions", "PRESS");
        click(facilitator, "#ctl-advance");
        Steps.phase(washington, "Orders");

        // ---- sealed, withdrawn, sealed again; the facilitator sees the withdrawal
        click(washington, "#submit-orders");
        Steps.confirm(washington);
        textAppears(washington, "#submit-state", "Orders sealed by Ana");
        click(washington, "#unseal-orders");
        textAppears(washington, "#confirm-dialog", "Withdraw Washington’s sealed orders?");
        Steps.confirm(washington);
        textAppears(washington, "#submit-state", "Ana withdrew the sealed orders");
        textAppears(facilitator, "#ready-WASHINGTON", "orders withdrawn by Ana");
        assertThat(washington.findElement(By.id("unseal-orders")).isDisplayed()).isFalse();
        click(washington, "#submit-orders");
        Steps.confirm(washington);
        click(moscow, "#submit-orders");
        Steps.confirm(moscow);
        Steps.phase(washington, "Results");
        Steps.phase(moscow, "Results");
        // A banner still up says the phase each team is in, never one that has passed (Deliberation stayed up).
        for (WebDriver team : List.of(washington, moscow)) {
            List<WebElement> banner = team.findElements(By.id("announce"));
            if (!banner.isEmpty() && banner.get(0).isDisplayed()) {
                assertThat(banner.get(0).getText()).contains("Results");
            }
        }

        // ---- each team's debrief in its results panel
        textAppears(washington, "#tab-results .debrief-changes", "because of");
        textAppears(washington, "#tab-results .deals", "The deal was broken");
        textAppears(washington, "#tab-results .deals", "You did not keep your part: on a settlement in Ukraine you played press");
        textAppears(washington, "#tab-results .outcome[data-issue='new-start-successor']", "You (Washington) negotiated; Moscow negotiated.");
        textAppears(washington, "#tab-results .outcome[data-issue='sanctions']", "Both played hardline");
        String results = washington.findElement(By.id("tab-results")).getText();
        assertThat(results).doesNotContain("[B").doesNotContain("[M").doesNotContain("domesticSupport")
                .doesNotContain("Moscow's sense of threat").doesNotContain("Moscow's support at home");
        List<String> changed = washington.findElements(By.cssSelector("#tab-results .debrief-changes li")).stream()
                .map(e -> e.getDomAttribute("data-variable")).toList();
        assertThat(changed).isNotEmpty().doesNotHaveDuplicates().noneMatch(v -> v.startsWith("moscow."));
        // The summary bar and the change list give tension with the same precision; times are 24-hour.
        String summary = washington.findElement(By.cssSelector("#tab-results .summary")).getText();
        assertThat(summary).matches("Turn 1: tension \\d+\\.\\d → \\d+\\.\\d\\.");
        String tension = washington.findElement(By.cssSelector("#tab-results .debrief-changes li[data-variable='tension']")).getText();
        assertThat(tension).startsWith("Tension rose from " + summary.substring("Turn 1: tension ".length(), summary.indexOf(" →")));
        assertThat(washington.findElement(By.cssSelector("#diplomacy li.system")).getText()).matches("\\d{2}:\\d{2} .+");
        textAppears(moscow, "#tab-results .deals", "Washington did not keep its part");
        textAppears(moscow, "#tab-results .deals", "You kept your part.");

        // ---- the facilitator reads each team's debrief as that team reads it
        textAppears(facilitator, "#results-as-WASHINGTON", "As Washington reads it");
        click(facilitator, "#results-as-WASHINGTON");
        textAppears(facilitator, "#results .deals", "You did not keep your part: on a settlement in Ukraine you played press");
        textAppears(facilitator, "#results .outcome[data-issue='new-start-successor']", "You (Washington) negotiated; Moscow negotiated.");
        // The server's account of the changes comes in its own answer, after the deals.
        textAppears(facilitator, "#results .debrief-changes", "because of");
        assertThat(turnText(facilitator, "#results")).isEqualTo(turnText(washington, "#tab-results"));
        click(facilitator, "#results-as-MOSCOW");
        textAppears(facilitator, "#results .deals", "Washington did not keep its part");
        textAppears(facilitator, "#results .debrief-changes", "because of");
        assertThat(turnText(facilitator, "#results")).isEqualTo(turnText(moscow, "#tab-results"));
        Steps.screenshots(facilitator, "facilitator-team-debrief");
        // On a tablet the facilitator's console is one column at a time too: the results are a tab away.
        Browsers.viewport(facilitator, 768, 1024);
        click(facilitator, "#show-col-state");
        visible(facilitator, "#results-as-MOSCOW");
        assertThat(facilitator.findElement(By.id("col-control")).isDisplayed()).isFalse();
        js(facilitator, "document.getElementById('results-h').scrollIntoView({block: 'start'})");
        Browsers.screenshot(facilitator, "facilitator-tablet-results-768x1024");
        click(facilitator, "#show-col-control");
        Browsers.viewport(facilitator, 1280, 800);
        click(facilitator, "#results-as-PUBLIC");
        waiting(facilitator).until(d -> !turnText(d, "#results").contains("You ("));
        Steps.screenshots(washington, "player-debrief");
        // The facilitator's panel says, once the turn is played, who kept the deal.
        textAppears(facilitator, "#deals .deal-kept", "Moscow kept its part. Washington did not keep its part");
        js(facilitator, "document.getElementById('deals-panel').scrollIntoView({block: 'start'})");
        Steps.screenshots(facilitator, "facilitator-deals");

        // ---- charts: at turn 1 the axis runs T0 to T1 (not T100); legends carry one decimal
        Map<?, ?> axis = (Map<?, ?>) js(washington, "return import('./js/charts.js').then(c => {"
                + " const host = document.createElement('div'); host.style.width = '300px'; document.body.append(host);"
                + " const one = c.lineChart(host, { title: 'Probe', turns: [0], series: [{ label: 'A', stroke: 'series-1', values: [50] }], lastTurn: 0 });"
                + " const ten = c.lineChart(host, { title: 'Probe 2', turns: [0, 1, 2], series: [{ label: 'A', stroke: 'series-1', values: [50, 51, 52] },"
                + "   { label: 'B', stroke: 'series-2', values: [40, 41.25, 42.125] }], lastTurn: 10 });"
                + " return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {"
                + "   const r = { oneMax: one.scales.x.max, tenMax: ten.scales.x.max, tenMin: ten.scales.x.min };"
                + "   host.remove(); done(r); }))); })");
        assertThat(((Number) axis.get("oneMax")).doubleValue()).isEqualTo(1.0);
        assertThat(((Number) axis.get("tenMin")).doubleValue()).isEqualTo(0.0);
        assertThat(((Number) axis.get("tenMax")).doubleValue()).isEqualTo(10.0);
        List<WebElement> legend = washington.findElements(By.cssSelector("#charts .u-legend .u-value"));
        assertThat(legend).isNotEmpty();
        assertThat(legend.stream().map(e -> e.getDomProperty("textContent")).toList())
                .allMatch(v -> v.matches("–|--|T\\d+|\\d+\\.\\d"), "a turn or a value with one decimal");

        for (WebDriver driver : List.of(facilitator, washington, moscow)) {
            assertThat(Browsers.consoleErrors(driver)).as("console errors and CSP violations")
                    .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
        }
    }

    /** The latest turn's results as text, shown or not. */
    private static String turnText(WebDriver driver, String panel) {
        return (String) js(driver, "return document.querySelector(arguments[0] + ' .results-turn').textContent", panel);
    }

    private static void move(WebDriver driver, String issue, String move) {
        click(driver, "#card-" + issue + " label.move:has(input[value='" + move + "'])");
        String word = move.charAt(0) + move.substring(1).toLowerCase().replace('_', ' ');
        textAppears(driver, "#changed-" + issue, word);
    }
}
