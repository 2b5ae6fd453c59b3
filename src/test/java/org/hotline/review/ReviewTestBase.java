package org.hotline.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.HotlineApplication;
import org.hotline.access.Role;
import org.hotline.exercise.Ack;
import org.hotline.exercise.Actor;
import org.hotline.exercise.Channel;
import org.hotline.exercise.Command;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.Exercises;
import org.hotline.live.Wire;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real server on a random port with a fresh in-memory database. Exercises are played through the
 * exercise service (fast, and the same commands the wire carries); the review is read over REST with
 * tokens, as clients do.
 */
@SpringBootTest(classes = HotlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:sqlite:${java.io.tmpdir}/hotline-test-review-${random.uuid}.db",
                "hotline.admin.username=" + Wire.ADMIN, "hotline.admin.password=" + Wire.ADMIN_PASSWORD,
                "hotline.access.failed-joins-per-minute=1000"})
abstract class ReviewTestBase {

    static final String SCENARIO = "cs3-detente";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Exercises exercises;
    Wire wire;
    String facilitatorToken;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void connect() {
        wire = new Wire(port);
        facilitatorToken = wire.login();
    }

    /** An exercise as a table of people: the facilitator's view of ids, seats and tokens. */
    final class Table {
        final String id;
        final JsonNode codes;
        final JsonNode washington;
        final JsonNode moscow;
        final Actor control = Actor.facilitator(Wire.ADMIN);
        private int commands;

        Table(String mode, long seed) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("scenarioId", SCENARIO);
            request.put("mode", mode);
            request.put("seed", seed);
            Wire.Response created = wire.post("/api/exercises", request, facilitatorToken);
            assertThat(created.status()).isEqualTo(201);
            id = created.body().get("id").asString();
            codes = created.body().get("joinCodes");
            washington = wire.join(codes.get("WASHINGTON").asString(), "Ana");
            moscow = wire.join(codes.get("MOSCOW").asString(), "Boris");
        }

        /** Another exercise played by the same seats (a branch keeps the source's roster). */
        Table(String id, Table seats) {
            this.id = id;
            this.codes = null;
            this.washington = seats.washington;
            this.moscow = seats.moscow;
        }

        String token(Side side) {
            return (side == Side.WASHINGTON ? washington : moscow).get("token").asString();
        }

        Actor player(Side side) {
            JsonNode seat = side == Side.WASHINGTON ? washington : moscow;
            return new Actor(seat.get("playerId").asString(), seat.get("name").asString(), Role.PLAYER, side);
        }

        Ack send(Actor actor, Command command) {
            return exercises.handle(id, actor, id + "-c" + (++commands), command);
        }

        /** A facilitator command without fields, read by its wire name as the control destination reads it. */
        Ack control(String type) {
            return control(JSON.convertValue(Map.of("type", type), Command.Control.class));
        }

        Ack control(Command.Control command) {
            return send(control, command);
        }

        void draft(Side side, String issue, String move, boolean redLine, String argument) {
            send(player(side), new Command.DraftLine(issue, move, redLine, argument));
        }

        /**
         * One turn of the scripted play, from BRIEFING to RESULTS: chat, a linkage offer accepted,
         * drafts (turn 2 argues talks while pressing; Moscow's red line on naval forces in turn 1 is
         * given up in turn 3), an ad-hoc and a held inject in turn 2, a facilitator edit in turn 2
         * (REVIEWED), Moscow defaulting in turn 4.
         */
        void playTurn(int turn, boolean reviewed) {
            control(new Command.Control.Advance());
            send(player(Side.WASHINGTON), new Command.ChatTeam("turn " + turn + ": keep the arms talks alive"));
            send(player(Side.MOSCOW), new Command.ChatDiplomacy("Moscow is ready to talk about arms, turn " + turn));
            Ack offer = send(player(Side.WASHINGTON), new Command.ProposalAction("PROPOSE", null, Map.of("arms", "NEGOTIATE"),
                    Map.of("arms", "NEGOTIATE"), "arms talks for arms talks"));
            send(player(Side.MOSCOW), new Command.ProposalAction("ACCEPT", "P" + offer.firstSeq(), null, null, null));
            if (turn == 2) {
                control(new Command.Control.ReleaseInject(null, new Command.AdHocInject("Summit leak", "A draft communique leaks.", "ALL",
                        List.of(new Command.StateChange("washington.trust", 4.0, null)))));
                control(new Command.Control.ReleaseInject("october-war", null));
                send(control, new Command.Note("MOMENT", "Washington presses in Vietnam while talking arms", "vietnam"));
            }
            draft(Side.WASHINGTON, "arms", "NEGOTIATE", false, "Verification and cost: talks serve both sides");
            draft(Side.WASHINGTON, "berlin", "ALLY_OUTREACH", false, "Bonn's treaties settle the border question");
            draft(Side.WASHINGTON, "vietnam", "PRESS", false,
                    turn == 2 ? "We negotiate in good faith" : "Keep up the pressure on Hanoi");
            draft(Side.MOSCOW, "arms", "NEGOTIATE", false, "Parity is within reach");
            if (turn == 1) {
                draft(Side.MOSCOW, "naval", "PRESS", true, "Our fleet stays in the Mediterranean");
            } else if (turn == 3) {
                draft(Side.MOSCOW, "naval", "CONCEDE", false, "An incidents-at-sea deal is worth a step back");
            }
            control(new Command.Control.Advance());
            send(player(Side.WASHINGTON), new Command.SubmitOrders());
            if (turn == 4) {
                control(new Command.Control.LockOrders());
            } else {
                send(player(Side.MOSCOW), new Command.SubmitOrders());
            }
            if (reviewed) {
                control(new Command.Control.RateArgument("WASHINGTON", "arms", 1));
                if (turn == 2) {
                    control(new Command.Control.Decide("EDIT", "The leak hardened Moscow's line", "Talks continue under a cloud", null,
                            List.of(new Command.StateChange("tension", 3.0, null))));
                } else {
                    control(Command.Control.Decide.approve("The engine's reading stands"));
                }
            }
        }

        /** Plays {@code turns} turns from the lobby and ends the exercise. */
        Table play(int turns, boolean reviewed) {
            control(new Command.Control.Start());
            for (int turn = 1; turn <= turns; turn++) {
                if (turn > 1) {
                    control(new Command.Control.Advance());
                }
                playTurn(turn, reviewed);
            }
            control(new Command.Control.End("four turns played"));
            return this;
        }

        List<ExerciseEvent> log() {
            return exercises.events(id, 0, EnumSet.allOf(Channel.class));
        }
    }

    record Text(int status, String contentType, String body) {
    }

    Text text(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Text(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
