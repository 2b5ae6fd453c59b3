package org.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.web.Browsers.click;
import static org.hotline.web.Browsers.js;
import static org.hotline.web.Browsers.textAppears;
import static org.hotline.web.Browsers.visible;
import static org.hotline.web.Browsers.waiting;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.hotline.scenario.Brief;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioFiles;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The exercise as the room lives it: banners for phase, pause and injects on every screen, the
 * projector's contrast and countdown, confirmations before what cannot be undone, nothing typed lost
 * on a reload, one draft change per chosen move, the removed player's console, and the screenshots
 * at the three sizes the room uses.
 */
class RoomBrowserTest {

    @RegisterExtension
    static final Room ROOM = new Room("facilitator", "player", "room");

    @Test
    void theRoomSeesEveryChangeAndNothingIsLostOrDoneByMistake() throws Exception {
        Server server = ROOM.server();
        WebDriver facilitator = ROOM.driver("facilitator");
        WebDriver player = ROOM.driver("player");
        WebDriver room = ROOM.driver("room");
        Steps.signIn(facilitator, server);
        // Accounts exist (the configured one): the first-start form is not offered.
        assertThat(facilitator.findElements(By.id("setup"))).isEmpty();
        visible(facilitator, "#exercise-name").sendKeys("Staff college, group B");
        Steps.Codes codes = Steps.createExercise(facilitator, "REVIEWED", "900");
        // "Your exercises" lists the new one, by its name, without a reload.
        textAppears(facilitator, "#my-exercises", codes.exerciseId());
        textAppears(facilitator, "#my-exercises", "Staff college, group B");
        String exercise = codes.exerciseId();
        Steps.join(player, server, codes.washington(), "Ana");
        // Each team reads its own brief, structured; the other team's never reaches its browser.
        Scenario scenario = ScenarioFiles.bundled(Steps.SCENARIO);
        Brief own = scenario.sides().get(Side.WASHINGTON).briefing();
        Brief theirs = scenario.sides().get(Side.MOSCOW).briefing();
        textAppears(player, "#team-brief .brief-redLines", own.redLines().get(0).text());
        textAppears(player, "#team-brief .brief-priorities", own.priorities().get(0).text());
        String page = (String) js(player, "return document.body.textContent");
        assertThat(page).doesNotContain(theirs.priorities().get(0).text()).doesNotContain(scenario.facilitatorBrief());

        Steps.signIn(room, server);
        room.get(server.url("/observer.html?view=projector&x=" + exercise));
        textAppears(room, "#conn", "Live");
        facilitator.get(server.url("/facilitator.html?x=" + exercise));
        textAppears(facilitator, "#conn", "Live");
        textAppears(facilitator, "#title", "Staff college, group B");
        assertThat(facilitator.findElement(By.id("brief-MOSCOW")).getDomProperty("textContent")).contains(theirs.redLines().get(0).text());
        assertThat(facilitator.findElement(By.id("facilitator-brief")).getDomProperty("textContent")).isEqualTo(scenario.facilitatorBrief());

        // A triggered inject says when in plain names, not "moscow: strain".
        textAppears(facilitator, "#held-injects li[data-inject='strain-peaks'] summary", "Triggered when Moscow’s strain is above 90");
        textAppears(facilitator, "#held-injects li[data-inject='ceasefire-violation'] summary", "Triggered when tension is above 85");

        // ---- banners on every screen: phase, pause, inject
        click(facilitator, "#ctl-start");
        textAppears(player, "#announce", "Briefing");
        textAppears(room, "#announce", "Briefing");
        click(facilitator, "#ctl-advance");
        textAppears(player, "#announce", "Deliberation");
        // What the facilitator did earlier is not left in a toast once the phase has moved on (the banner says it).
        assertThat(facilitator.findElements(By.cssSelector("#toasts .toast")).stream().map(e -> e.getDomProperty("textContent")).toList())
                .noneMatch(t -> t.contains("started"));
        textAppears(room, "#room-phase", "Deliberation");
        textAppears(room, "#room-countdown", "1");
        double clock = ((Number) js(room, "return parseFloat(getComputedStyle(document.getElementById('room-countdown')).fontSize)")).doubleValue();
        assertThat(clock).as("countdown readable from the back of the room (px)").isGreaterThanOrEqualTo(96);
        click(facilitator, "#ctl-pause");
        textAppears(player, "#announce", "paused");
        textAppears(room, "#announce", "paused");
        textAppears(room, "#room-countdown", "paused");
        click(facilitator, "#ctl-resume");
        textAppears(player, "#announce", "running again");
        Steps.adHocInject(facilitator, "Border incident", "Shots across the line overnight.", "washington.domesticSupport", "-100");
        textAppears(player, "#announce", "New inject: Border incident");
        // The whole state it changed is named by the inject's title, never "inject adhoc-…".
        textAppears(facilitator, "#whole-state", "after the inject “Border incident”");
        assertThat(facilitator.findElement(By.id("whole-state")).getText()).doesNotContain("adhoc");
        textAppears(room, "#announce", "Border incident");
        Browsers.viewport(room, 1920, 1080);
        assertThat(Contrast.of(room).failures()).as("WCAG AA on the projector, with the inject banner").isEmpty();
        Browsers.screenshot(room, "projector-inject-1920x1080");

        // ---- withheld concessions: said once above the cards, and not offered in a proposal
        visible(player, "#withheld-all");
        textAppears(player, "#withheld-all", "Concede");
        textAppears(player, "#withheld-all", "is 0.0, below 40.0");
        assertThat(player.findElement(By.id("withheld-all")).getText()).as("figures to one decimal").doesNotContain(".00");
        assertThat(player.findElements(By.cssSelector(".card .withheld")).stream().filter(WebElement::isDisplayed).toList()).isEmpty();
        List<WebElement> cards = player.findElements(By.cssSelector("#cards article"));
        String issue = cards.get(0).getDomAttribute("data-issue");
        String second = cards.get(1).getDomAttribute("data-issue");
        assertThat(player.findElement(By.cssSelector("#prop-offer-" + issue + " option[value='CONCEDE']")).isEnabled()).isFalse();
        assertThat(player.findElement(By.cssSelector("#prop-offer-" + issue + " option[value='NEGOTIATE']")).isEnabled()).isTrue();

        // ---- arrow keys walk the moves; the shared draft gets only the one the player stops on
        String token = (String) js(facilitator, "return JSON.parse(localStorage.getItem('hotline.account')).token");
        click(player, "#card-" + issue + " label.move:has(input[value='BUILDUP'])");
        textAppears(player, "#changed-" + issue, "Buildup");
        long before = drafts(exercise, token, issue);
        WebElement radio = player.findElement(By.id("move-" + issue + "-BUILDUP"));
        radio.sendKeys(Keys.ARROW_RIGHT);
        radio = player.switchTo().activeElement();
        radio.sendKeys(Keys.ARROW_RIGHT);
        player.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        String landed = (String) js(player, "return document.activeElement.value");
        waiting(player).until(d -> drafts(exercise, token, issue) > before);
        Thread.sleep(1500);
        assertThat(drafts(exercise, token, issue)).as("one draft change for three arrow steps").isEqualTo(before + 1);
        textAppears(facilitator, "#teams", landed.charAt(0) + landed.substring(1).toLowerCase().replace('_', ' '));

        // ---- "who changed what" says what changed: an argument edit is not a move change
        WebElement argument = player.findElement(By.id("arg-" + issue));
        argument.sendKeys("Hold the line; reasons: allies, deterrence");
        player.findElement(By.id("team-chat-text")).click();
        textAppears(player, "#draft-activity", "edited the argument");

        // ---- nothing typed is lost on a reload, even typed the moment before it
        player.findElement(By.id("team-chat-text")).sendKeys("Unsent words for the team");
        player.findElement(By.id("arg-" + second)).sendKeys("Typed just before the reload");
        player.navigate().refresh();
        textAppears(player, "#conn", "Live");
        assertThat(player.findElement(By.id("team-chat-text")).getDomProperty("value")).isEqualTo("Unsent words for the team");
        assertThat(player.findElement(By.id("arg-" + second)).getDomProperty("value")).isEqualTo("Typed just before the reload");
        waiting(player).until(d -> draftArgument(exercise, token, second).equals("Typed just before the reload"));
        player.findElement(By.id("team-chat-text")).sendKeys(Keys.ENTER);
        textAppears(facilitator, "#chat-w-log", "Unsent words for the team");
        player.navigate().refresh();
        textAppears(player, "#conn", "Live");
        assertThat(player.findElement(By.id("team-chat-text")).getDomProperty("value")).as("sent, so forgotten").isEmpty();

        // ---- Cut short asks first; cancelling changes nothing
        click(facilitator, "#ctl-cut");
        textAppears(facilitator, "#confirm-dialog", "Cut the deliberation phase short?");
        click(facilitator, "#confirm-cancel");
        Thread.sleep(500);
        assertThat(Steps.currentPhase(player)).isEqualToIgnoringCase("Deliberation");
        click(facilitator, "#ctl-cut");
        Steps.confirm(facilitator);
        Steps.phase(player, "Orders");

        // ---- Submit shows the moves first; Keep drafting leaves the orders open
        click(player, "#submit-orders");
        textAppears(player, "#confirm-moves", landed.charAt(0) + landed.substring(1).toLowerCase().replace('_', ' '));
        textAppears(player, "#confirm-hold", "Hold");
        Steps.screenshots(player, "confirm-submit");
        click(player, "#confirm-cancel");
        assertThat(player.findElement(By.id("submit-state")).getText()).doesNotContain("sealed");

        // ---- Lock orders seals the team's current draft (it was never submitted); only an empty draft holds
        click(facilitator, "#ctl-lock");
        textAppears(facilitator, "#confirm-dialog", "its current draft");
        textAppears(facilitator, "#confirm-dialog", "no draft: plays Hold");
        Steps.confirm(facilitator);
        Steps.phase(facilitator, "Adjudication");
        textAppears(player, "#submit-state", "your team’s draft was sealed as its orders");
        textAppears(facilitator, "#ready-WASHINGTON", "draft sealed at the lock");
        textAppears(facilitator, "#ready-MOSCOW", "defaulted to Hold");
        List<JsonNode> log = events(exercise, token);
        assertThat(log.stream().filter(e -> e.get("type").asString().equals("ORDERS_SUBMITTED")).findFirst().orElseThrow()
                .at("/payload/name").asString()).contains("the team's draft", "locked by the facilitator");
        assertThat(log.stream().filter(e -> e.get("type").asString().equals("ORDERS_DEFAULTED")).map(e -> e.at("/payload/side").asString()))
                .containsExactly("MOSCOW");
        visible(facilitator, "#review-rationale").sendKeys("As the engine has it.");
        click(facilitator, "#review-approve");
        Steps.phase(room, "Results");
        textAppears(room, "#latest-result", "Turn 1 results");
        String played = landed.charAt(0) + landed.substring(1).toLowerCase().replace('_', ' ');
        textAppears(player, "#tab-results .outcome[data-issue='" + issue + "']", "Washington: " + played);
        // The big tension figure is the change line's new value, to the same decimal.
        String change = (String) js(room, "return [...document.querySelectorAll('#latest-result table.kv tr')]"
                + ".find(r => r.querySelector('th').textContent === 'Tension').querySelector('td').textContent");
        assertThat(change).matches("\\d+\\.\\d → \\d+\\.\\d");
        assertThat(room.findElement(By.id("tension-value")).getText()).isEqualTo(change.substring(change.indexOf("→ ") + 2));
        Browsers.viewport(room, 1920, 1080);
        Contrast.Result contrast = Contrast.of(room);
        System.out.println("Projector contrast: " + contrast.texts() + " texts and " + contrast.graphics() + " graphics checked");
        assertThat(contrast.texts()).isGreaterThan(20);
        assertThat(contrast.graphics()).isGreaterThan(5);
        assertThat(contrast.failures()).as("WCAG AA on the projector").isEmpty();
        double countdown = ((Number) js(room, "return parseFloat(getComputedStyle(document.getElementById('room-phase')).fontSize)")).doubleValue();
        assertThat(countdown).as("phase readable from the back of the room (px)").isGreaterThanOrEqualTo(48);
        Steps.screenshots(room, "projector");
        Steps.screenshots(facilitator, "facilitator-console");
        click(player, "#tabbtn-results");
        Steps.screenshots(player, "player-console");

        // ---- End asks first; afterwards chat and proposals are closed
        facilitator.findElement(By.cssSelector("#end-details summary")).click();
        click(facilitator, "#ctl-end");
        Steps.confirm(facilitator);
        textAppears(room, "#announce", "ended");
        textAppears(player, "#banner", "ended");
        waiting(player).until(d -> !d.findElement(By.id("team-chat-text")).isEnabled());
        assertThat(player.findElement(By.id("diplomacy-text")).isEnabled()).isFalse();
        assertThat(player.findElement(By.id("prop-send")).isEnabled()).isFalse();

        // ---- a removed player is told so and the console stops (a second exercise, in the lobby)
        facilitator.get(server.url("/"));
        Steps.Codes other = Steps.createExercise(facilitator, "AUTOMATIC", "0");
        Steps.join(player, server, other.moscow(), "Boris");
        facilitator.get(server.url("/facilitator.html?x=" + other.exerciseId()));
        textAppears(facilitator, "#teams", "Boris");
        click(facilitator, "button[title='Remove Boris']");
        textAppears(facilitator, "#confirm-dialog", "Remove Boris");
        Steps.confirm(facilitator);
        textAppears(player, "#banner", "removed you from this exercise");
        waiting(player).until(d -> !d.findElement(By.id("team-chat-text")).isEnabled());
        assertThat(player.findElement(By.id("conn")).getText()).doesNotContain("Catching up");

        for (WebDriver driver : List.of(facilitator, player, room)) {
            assertThat(Browsers.consoleErrors(driver)).as("console errors and CSP violations")
                    .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private List<JsonNode> events(String exercise, String token) {
        try {
            List<JsonNode> all = new ArrayList<>();
            long after = 0;
            while (true) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ROOM.server().url("/api/exercises/" + exercise + "/events?after=" + after)))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode page = json.readTree(r.body());
                page.get("events").forEach(all::add);
                if (page.get("complete").asBoolean() || page.get("events").isEmpty()) {
                    return all;
                }
                after = all.get(all.size() - 1).get("seq").asLong();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long drafts(String exercise, String token, String issue) {
        return events(exercise, token).stream().filter(e -> e.get("type").asString().equals("DRAFT_CHANGED")
                && e.at("/payload/change/issueId").asString().equals(issue)).count();
    }

    private String draftArgument(String exercise, String token, String issue) {
        return events(exercise, token).stream().filter(e -> e.get("type").asString().equals("DRAFT_CHANGED")
                && e.at("/payload/change/issueId").asString().equals(issue)).reduce((a, b) -> b)
                .map(e -> e.at("/payload/line/argument").asString("")).orElse("");
    }
}
