package org.hotline.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebDriver;

/**
 * A test class played by a facilitator and one player per team, each in their own browser, on the
 * server of the class's {@link Room} ({@code super(ROOM)} with {@code ROOM = FacilitatorAndTeams.room()}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FacilitatorAndTeams {

    private final Room room;
    Server server;
    WebDriver facilitator;
    WebDriver washington;
    WebDriver moscow;

    /** The room such a class registers ({@code @RegisterExtension static final Room ROOM}). */
    static Room room() {
        return new Room("facilitator", "washington", "moscow");
    }

    FacilitatorAndTeams(Room room) {
        this.room = room;
    }

    @BeforeAll
    void seats() {
        server = room.server();
        facilitator = room.driver("facilitator");
        washington = room.driver("washington");
        moscow = room.driver("moscow");
    }
}
