package org.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.web.Browsers.click;
import static org.hotline.web.Browsers.js;
import static org.hotline.web.Browsers.screenshot;
import static org.hotline.web.Browsers.textAppears;
import static org.hotline.web.Browsers.visible;
import static org.hotline.web.Browsers.waiting;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.HotlineApplication;
import org.hotline.exercise.Actor;
import org.hotline.exercise.Command;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

/** A facilitator opens a finished exercise's review in a browser, signs in, and steps through the turns. */
@SpringBootTest(classes = HotlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:sqlite:${java.io.tmpdir}/hotline-test-review-page-${random.uuid}.db",
                "hotline.admin.username=" + Server.ADMIN, "hotline.admin.password=" + Server.ADMIN_PASSWORD})
class ReviewPageBrowserTest extends ServedPage {

    ReviewPageBrowserTest() {
        super("review");
    }

    @Test
    void aFacilitatorStepsThroughTheTurnsOfAReview() throws Exception {
        String id = playThreeTurns();
        signInToTheReview(id);

        textAppears(browser, "#replay-check", "Re-adjudicated by the engine");
        textAppears(browser, "#turn-label", "After turn 3");
        waiting(browser).until(d -> d.findElements(By.cssSelector("#review-charts figure canvas")).size() >= 6);
        // The cursor marks the chosen turn with a vertical line only: no horizontal dashed line (it sat near 88 on every chart).
        String dashedAcross = "return [...document.querySelectorAll('#review-charts .uplot *')].filter(n => {"
                + " const s = getComputedStyle(n), r = n.getBoundingClientRect();"
                + " return s.display !== 'none' && s.visibility !== 'hidden' && r.width > r.height && r.width > 0"
                + "   && [s.borderTopStyle, s.borderBottomStyle].includes('dashed'); }).length";
        assertThat(((Number) js(browser, dashedAcross)).intValue()).as("horizontal dashed lines across the review's charts").isZero();
        for (int turn = 2; turn >= 0; turn--) {
            click(browser, "#prev-turn");
            textAppears(browser, "#turn-label", turn == 0 ? "Start (turn 0)" : "After turn " + turn);
        }
        assertThat(browser.findElement(By.id("prev-turn")).isEnabled()).isFalse();
        textAppears(browser, "#decisions", "The start: no orders yet.");
        for (int turn = 1; turn <= 3; turn++) {
            click(browser, "#next-turn");
            textAppears(browser, "#turn-label", "After turn " + turn);
            int shown = turn;
            waiting(browser).until(d -> String.valueOf(js(d, "return document.querySelector('#decisions h2').textContent"))
                    .endsWith("turn " + shown));
            textAppears(browser, "#decisions .decision-table", "Negotiate");
            textAppears(browser, "#decisions .decision-table", "Talks serve both, turn " + turn);
            String tension = String.format(Locale.ROOT, "%.1f", tensionAfter(id, turn));
            textAppears(browser, "#turn-state", tension);
        }
        assertThat(browser.findElement(By.id("next-turn")).isEnabled()).isFalse();
        // A roll reads as the engine drew it: 0.075, not "draw 7".
        assertThat(js(browser, "return import('./js/review-turns.js').then(m => m.rollText("
                + "{purpose: 'talks', odds: 0.3, draw: 0.075, success: true}))").toString())
                .contains("30% chance", "drew 0.075").doesNotContain("draw 7");
        js(browser, "document.getElementById('replay').scrollIntoView()");
        screenshot(browser, "review-replay");
        js(browser, "document.getElementById('decisions').scrollIntoView()");
        screenshot(browser, "review-decisions");
        assertThat(js(browser, "return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling")
                .isEqualTo(true);
        // On a tablet held upright the wide decision table scrolls within its own section; the page does not.
        Browsers.viewport(browser, 768, 1024);
        waiting(browser).withMessage("no sideways scrolling at 768 px")
                .until(d -> Boolean.TRUE.equals(js(d, "return document.documentElement.scrollWidth <= window.innerWidth")));
        Browsers.viewport(browser, 1280, 800);

        new Select(browser.findElement(By.id("filter-kind"))).selectByValue("CHAT_TEAM");
        waiting(browser).until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#timeline-rows tr"));
            return rows.size() == 3 && rows.stream().allMatch(r -> r.getText().contains("Team chat"));
        });
        assertThat(browser.findElement(By.id("timeline")).getText()).as("plain event names").doesNotContain("STATE_FULL")
                .doesNotContain("CHAT_TEAM");
        // The state the ad hoc inject recorded is named by the inject's title, not its id.
        new Select(browser.findElement(By.id("filter-kind"))).selectByValue("STATE_FULL");
        textAppears(browser, "#timeline-rows", "after the inject “Border incident”");
        assertThat(browser.findElement(By.id("timeline")).getText()).doesNotContain("adhoc-").doesNotContain("inject adhoc");
        // A proposal's terms in the transcript are in words, and so is the answer.
        String diplomacy = browser.findElement(By.id("diplomacy")).getText();
        assertThat(diplomacy).contains("Talks on arms, both of us", "offers Strategic arms — Negotiate; in return asks Strategic arms — Negotiate",
                "Accepted").doesNotContain("{").doesNotContain("NEGOTIATE").doesNotContain("ACCEPT");
        assertThat(browser.findElement(By.id("turn-state")).getText()).as("plain variable names").doesNotContain("domesticSupport")
                .contains("Domestic support");

        waiting(browser).until(d -> String.valueOf(js(d, "return document.querySelector('#report h2')?.textContent"))
                .startsWith("After-action report"));
        click(browser, "#edit-report");
        WebElement summary = visible(browser, "#report-form textarea");
        summary.clear();
        summary.sendKeys("Three turns of arms talks; the white cell's summary.");
        // Observations and plan rows: add one, move it to the top, remove another.
        int strengths = browser.findElements(By.cssSelector("#edit-strengths > fieldset.observation")).size();
        click(browser, "#add-strength");
        WebElement added = visible(browser, "#edit-strengths > fieldset.observation[data-index='" + strengths + "']");
        added.findElement(By.cssSelector("[data-field=title] input")).sendKeys("The white cell kept time");
        added.findElement(By.cssSelector("[data-field=observation] textarea")).sendKeys("Every phase ended on its deadline.");
        for (int i = strengths; i > 0; i--) {
            click(browser, "#edit-strengths > fieldset.observation[data-index='" + i + "'] [data-action=up]");
        }
        int improvements = browser.findElements(By.cssSelector("#edit-improvements > fieldset.observation")).size();
        if (improvements > 0) {
            click(browser, "#edit-improvements > fieldset.observation[data-index='0'] [data-action=remove]");
        }
        click(browser, "#add-plan");
        int rows = browser.findElements(By.cssSelector("#edit-plans > fieldset.observation")).size();
        browser.findElement(By.cssSelector("#edit-plans > fieldset.observation[data-index='" + (rows - 1) + "'] [data-field=area] input"))
                .sendKeys("Timekeeping drill");
        click(browser, "#save-report");
        textAppears(browser, "#report-summary", "the white cell's summary");
        textAppears(browser, "#report-status", "edited by " + Server.ADMIN);
        assertThat(browser.findElement(By.cssSelector("#report-strengths .observation h4")).getText()).isEqualTo("1. The white cell kept time");
        // Its analysis and recommendation were left empty: no bare headings for them.
        assertThat(browser.findElement(By.cssSelector("#report-strengths .observation")).getText())
                .contains("Observation. Every phase ended on its deadline.").doesNotContain("Analysis.").doesNotContain("Recommendation.");
        assertThat(browser.findElements(By.cssSelector("#report-improvements .observation"))).hasSize(Math.max(0, improvements - 1));
        textAppears(browser, "#plan", "Timekeeping drill");
        waiting(browser).until(d -> d.findElements(By.cssSelector("#report-charts figure canvas")).size() == 3);

        // The print view (and a PDF saved from it) is the report alone, with its charts.
        ((org.openqa.selenium.chrome.ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.cssSelector(".review-nav")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("replay")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("print-report")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#report-charts canvas")).stream().allMatch(WebElement::isDisplayed)).isTrue();
        assertThat(js(browser, "return [...document.querySelectorAll('#report-charts canvas')].every(c => c.getBoundingClientRect().right <= document.getElementById('report').getBoundingClientRect().right + 1)"))
                .as("charts fit the printed page").isEqualTo(true);
        screenshot(browser, "review-print-view");
        org.openqa.selenium.Pdf pdf = ((org.openqa.selenium.PrintsPage) browser).print(new org.openqa.selenium.print.PrintOptions());
        byte[] bytes = java.util.Base64.getDecoder().decode(pdf.getContent());
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "review-report.pdf"), bytes);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(bytes.length).as("a PDF with the charts drawn in").isGreaterThan(20_000);
        ((org.openqa.selenium.chrome.ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        js(browser, "document.getElementById('report').scrollIntoView()");
        Steps.screenshots(browser, "review-report");
        screenshot(browser, "review-page");
        assertThat(js(browser, "return document.querySelectorAll('#history tr.diverged').length")).isNotNull();
        assertThat(Browsers.consoleErrors(browser)).isEmpty();
    }

    /** Three automatic turns in the détente case, played through the exercise service, then ended. */
    private String playThreeTurns() {
        Map<Side, Actor> players = new java.util.EnumMap<>(Side.class);
        String id = exercise("cs3-detente", Map.of(Side.WASHINGTON, "Ana", Side.MOSCOW, "Boris"), players);
        Actor control = Actor.facilitator(Server.ADMIN);
        var send = commands(id);
        java.util.function.Consumer<Command.Control> controlCommand = command -> send.accept(control, command);
        controlCommand.accept(new Command.Control.Start());
        for (int turn = 1; turn <= 3; turn++) {
            if (turn > 1) {
                controlCommand.accept(new Command.Control.Advance());
            }
            controlCommand.accept(new Command.Control.Advance());
            send.accept(players.get(Side.WASHINGTON), new Command.ChatTeam("Hold the line on Berlin, turn " + turn));
            if (turn == 1) {
                // An ad hoc inject that moves tension (a whole state recorded "inject adhoc-…"), and a deal on the diplomatic channel.
                controlCommand.accept(new Command.Control.ReleaseInject(null, new Command.AdHocInject("Border incident",
                        "Shots across the line overnight.", "ALL", List.of(new Command.StateChange("tension", 2.0, null)))));
                send.accept(players.get(Side.MOSCOW), Command.ProposalAction.propose(Map.of("arms", "NEGOTIATE"),
                        Map.of("arms", "NEGOTIATE"), "Talks on arms, both of us"));
                String proposal = exercises.events(id, 0, java.util.EnumSet.allOf(org.hotline.exercise.Channel.class)).stream()
                        .map(e -> e.payload()).filter(p -> p instanceof org.hotline.exercise.EventPayload.ProposalMade)
                        .map(p -> ((org.hotline.exercise.EventPayload.ProposalMade) p).proposalId()).findFirst().orElseThrow();
                send.accept(players.get(Side.WASHINGTON), Command.ProposalAction.answer("ACCEPT", proposal));
            }
            for (Side side : Side.values()) {
                send.accept(players.get(side), new Command.DraftLine("arms", "NEGOTIATE", false, "Talks serve both, turn " + turn));
            }
            controlCommand.accept(new Command.Control.Advance());
            for (Side side : Side.values()) {
                send.accept(players.get(side), new Command.SubmitOrders());
            }
        }
        controlCommand.accept(new Command.Control.End(null));
        return id;
    }

    private double tensionAfter(String id, int turn) {
        return exercises.events(id, 0, java.util.EnumSet.allOf(org.hotline.exercise.Channel.class)).stream()
                .map(e -> e.payload()).filter(p -> p instanceof org.hotline.exercise.EventPayload.ResultsPublished r && r.turn() == turn)
                .map(p -> ((org.hotline.exercise.EventPayload.ResultsPublished) p).tension()).findFirst().orElseThrow();
    }
}
