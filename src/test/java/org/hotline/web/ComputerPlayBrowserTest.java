package org.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.web.Browsers.click;
import static org.hotline.web.Browsers.js;
import static org.hotline.web.Browsers.screenshot;
import static org.hotline.web.Browsers.textAppears;
import static org.hotline.web.Browsers.visible;
import static org.hotline.web.Browsers.waiting;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hotline.HotlineApplication;
import org.hotline.exercise.Actor;
import org.hotline.exercise.Command;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Computer play in the browser: on the facilitator console, a strategy takes an empty team and
 * replaces a team's player, plays a turn with its reasons shown, and the team is given back; on the
 * review, a what-if from turn 1 shows its table, its two charts (with the path played) and its CSV.
 */
@SpringBootTest(classes = HotlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:sqlite:${java.io.tmpdir}/hotline-test-computer-play-${random.uuid}.db",
                "hotline.admin.username=" + Server.ADMIN, "hotline.admin.password=" + Server.ADMIN_PASSWORD})
class ComputerPlayBrowserTest extends ServedPage {

    ComputerPlayBrowserTest() {
        super("facilitator");
    }

    private void signInOnTheStartPage() {
        browser.get(url("/"));
        visible(browser, "#login-user").sendKeys(Server.ADMIN);
        browser.findElement(By.id("login-pass")).sendKeys(Server.ADMIN_PASSWORD);
        click(browser, "#login-button");
        visible(browser, "#sign-out");
    }

    @Test
    void theFacilitatorHandsTeamsToTheComputerSeesItsReasonsAndGivesATeamBack() throws Exception {
        String id = exercise("future-after-ukraine", Map.of(Side.WASHINGTON, "Ana"), new EnumMap<>(Side.class));
        String moscowCode = access.joinCodes(id).get("MOSCOW");
        signInOnTheStartPage();
        browser.get(url("/facilitator.html?x=" + id));
        visible(browser, "#computer-seats");
        textAppears(browser, "#computer-team-moscow", "played by people");

        new Select(visible(browser, "#computer-strategy-moscow")).selectByValue("tit-for-tat");
        textAppears(browser, "#computer-hint-moscow", "answer each move in kind");
        click(browser, "#computer-give-moscow");
        textAppears(browser, "#computer-tag-moscow", "computer-played: Tit-for-tat per issue");

        // Washington has a player: the facilitator is asked first, and Ana makes way
        new Select(visible(browser, "#computer-strategy-washington")).selectByValue("core-first");
        click(browser, "#computer-give-washington");
        textAppears(browser, "#confirm-dialog", "Ana");
        Steps.confirm(browser);
        textAppears(browser, "#computer-tag-washington", "computer-played: Core concerns first");
        textAppears(browser, "#computer-status-washington", "took over from Ana");
        textAppears(browser, "#teams", "Computer · Core concerns first");

        click(browser, "#ctl-start");
        Steps.phase(browser, "Briefing");
        click(browser, "#ctl-advance");
        Steps.phase(browser, "Deliberation");
        click(browser, "#ctl-advance");
        // both computers submit as soon as Orders opens; the turn is adjudicated at once (automatic mode)
        Steps.phase(browser, "Results");
        waiting(browser).withTimeout(java.time.Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.id("computer-orders-moscow")).isEmpty());
        textAppears(browser, "#computer-orders-moscow", "tit-for-tat opens with talks on every issue");
        textAppears(browser, "#computer-orders-washington", "Its orders for turn 1");
        textAppears(browser, "#computer-reads-moscow", "the public channel");
        assertThat(browser.findElement(By.id("computer-orders-moscow")).getText()).doesNotContain("[computer-played");
        // Each reason is read at the team block's full width, not squeezed into a table's third column.
        List<?> widths = (List<?>) js(browser, "return [...document.querySelectorAll('#computer-orders-moscow .order-reason')]"
                + ".map(p => p.getBoundingClientRect().width / p.closest('.team-block').getBoundingClientRect().width)");
        assertThat(widths).isNotEmpty().allMatch(w -> ((Number) w).doubleValue() > 0.9);
        js(browser, "document.getElementById('computer-seats').scrollIntoView()");
        screenshot(browser, "computer-seats-console");

        click(browser, "#computer-back-moscow");
        Steps.confirm(browser);
        textAppears(browser, "#computer-team-moscow", "played by people");
        String newCode = access.joinCodes(id).get("MOSCOW");
        assertThat(newCode).isNotEqualTo(moscowCode);
        // the codes sit in a closed "Join codes" box: read, not seen
        waiting(browser).until(d -> newCode.equals(js(d, "return document.getElementById('code-moscow').textContent")));
        screenshot(browser, "computer-seats-given-back");
        assertThat(Browsers.consoleErrors(browser)).isEmpty();
    }

    @Test
    void aWhatIfFromTurnOneShowsItsDistributionBesideThePathPlayed() throws Exception {
        Map<Side, Actor> players = new EnumMap<>(Side.class);
        String id = exercise("future-after-ukraine", Map.of(Side.WASHINGTON, "Ana", Side.MOSCOW, "Boris"), players);
        Actor control = Actor.facilitator(Server.ADMIN);
        var send = commands(id);
        send.accept(control, new Command.Control.Start());
        for (int turn = 1; turn <= 3; turn++) {
            if (turn > 1) {
                send.accept(control, new Command.Control.Advance());
            }
            send.accept(control, new Command.Control.Advance());
            send.accept(players.get(Side.WASHINGTON), new Command.DraftLine("iran", "NEGOTIATE", false, "Talks on Iran, turn " + turn));
            send.accept(players.get(Side.MOSCOW), new Command.DraftLine("cyber", "PRESS", false, "Keep the pressure on, turn " + turn));
            send.accept(control, new Command.Control.Advance());
            for (Side side : Side.values()) {
                send.accept(players.get(side), new Command.SubmitOrders());
            }
        }
        send.accept(control, new Command.Control.End(null));

        signInToTheReview(id);
        visible(browser, "#what-if-form");
        textAppears(browser, ".review-nav", "What if");
        new Select(browser.findElement(By.id("what-if-turn"))).selectByValue("1");
        new Select(browser.findElement(By.id("what-if-washington"))).selectByValue("core-first");
        new Select(browser.findElement(By.id("what-if-moscow"))).selectByValue("exploit-concessions");
        browser.findElement(By.id("what-if-runs")).clear();
        browser.findElement(By.id("what-if-runs")).sendKeys("150");
        click(browser, "#what-if-run");
        textAppears(browser, "#what-if-summary-1", "Core concerns first against Exploits concessions from turn 1 ends at");
        textAppears(browser, "#what-if-summary-1", "over 150 runs");
        waiting(browser).until(d -> d.findElements(By.cssSelector("#what-if-result-1 figure canvas")).size() == 2);
        textAppears(browser, "#what-if-result-1 .u-legend", "Your path:");
        textAppears(browser, "#what-if-result-1 .u-legend", "What-if: Core concerns first against Exploits concessions");
        // headers are set in capitals by the stylesheet: the text as written is read
        assertThat(String.valueOf(js(browser, "return document.querySelector('#what-if-table-1 thead').textContent")))
                .contains("Your path", "What-if: mean [95% interval] over 150 runs");
        textAppears(browser, "#what-if-table-1 tbody", "End tension");
        String pathTension = browser.findElement(By.cssSelector("#what-if-table-1 tbody tr:first-child td")).getText();
        assertThat(pathTension).matches("\\d+\\.\\d");
        // The sentence above the table gives the same figures as the table, rounded alike.
        String estimate = browser.findElement(By.cssSelector("#what-if-table-1 tbody tr:first-child td:last-child")).getText();
        assertThat(estimate).matches("\\d+\\.\\d \\[\\d+\\.\\d, \\d+\\.\\d\\]");
        assertThat(browser.findElement(By.id("what-if-summary-1")).getText())
                .contains("at tension " + pathTension + ";", "ends at " + estimate + " over 150 runs");

        // the CSV, as the browser would save it
        js(browser, "window.savedCsv = null; const make = URL.createObjectURL;"
                + "URL.createObjectURL = b => { b.text().then(t => { window.savedCsv = t; }); return make(b); };");
        click(browser, "#what-if-csv-1");
        waiting(browser).until(d -> js(d, "return window.savedCsv") != null);
        String csv = String.valueOf(js(browser, "return window.savedCsv"));
        assertThat(csv).startsWith("exercise,from_turn,washington,moscow,runs,seed,metric,label,your_path,what_if_mean,low,high,n\n");
        String[] endTension = csv.lines().filter(l -> l.contains(",end_tension,")).findFirst().orElseThrow().split(",");
        assertThat(String.join(",", java.util.Arrays.copyOf(endTension, 8)))
                .isEqualTo(id + ",1,core-first,exploit-concessions,150,1,end_tension,end tension");
        assertThat(String.format(java.util.Locale.ROOT, "%.1f", Double.parseDouble(endTension[8]))).isEqualTo(pathTension);
        assertThat(csv.lines().count()).isEqualTo(1 + org.hotline.analysis.Metric.values().length);

        js(browser, "document.getElementById('what-if').scrollIntoView()");
        screenshot(browser, "what-if-review");
        js(browser, "document.getElementById('what-if-table-1').scrollIntoView()");
        screenshot(browser, "what-if-table");
        assertThat(Browsers.consoleErrors(browser)).isEmpty();
    }
}
