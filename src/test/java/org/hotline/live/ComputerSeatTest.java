package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One human team (Washington) and one computer-played team (Moscow, tit-for-tat) play a whole exercise
 * over the wire; the computer answers proposals and submits in time, its moves are marked as
 * computer-played with their reasons, and it reads only its own team's channels. A team with a player
 * is replaced by a strategy (the player is told, the seat closes) and given back to people; only the
 * exercise's own facilitator may do either.
 */
class ComputerSeatTest extends WireTest {

    @Test
    void aHumanTeamPlaysAComputerTeamToTheEnd() {
        String facilitatorToken = wire.login();
        JsonNode created = wire.create(facilitatorToken, "AUTOMATIC", Map.of());
        String id = created.get("id").asString();
        JsonNode ana = wire.join(created.get("joinCodes").get("WASHINGTON").asString(), "Ana");
        String path = "/api/exercises/" + id + "/computer-seats";
        assertThat(wire.post(path, Map.of("side", "MOSCOW", "strategy", "tit-for-tat"), ana.get("token").asString()).status()).isEqualTo(403);
        assertThat(wire.post(path, Map.of("side", "WASHINGTON", "strategy", "grit"), facilitatorToken).body().get("message").asString())
                .contains("has players (Ana)", "replace them");
        assertThat(wire.post(path, Map.of("side", "MOSCOW", "strategy", "historical"), facilitatorToken).status()).isEqualTo(400);
        Wire.Response assigned = wire.post(path, Map.of("side", "MOSCOW", "strategy", "tit-for-tat"), facilitatorToken);
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
        String computer = assigned.body().get("playerId").asString();

        Wire.Client facilitator = connect(facilitatorToken).subscribeQueues().subscribe("/topic/exercise." + id + ".control");
        Wire.Client w1 = connect(ana.get("token").asString()).subscribeQueues().subscribe("/topic/exercise." + id + ".public")
                .subscribe("/topic/exercise." + id + ".diplomacy").subscribe("/topic/exercise." + id + ".team.WASHINGTON");
        facilitator.sync(id, Long.MAX_VALUE);
        w1.sync(id, Long.MAX_VALUE);
        Seats t = new Seats(id, facilitator);

        int turns = wire.get("/api/exercises/" + id, facilitatorToken).body().get("turns").asInt();
        t.control("START");
        int played = 0;
        for (int turn = 1; turn <= turns; turn++) {
            int thisTurn = turn;
            t.awaitPhase(w1, "BRIEFING", turn);
            t.control("ADVANCE");
            t.awaitPhase(w1, "DELIBERATION", turn);
            if (turn <= 2) { // the chat limit (5 in 10 s here) would refuse a line every fast turn
                t.ok(w1, "chat.team", Map.of("text", "SECRET-W-" + turn + ": we will press on cyber"));
            }
            t.ok(w1, "proposal", Map.of("action", "PROPOSE", "offered", Map.of("iran", "NEGOTIATE"),
                    "requested", Map.of("new-start-successor", "NEGOTIATE"), "text", "talks for talks"));
            w1.awaitEvent(e -> "PROPOSAL_ANSWERED".equals(e.get("type").asString()) && e.get("turn").asInt() == thisTurn);
            t.ok(w1, "draft", Map.of("issueId", "iran", "move", "NEGOTIATE", "argument", "as proposed"));
            t.ok(w1, "draft", Map.of("issueId", "cyber", "move", "PRESS", "argument", "pressure on cyber"));
            t.control("ADVANCE");
            t.awaitPhase(w1, "ORDERS", turn);
            t.ok(w1, "orders.submit", Map.of());
            JsonNode results = w1.awaitEvent(e -> "RESULTS_PUBLISHED".equals(e.get("type").asString()) && e.get("turn").asInt() == thisTurn);
            JsonNode moscow = results.get("payload").get("orders").get("MOSCOW");
            String reason = moscow.get("cyber").get("argument").asString();
            assertThat(reason).startsWith("[computer-played: tit-for-tat]");
            if (turn == 1) {
                assertThat(moscow.get("cyber").get("move").asString()).isEqualTo("NEGOTIATE");
            } else {
                // mirrors last turn's PRESS on cyber, or forgives it (generous tit-for-tat), and says which
                assertThat(moscow.get("cyber").get("move").asString() + " " + reason)
                        .matches("(PRESS .*PRESS here last turn in kind|NEGOTIATE .*forgives the rival's PRESS).*");
            }
            played = turn;
            if (turn == 1) {
                // what the computer has read, from the facilitator's list: its team's channels only, Washington's never
                org.awaitility.Awaitility.await().atMost(Wire.WAIT)
                        .until(() -> wire.get(path, facilitatorToken).body().get(0).get("ordersTurn").asInt() == 1);
                JsonNode seat = wire.get(path, facilitatorToken).body().get(0);
                assertThat(seat.get("playing").asBoolean()).isTrue();
                assertThat(seat.get("playerId").asString()).isEqualTo(computer);
                List<String> channels = new ArrayList<>();
                seat.get("read").properties().forEach(e -> channels.add(e.getKey()));
                assertThat(channels).contains("PUBLIC", "TEAM_MOSCOW").allMatch(Set.of("PUBLIC", "DIPLOMACY", "TEAM_MOSCOW")::contains);
                assertThat(seat.get("ordersTurn").asInt()).isEqualTo(1);
                assertThat(seat.get("lastOrders").findValuesAsString("reason")).isNotEmpty()
                        .allMatch(r -> r.startsWith("[computer-played: tit-for-tat]"));
            }
            if (w1.find("/topic/exercise." + id + ".public", e -> "EXERCISE_ENDED".equals(e.path("type").asString(null))).isPresent()) {
                break;
            }
            if (turn < turns) {
                t.awaitPhase(w1, "RESULTS", turn);
                t.control("ADVANCE");
            }
        }
        assertThat(played).isGreaterThanOrEqualTo(2);

        List<JsonNode> log = wire.log(id, facilitatorToken);
        assertThat(log).anyMatch(e -> "ORDERS_SUBMITTED".equals(e.get("type").asString()) && "MOSCOW".equals(e.get("payload").get("side").asString())
                && e.get("payload").get("name").asString().startsWith("Computer · "));
        assertThat(log).anyMatch(e -> "CHAT_TEAM".equals(e.get("type").asString())
                && e.get("payload").get("text").asString().startsWith("[computer-played: tit-for-tat]"));
        assertThat(log).noneMatch(e -> "ORDERS_DEFAULTED".equals(e.get("type").asString()));

        // what-if from turn 1: core-first against tit-for-tat, beside the path the teams took
        Wire.Response whatIf = wire.post("/api/analyses/what-if", Map.of("exerciseId", id, "turn", 1, "washington", "core-first",
                "moscow", "tit-for-tat", "runs", 40, "seed", 5), facilitatorToken);
        assertThat(whatIf.status()).as(whatIf.toString()).isEqualTo(200);
        assertThat(whatIf.body().get("whatIf").get("runs").asInt()).isEqualTo(40);
        assertThat(whatIf.body().get("summary").asString()).contains("core-first against tit-for-tat from turn 1 ends at");
        // the path the teams took, measured as the runs are
        assertThat(whatIf.body().get("actualMetrics").get("END_TENSION").asDouble()).isEqualTo(whatIf.body().get("actual").get("tension").asDouble());
        assertThat(whatIf.body().get("actualMetrics").get("MOSCOW_COOPERATION").isNumber()).isTrue();
        assertThat(wire.post("/api/analyses/what-if", Map.of("exerciseId", id, "turn", 1, "washington", "core-first",
                "moscow", "tit-for-tat", "runs", 40), ana.get("token").asString()).status()).isEqualTo(403);

        // Washington's team chat never reached Moscow's channels
        assertThat(wire.log(id, facilitatorToken)).filteredOn(e -> e.get("payload").toString().contains("SECRET-W"))
                .isNotEmpty().allMatch(e -> e.get("channel").asString().equals("TEAM_WASHINGTON"));
        // A run that reached its last turn without conflict is still in Results: the facilitator ends it.
        if (w1.find("/topic/exercise." + id + ".public", e -> "EXERCISE_ENDED".equals(e.path("type").asString(null))).isEmpty()) {
            t.control("END");
        }
        w1.awaitEvent(e -> "EXERCISE_ENDED".equals(e.path("type").asString(null)));
        assertThat(wire.get(path, facilitatorToken).body().get(0).get("playing").asBoolean()).as("stopped once the exercise ended").isFalse();
    }

    @Test
    void onlyTheExercisesOwnFacilitatorGivesTeamsToTheComputerOrTakesThemBack() {
        String owner = wire.login();
        JsonNode created = wire.create(owner, "AUTOMATIC", Map.of());
        String id = created.get("id").asString();
        JsonNode codes = created.get("joinCodes");
        String player = wire.join(codes.get("WASHINGTON").asString(), "Ana").get("token").asString();
        String observer = wire.join(codes.get("OBSERVER").asString(), "Projector").get("token").asString();
        String notetaker = wire.join(codes.get("NOTETAKER").asString(), "Nora").get("token").asString();
        String other = "grey-" + System.nanoTime();
        assertThat(wire.post("/api/accounts", Map.of("username", other, "password", "grey-cell-password"), owner).status()).isEqualTo(201);
        String otherFacilitator = wire.post("/api/login", Map.of("username", other, "password", "grey-cell-password"), null).body()
                .get("token").asString();
        String analystName = "ana.lyst-" + System.nanoTime();
        assertThat(wire.post("/api/analysts", Map.of("username", analystName, "password", "analyst-password"), owner).status()).isEqualTo(201);
        String analyst = wire.post("/api/login", Map.of("username", analystName, "password", "analyst-password"), null).body()
                .get("token").asString();
        String path = "/api/exercises/" + id + "/computer-seats";
        Map<String, String> assign = Map.of("side", "MOSCOW", "strategy", "grit");
        Map<String, String> back = Map.of("side", "MOSCOW");
        for (String refused : List.of(otherFacilitator, analyst, observer, notetaker, player)) {
            assertThat(wire.post(path, assign, refused).status()).isEqualTo(403);
            assertThat(wire.get(path, refused).status()).isEqualTo(403);
            assertThat(wire.post(path + "/give-back", back, refused).status()).isEqualTo(403);
        }
        assertThat(wire.post(path, assign, null).status()).isEqualTo(401);
        assertThat(wire.get(path, null).status()).isEqualTo(401);
        assertThat(wire.post(path + "/give-back", back, null).status()).isEqualTo(401);
        assertThat(wire.get(path, owner).body().size()).as("nothing assigned by the refused calls").isZero();

        assertThat(wire.post(path, assign, owner).status()).isEqualTo(201);
        Wire.Response twice = wire.post(path, Map.of("side", "MOSCOW", "strategy", "tit-for-tat"), owner);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body().get("message").asString()).contains("already plays");
        assertThat(wire.post(path, Map.of("side", "CHINA", "strategy", "grit"), owner).body().get("message").asString())
                .contains("WASHINGTON or MOSCOW");
        assertThat(wire.post(path + "/give-back", Map.of("side", "WASHINGTON"), owner).body().get("message").asString())
                .contains("No computer plays that team");
        assertThat(wire.post(path + "/give-back", back, otherFacilitator).status()).isEqualTo(403);
        assertThat(wire.get(path, owner).body().get(0).get("strategy").asString()).isEqualTo("grit");
    }

    @Test
    void aTeamWithAPlayerIsHandedToTheComputerAndGivenBackToPeople() {
        String facilitatorToken = wire.login();
        JsonNode created = wire.create(facilitatorToken, "AUTOMATIC", Map.of());
        String id = created.get("id").asString();
        String moscowCode = created.get("joinCodes").get("MOSCOW").asString();
        JsonNode oleg = wire.join(moscowCode, "Oleg");
        JsonNode ana = wire.join(created.get("joinCodes").get("WASHINGTON").asString(), "Ana");
        Wire.Client m1 = connect(oleg.get("token").asString()).subscribeQueues().subscribe("/topic/exercise." + id + ".public")
                .subscribe("/topic/exercise." + id + ".team.MOSCOW");
        Wire.Client facilitator = connect(facilitatorToken).subscribeQueues().subscribe("/topic/exercise." + id + ".control");
        Wire.Client w1 = connect(ana.get("token").asString()).subscribeQueues().subscribe("/topic/exercise." + id + ".public")
                .subscribe("/topic/exercise." + id + ".team.WASHINGTON");
        m1.sync(id, Long.MAX_VALUE);
        facilitator.sync(id, Long.MAX_VALUE);
        w1.sync(id, Long.MAX_VALUE);
        Seats t = new Seats(id, facilitator);
        String path = "/api/exercises/" + id + "/computer-seats";

        Wire.Response refused = wire.post(path, Map.of("side", "MOSCOW", "strategy", "tit-for-tat"), facilitatorToken);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("message").asString()).contains("Oleg");
        Wire.Response replaced = wire.post(path, Map.of("side", "MOSCOW", "strategy", "tit-for-tat", "replace", true), facilitatorToken);
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(201);
        assertThat(replaced.body().get("replaced").get(0).asString()).isEqualTo("Oleg");
        // Oleg's team is told in its chat, then his seat closes. (Whether his open console still gets that
        // line depends on the order in which the broker's queue and the seat's closing reach his session:
        // a known gap, see issue 14's note; the log's order is what is guaranteed.)
        org.awaitility.Awaitility.await().atMost(Wire.WAIT)
                .until(() -> wire.get("/api/exercises/" + id, oleg.get("token").asString()).status() == 401);
        List<JsonNode> log = wire.log(id, facilitatorToken);
        int told = indexOf(log, e -> "CHAT_TEAM".equals(e.get("type").asString()) && "TEAM_MOSCOW".equals(e.get("channel").asString())
                && e.get("payload").get("text").asString().contains("handed this team to the computer"));
        int removed = indexOf(log, e -> "PLAYER_REMOVED".equals(e.get("type").asString()) && "Oleg".equals(e.get("payload").get("name").asString()));
        assertThat(told).as("the team is told in its chat").isNotNegative();
        assertThat(log.get(told).get("payload").get("text").asString()).contains("observer code");
        assertThat(removed).as("before Oleg's seat is removed").isGreaterThan(told);
        assertThat(wire.post("/api/join", Map.of("code", moscowCode, "name", "Oleg again"), null).status())
                .as("the old team code no longer works").isEqualTo(403);

        t.control("START");
        t.awaitPhase(w1, "BRIEFING", 1);
        t.control("ADVANCE");
        t.awaitPhase(w1, "DELIBERATION", 1);
        t.control("ADVANCE");
        t.awaitPhase(w1, "ORDERS", 1);
        org.awaitility.Awaitility.await().atMost(Wire.WAIT).until(() -> submitted(id, facilitatorToken, 1));

        Wire.Response back = wire.post(path + "/give-back", Map.of("side", "MOSCOW"), facilitatorToken);
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        String newCode = back.body().get("joinCode").asString();
        assertThat(newCode).isNotEqualTo(moscowCode);
        assertThat(back.body().get("message").asString()).contains(newCode);
        assertThat(wire.get(path, facilitatorToken).body().size()).isZero();
        assertThat(wire.log(id, facilitatorToken)).anyMatch(e -> "PLAYER_REMOVED".equals(e.get("type").asString())
                && e.get("payload").get("name").asString().startsWith("Computer · "));
        JsonNode pavel = wire.join(newCode, "Pavel");
        assertThat(pavel.get("side").asString()).isEqualTo("MOSCOW");

        // turn 2: the computer no longer plays; Moscow's orders are Pavel's
        t.ok(w1, "orders.submit", Map.of());
        t.awaitPhase(w1, "RESULTS", 1);
        t.control("ADVANCE");
        t.awaitPhase(w1, "BRIEFING", 2);
        t.control("ADVANCE");
        t.awaitPhase(w1, "DELIBERATION", 2);
        t.control("ADVANCE");
        t.awaitPhase(w1, "ORDERS", 2);
        Wire.Client m2 = connect(pavel.get("token").asString()).subscribeQueues().subscribe("/topic/exercise." + id + ".team.MOSCOW");
        m2.sync(id, Long.MAX_VALUE);
        assertThat(submitted(id, facilitatorToken, 2)).as("nothing submitted for Moscow by a computer in turn 2").isFalse();
        t.ok(m2, "orders.submit", Map.of());
        assertThat(wire.log(id, facilitatorToken)).anyMatch(e -> "ORDERS_SUBMITTED".equals(e.get("type").asString())
                && e.get("turn").asInt() == 2 && "Pavel".equals(e.get("payload").get("name").asString()));
    }

    /** Whether a computer seat submitted Moscow's orders in the turn. */
    private boolean submitted(String id, String token, int turn) {
        return wire.log(id, token).stream().anyMatch(e -> "ORDERS_SUBMITTED".equals(e.get("type").asString()) && e.get("turn").asInt() == turn
                && "MOSCOW".equals(e.get("payload").get("side").asString()) && e.get("payload").get("name").asString().startsWith("Computer · "));
    }

    /** The facilitator's commands and a player's, answered before the test goes on. */
    private final class Seats {
        final String id;
        final Wire.Client facilitator;

        Seats(String id, Wire.Client facilitator) {
            this.id = id;
            this.facilitator = facilitator;
        }

        void control(String type) {
            ok(facilitator, "control", Map.of("type", type));
        }

        void ok(Wire.Client client, String command, Map<String, ?> body) {
            String commandId = client.send("/app/exercise." + id + "." + command, body);
            org.awaitility.Awaitility.await().atMost(Wire.WAIT).until(() -> client.find("/user/queue/replies",
                    b -> commandId.equals(b.path("commandId").asString(null))).isPresent()
                    || client.find("/user/queue/errors", b -> commandId.equals(b.path("commandId").asString(null))).isPresent());
            client.find("/user/queue/errors", b -> commandId.equals(b.path("commandId").asString(null))).ifPresent(e -> {
                throw new AssertionError("refused: " + e);
            });
        }

        void awaitPhase(Wire.Client client, String phase, int turn) {
            client.awaitEvent(e -> "PHASE_CHANGED".equals(e.path("type").asString(null))
                    && phase.equals(e.get("payload").get("phase").asString()) && e.get("payload").get("turn").asInt() == turn);
        }
    }

    private static int indexOf(List<JsonNode> log, java.util.function.Predicate<JsonNode> match) {
        for (int i = 0; i < log.size(); i++) {
            if (match.test(log.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
