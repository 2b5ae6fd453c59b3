package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The facilitator's console over the wire: review and override, the clock, injects, the roster, proposals. */
class FacilitatorCommandsTest extends WireTest {

    @Test
    void reviewedModeKeepsTheEnginesVersionAndTheFacilitatorsEdit() {
        Table t = new Table("REVIEWED", Map.of());
        String issue = t.issues().get(0);
        t.control(Map.of("type", "START"));
        t.control(Map.of("type", "ADVANCE"));
        // A linkage offer, countered, and the counter accepted: it reaches adjudication.
        t.ok(t.w1, "proposal", Map.of("action", "PROPOSE", "offered", Map.of(issue, "DRAWDOWN"), "requested", Map.of(issue, "CONCEDE")));
        JsonNode offer = t.m1.awaitEvent(e -> e.get("type").asString().equals("PROPOSAL_MADE"));
        t.ok(t.m1, "proposal", Map.of("action", "COUNTER", "proposalId", offer.get("payload").get("proposalId").asString(),
                "offered", Map.of(issue, "NEGOTIATE"), "requested", Map.of(issue, "NEGOTIATE"), "text", "talks instead"));
        JsonNode counter = t.w2.awaitEvent(e -> e.get("type").asString().equals("PROPOSAL_MADE") && !e.get("payload").get("counterTo").isNull());
        t.ok(t.w2, "proposal", Map.of("action", "ACCEPT", "proposalId", counter.get("payload").get("proposalId").asString()));
        t.ok(t.w1, "draft", Map.of("issueId", issue, "move", "NEGOTIATE", "argument", "as agreed"));
        t.ok(t.m1, "draft", Map.of("issueId", issue, "move", "NEGOTIATE", "argument", "as agreed"));
        t.control(Map.of("type", "ADVANCE"));
        t.ok(t.w1, "orders.submit", Map.of());
        t.control(Map.of("type", "RATE_ARGUMENT", "side", "WASHINGTON", "issueId", issue, "rating", 1));
        t.ok(t.m1, "orders.submit", Map.of());
        JsonNode draft = t.facilitator.awaitEvent(e -> e.get("type").asString().equals("ADJUDICATION_DRAFTED"));
        assertThat(draft.get("payload").get("input").get("accepted")).hasSize(1);
        assertThat(draft.get("payload").get("input").get("argumentRatings").get("WASHINGTON").get(issue).asInt()).isEqualTo(1);
        t.control(Map.of("type", "RATE_ARGUMENT", "side", "MOSCOW", "issueId", issue, "rating", -1));
        t.facilitator.awaitEvent(e -> e.get("type").asString().equals("ADJUDICATION_DRAFTED") && e.get("seq").asLong() > draft.get("seq").asLong());
        assertThat(t.w1.event("RESULTS_PUBLISHED")).isEmpty();
        assertThat(t.refused(t.facilitator, "control", Map.of("type", "EDIT", "summary", "no rationale"))
                .get("code").asString()).isEqualTo("INVALID");
        t.control(Map.of("type", "EDIT", "rationale", "The room judged the talks stalled", "summary", "Talks stall; tension rises",
                "changes", List.of(Map.of("variable", "tension", "delta", 10))));
        JsonNode results = t.m2.awaitEvent(e -> e.get("type").asString().equals("RESULTS_PUBLISHED"));
        assertThat(results.get("payload").get("summary").asString()).isEqualTo("Talks stall; tension rises");
        assertThat(results.get("payload").get("decidedBy").asString()).isEqualTo("FACILITATOR");
        List<JsonNode> log = Wire.wholeStates(wire.log(t.id, t.facilitatorToken));
        JsonNode engines = last(log, "ADJUDICATION_DRAFTED");
        JsonNode decided = last(log, "ADJUDICATION_DECIDED");
        assertThat(decided.get("payload").get("rationale").asString()).isEqualTo("The room judged the talks stalled");
        double engineTension = engines.get("payload").get("outcome").get("after").get("tension").asDouble();
        double published = results.get("payload").get("tension").asDouble();
        assertThat(published).isEqualTo(Math.min(100, engineTension + 10));
    }

    @Test
    void freeModeTakesTheFacilitatorsOutcome() {
        Table t = new Table("FREE", Map.of());
        t.control(Map.of("type", "START"));
        t.control(Map.of("type", "ADVANCE"));
        t.control(Map.of("type", "ADVANCE"));
        t.control(Map.of("type", "LOCK_ORDERS"));
        assertThat(t.refused(t.facilitator, "control", Map.of("type", "APPROVE", "rationale", "fine")).get("code").asString())
                .isEqualTo("WRONG_PHASE");
        JsonNode draft = t.facilitator.awaitEvent(e -> e.get("type").asString().equals("ADJUDICATION_DRAFTED"));
        // The draft leaves out the state before (the last STATE_FULL's): the log, read as a client reads it, has it.
        JsonNode engines = last(Wire.wholeStates(wire.log(t.id, t.facilitatorToken)), "ADJUDICATION_DRAFTED").get("payload").get("outcome");
        assertThat(draft.at("/payload/outcome/before").isMissingNode()).isTrue();
        double tensionBefore = engines.get("before").get("tension").asDouble();
        assertThat(t.refused(t.facilitator, "control", Map.of("type", "OVERRIDE", "rationale", "r", "summary", "s",
                "byIssue", Map.of("atlantis", "sinks"))).get("code").asString()).isEqualTo("UNKNOWN_ISSUE");
        assertThat(t.refused(t.facilitator, "control", Map.of("type", "OVERRIDE", "rationale", "r", "summary", "s",
                "byIssue", Map.of(t.issues().get(0), "x".repeat(2001)))).get("message").asString()).contains("byIssue", "2000");
        // The facilitator writes the outcome on the state before adjudication; the engine's result was advice only.
        t.control(Map.of("type", "OVERRIDE", "rationale", "Nobody moved", "summary", "A quiet year",
                "byIssue", Map.of(t.issues().get(0), "Nothing happened here"),
                "changes", List.of(Map.of("variable", "tension", "delta", 3))));
        JsonNode results = t.w1.awaitEvent(e -> e.get("type").asString().equals("RESULTS_PUBLISHED"));
        assertThat(results.get("payload").get("summary").asString()).isEqualTo("A quiet year");
        assertThat(results.get("payload").get("byIssue").get(t.issues().get(0)).asString()).isEqualTo("Nothing happened here");
        assertThat(results.get("payload").get("tension").asDouble()).isEqualTo(Math.min(100, tensionBefore + 3));
        assertThat(engines.get("after").get("tension").asDouble()).isNotEqualTo(tensionBefore);
        assertThat(t.w1.events().stream().filter(e -> e.get("type").asString().equals("ORDERS_DEFAULTED"))).hasSize(2);
        List<JsonNode> log = wire.log(t.id, t.facilitatorToken);
        assertThat(last(log, "ADJUDICATION_DRAFTED").get("payload")).isEqualTo(draft.get("payload"));
        assertThat(last(log, "ADJUDICATION_DECIDED").get("payload").get("decision").asString()).isEqualTo("OVERRIDE");
    }

    @Test
    void theClockPausesResumesExtendsAndCuts() {
        Table t = new Table("AUTOMATIC", Map.of("BRIEFING", 600));
        t.control(Map.of("type", "START"));
        JsonNode briefing = t.awaitPhase(t.w1, "BRIEFING", 1);
        assertThat(briefing.get("payload").get("deadline").isNull()).isFalse();
        t.control(Map.of("type", "PAUSE"));
        JsonNode paused = t.w1.awaitEvent(e -> e.get("type").asString().equals("CLOCK_CHANGED"));
        assertThat(paused.get("payload").get("paused").asBoolean()).isTrue();
        assertThat(paused.get("payload").get("remainingSeconds").asLong()).isBetween(590L, 600L);
        t.control(Map.of("type", "EXTEND", "seconds", 60));
        t.control(Map.of("type", "RESUME"));
        JsonNode resumed = t.w1.awaitEvent(e -> e.get("type").asString().equals("CLOCK_CHANGED")
                && e.get("payload").get("action").asString().equals("RESUME"));
        assertThat(resumed.get("payload").get("deadline").asString()).isNotBlank();
        JsonNode view = wire.get("/api/exercises/" + t.id, t.w1Seat.get("token").asString()).body();
        assertThat(view.get("deadline").asString()).isEqualTo(resumed.get("payload").get("deadline").asString());
        t.control(Map.of("type", "CUT"));
        JsonNode cut = t.awaitPhase(t.w1, "DELIBERATION", 1);
        assertThat(cut.get("payload").get("reason").asString()).contains("cut short");
        assertThat(cut.get("payload").has("deadline")).isFalse();
    }

    @Test
    void injectsReachTheirAudienceOnly() {
        Table t = new Table("AUTOMATIC", Map.of());
        t.control(Map.of("type", "START"));
        t.control(Map.of("type", "RELEASE_INJECT", "inject", Map.of("title", "Moscow alone", "text", "MOSCOWONLYINJECT",
                "audience", "MOSCOW", "changes", List.of())));
        t.control(Map.of("type", "RELEASE_INJECT", "inject", Map.of("title", "For all", "text", "PUBLICINJECT")));
        t.w1.awaitEvent(e -> e.toString().contains("PUBLICINJECT"));
        t.m1.awaitEvent(e -> e.toString().contains("MOSCOWONLYINJECT"));
        t.w1.sync(t.id, 0);
        assertThat(t.w1.events().toString()).doesNotContain("MOSCOWONLYINJECT");
        assertThat(t.observer.events().toString()).doesNotContain("MOSCOWONLYINJECT").contains("PUBLICINJECT");
        // A scenario inject held for the facilitator: released once, and only once.
        t.control(Map.of("type", "RELEASE_INJECT", "injectId", "us-china-thaw"));
        t.w1.awaitEvent(e -> e.get("type").asString().equals("INJECT_RELEASED")
                && e.get("payload").get("injectId").asString().equals("us-china-thaw"));
        assertThat(t.refused(t.facilitator, "control", Map.of("type", "RELEASE_INJECT", "injectId", "us-china-thaw"))
                .get("message").asString()).contains("already been released");
    }

    @Test
    void aRemovedPlayerIsCutOffAndAMovedPlayerChangesTeam() {
        Table t = new Table("AUTOMATIC", Map.of());
        String moved = t.m1Seat.get("playerId").asString();
        String removed = t.w1Seat.get("playerId").asString();
        t.control(Map.of("type", "REMOVE_PLAYER", "playerId", removed));
        t.control(Map.of("type", "MOVE_PLAYER", "playerId", moved, "side", "WASHINGTON"));
        await().atMost(Wire.WAIT).until(() -> !t.w1.connected() && !t.m1.connected());
        assertThat(wire.get("/api/exercises/" + t.id, t.w1Seat.get("token").asString()).status()).isEqualTo(401);
        Wire.Client again = connect(t.m1Seat.get("token").asString()).subscribeQueues().subscribe(t.topic("team.WASHINGTON"));
        again.sync(t.id, 0);
        assertThat(again.bodies("/user/queue/errors")).isEmpty();
        again.subscribe(t.topic("team.MOSCOW"));
        assertThat(again.awaitOne("/user/queue/errors", e -> true).get("code").asString()).isEqualTo("FORBIDDEN");
        JsonNode view = wire.get("/api/exercises/" + t.id, t.m1Seat.get("token").asString()).body();
        assertThat(view.get("you").get("side").asString()).isEqualTo("WASHINGTON");
        assertThat(view.get("players").findValuesAsString("playerId")).doesNotContain(removed);
    }

    @Test
    void theFacilitatorSeesAPlayerConnectedUntilTheirLastSessionCloses() {
        Table t = new Table("AUTOMATIC", Map.of());
        String ana = t.w1Seat.get("playerId").asString();
        String oleg = t.m1Seat.get("playerId").asString();
        assertThat(connected(t)).contains(ana, oleg);
        Wire.Client anaAgain = connect(t.w1Seat.get("token").asString()).subscribeQueues();
        anaAgain.sync(t.id, Long.MAX_VALUE);
        t.w1.disconnect();
        t.m1.disconnect();
        await().atMost(Wire.WAIT).until(() -> !connected(t).contains(oleg));
        await().during(Duration.ofSeconds(1)).atMost(Wire.WAIT).until(() -> connected(t).contains(ana));
        anaAgain.disconnect();
        await().atMost(Wire.WAIT).until(() -> !connected(t).contains(ana));
        Wire.Client back = connect(t.w1Seat.get("token").asString()).subscribeQueues();
        back.sync(t.id, Long.MAX_VALUE);
        assertThat(connected(t)).contains(ana);
    }

    private List<String> connected(Table t) {
        return wire.get("/api/exercises/" + t.id + "/presence", t.facilitatorToken).body().get("connected").valueStream()
                .map(JsonNode::asString).toList();
    }

    private static JsonNode last(List<JsonNode> log, String type) {
        JsonNode found = null;
        for (JsonNode event : log) {
            if (event.get("type").asString().equals(type)) {
                found = event;
            }
        }
        return found;
    }
}
