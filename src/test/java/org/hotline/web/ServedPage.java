package org.hotline.web;

import static org.hotline.web.Browsers.click;
import static org.hotline.web.Browsers.visible;

import java.util.Map;
import java.util.function.BiConsumer;
import org.hotline.access.Access;
import org.hotline.access.Role;
import org.hotline.access.Seat;
import org.hotline.exercise.Actor;
import org.hotline.exercise.Command;
import org.hotline.exercise.Exercises;
import org.hotline.exercise.Mode;
import org.hotline.exercise.NewExercise;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page test whose class starts the application itself (its own {@code @SpringBootTest}, with its own
 * database): a fresh browser for each test, and exercises set up through the services, which is quicker
 * than through the pages where the pages are not what the test is about.
 */
abstract class ServedPage {

    @LocalServerPort
    int port;
    @Autowired
    Exercises exercises;
    @Autowired
    Access access;
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
        String id = exercises.create(Server.ADMIN, new NewExercise(scenarioId, Mode.AUTOMATIC, 5L, Map.of()), x -> { }).id();
        access.issueJoinCodes(id);
        for (Side side : Side.values()) {
            if (players.containsKey(side)) {
                Seat seat = access.join(access.joinCodes(id).get(side.name()), players.get(side), "127.0.0.1");
                exercises.join(id, seat.playerId(), seat.name(), seat.role(), seat.side());
                seated.put(side, new Actor(seat.playerId(), seat.name(), Role.PLAYER, side));
            }
        }
        return id;
    }

    /** Sends commands to the exercise as the actor given, each with its own command id. */
    BiConsumer<Actor, Command> commands(String id) {
        int[] n = {0};
        return (actor, command) -> exercises.handle(id, actor, "c" + (++n[0]), command);
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
