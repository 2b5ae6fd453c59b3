package org.hotline;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test whose class starts the application (its own {@code @SpringBootTest}, with its own database)
 * and sets exercises up through the services, which is quicker than over the wire or through the pages
 * where those are not what the test is about.
 */
public abstract class OnTheServices {

    @LocalServerPort
    protected int port;
    @Autowired
    protected Exercises exercises;
    @Autowired
    protected Access access;

    /** A new automatic exercise of the scenario, the owner's, with a player seated on each side named (in side order). */
    protected String exercise(String owner, String scenarioId, Map<Side, String> players, Map<Side, Actor> seated) {
        String id = exercises.create(owner, new NewExercise(scenarioId, Mode.AUTOMATIC, 5L, Map.of()), x -> { }).id();
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
    protected BiConsumer<Actor, Command> commands(String id) {
        int[] n = {0};
        return (actor, command) -> exercises.handle(id, actor, "c" + (++n[0]), command);
    }
}
