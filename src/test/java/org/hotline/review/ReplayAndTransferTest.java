package org.hotline.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.engine.Adjudicator;
import org.hotline.engine.GameState;
import org.hotline.exercise.Command;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.EventType;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.review.internal.Replay;
import org.hotline.scenario.ScenarioCatalog;
import org.hotline.live.Wire;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Re-adjudication of played logs, export and import, and branching. */
class ReplayAndTransferTest extends ReviewTestBase {

    @Autowired
    Adjudicator engine;
    @Autowired
    ScenarioCatalog catalog;
    @Autowired
    JsonMapper json;

    @Test
    void reAdjudicatingAPlayedLogReproducesEveryRecordedState() {
        Table table = new Table("REVIEWED", 11).play(4, true);
        List<ExerciseEvent> log = table.log();
        Replay.Result result = new Replay(engine, json).run(catalog.find(SCENARIO).orElseThrow(), log);

        assertThat(result.mismatches()).isEmpty();
        assertThat(result.statesChecked()).isEqualTo(count(log, "STATE_FULL")).isGreaterThan(8);
        assertThat(result.outcomesChecked()).isEqualTo(count(log, "ADJUDICATION_DRAFTED")).isGreaterThanOrEqualTo(8);
        assertThat(result.turns()).extracting(Replay.TurnState::turn).containsExactly(0, 1, 2, 3, 4);
        assertThat(count(log, "INJECT_RELEASED")).isGreaterThanOrEqualTo(2);
        assertThat(log).anyMatch(e -> e.payload() instanceof EventPayload.AdjudicationDecided d && d.decision().equals("EDIT"));

        // The check can fail: one nudged number in one recorded state is caught, at that event.
        ExerciseEvent state = log.stream().filter(e -> e.type() == EventType.STATE_FULL && e.turn() == 3).findFirst().orElseThrow();
        List<ExerciseEvent> tampered = new ArrayList<>(log);
        EventPayload.StateFull recorded = state.payload(EventPayload.StateFull.class);
        ObjectNode nudged = json.valueToTree(recorded.state());
        nudged.put("tension", recorded.state().tension() + 0.5);
        tampered.set((int) state.seq() - 1, state.with(state.exerciseId(), new EventPayload.StateFull(
                json.treeToValue(nudged, GameState.class), recorded.effects(), recorded.reason())));
        Replay.Result caught = new Replay(engine, json).run(catalog.find(SCENARIO).orElseThrow(), tampered);
        assertThat(caught.mismatches()).extracting(Replay.Mismatch::seq).contains(state.seq());
        assertThat(caught.mismatches().get(0).what()).contains("/tension");
    }

    @Test
    void exportThenImportGivesAnEqualLogAndEqualStates() {
        Table table = new Table("REVIEWED", 12).play(4, true);
        Wire.Response exported = wire.get("/api/reviews/" + table.id + "/log.json", facilitatorToken);
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.body().get("schema").asString()).isEqualTo("hotline.exercise-log");
        assertThat(exported.body().get("version").asInt()).isEqualTo(1);

        Wire.Response imported = wire.post("/api/reviews/import", exported.body(), facilitatorToken);
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        String copy = imported.body().get("id").asString();
        assertThat(copy).isNotEqualTo(table.id);
        assertThat(imported.body().get("phase").asString()).isEqualTo("ENDED");

        JsonNode original = exported.body().get("events");
        // The facilitator's log as sent (states and drafts as changes) made whole as a client makes it is the exported, whole one.
        List<JsonNode> sent = wire.log(table.id, facilitatorToken);
        assertThat(sent).filteredOn(e -> e.get("type").asString().equals("STATE_FULL")).hasSizeGreaterThan(4)
                .filteredOn(e -> e.at("/payload/state").isMissingNode()).hasSizeGreaterThan(4);
        assertThat(sent).filteredOn(e -> e.get("type").asString().equals("ADJUDICATION_DRAFTED")).isNotEmpty()
                .allMatch(e -> e.at("/payload/outcome/before").isMissingNode());
        List<JsonNode> exportedControl = new ArrayList<>();
        List<JsonNode> exportedEvents = new ArrayList<>();
        original.forEach(exportedEvents::add);
        // The exported drafts too leave out the moves as read when not misread, and write a run of dice as one entry.
        Wire.wholeStates(exportedEvents).forEach(e -> {
            if (List.of("STATE_FULL", "ADJUDICATION_DRAFTED").contains(e.get("type").asString())) {
                exportedControl.add(setsSorted(e.get("payload")));
            }
        });
        assertThat(Wire.wholeStates(sent).stream().filter(e -> List.of("STATE_FULL", "ADJUDICATION_DRAFTED").contains(e.get("type").asString()))
                .map(e -> setsSorted(e.get("payload"))).toList()).isEqualTo(exportedControl);
        JsonNode again = wire.get("/api/reviews/" + copy + "/log.json", facilitatorToken).body().get("events");
        assertThat(again.size()).isEqualTo(original.size());
        for (int i = 0; i < original.size(); i++) {
            ObjectNode a = ((ObjectNode) original.get(i)).deepCopy();
            ObjectNode b = ((ObjectNode) again.get(i)).deepCopy();
            assertThat(b.remove("exerciseId").asString()).isEqualTo(copy);
            a.remove("exerciseId");
            assertThat(b).as("event %d", i + 1).isEqualTo(a);
        }
        JsonNode before = wire.get("/api/reviews/" + table.id, facilitatorToken).body();
        JsonNode after = wire.get("/api/reviews/" + copy, facilitatorToken).body();
        assertThat(after.get("replay").get("consistent").asBoolean()).isTrue();
        assertThat(after.get("turns")).isEqualTo(before.get("turns"));
        assertThat(after.get("decisions")).isEqualTo(before.get("decisions"));
        assertThat(after.get("exercise").get("phase").asString()).isEqualTo("ENDED");
        assertThat(after.get("origin").get("kind").asString()).isEqualTo("IMPORT");
        assertThat(after.get("origin").get("exerciseId").asString()).isEqualTo(table.id);

        // The log as the REST log gives it to the facilitator (states and drafts as changes) imports as well.
        ObjectNode asSent = ((ObjectNode) exported.body()).deepCopy();
        sent.forEach(asSent.putArray("events")::add);
        Wire.Response importedAsSent = wire.post("/api/reviews/import", asSent, facilitatorToken);
        assertThat(importedAsSent.status()).as(importedAsSent.body().toString()).isEqualTo(201);
        JsonNode asSentReview = wire.get("/api/reviews/" + importedAsSent.body().get("id").asString(), facilitatorToken).body();
        assertThat(asSentReview.get("replay").get("consistent").asBoolean()).isTrue();
        assertThat(asSentReview.get("turns")).isEqualTo(before.get("turns"));

        // A log that does not replay here is refused with the reason, and nothing is created.
        ObjectNode bad = ((ObjectNode) exported.body()).deepCopy();
        for (JsonNode event : bad.get("events")) {
            if (event.get("type").asString().equals("STATE_FULL") && event.get("turn").asInt() == 2) {
                ((ObjectNode) event.get("payload").get("state")).put("tension", 99.0);
                break;
            }
        }
        int owned = wire.get("/api/exercises", facilitatorToken).body().size();
        Wire.Response refused = wire.post("/api/reviews/import", bad, facilitatorToken);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("code").asString()).isEqualTo("INVALID");
        assertThat(refused.body().get("message").asString()).contains("does not replay");
        assertThat(wire.get("/api/exercises", facilitatorToken).body().size()).isEqualTo(owned);

        ObjectNode future = ((ObjectNode) exported.body()).deepCopy();
        future.put("version", 2);
        assertThat(wire.post("/api/reviews/import", future, facilitatorToken).body().get("message").asString())
                .contains("version");
    }

    @Test
    void aBranchCarriesTheLogUpToItsTurnAndPlaysOnUnderEitherSeed() {
        Table table = new Table("AUTOMATIC", 13).play(4, false);
        List<ExerciseEvent> source = table.log();

        Wire.Response same = wire.post("/api/reviews/" + table.id + "/branch", Map.of("turn", 2), facilitatorToken);
        assertThat(same.status()).as(same.body().toString()).isEqualTo(201);
        Table branch = new Table(same.body().get("id").asString(), table);
        assertThat(same.body().get("phase").asString()).isEqualTo("RESULTS");
        assertThat(same.body().get("turn").asInt()).isEqualTo(2);
        assertThat(same.body().get("joinCodes").get("WASHINGTON").asString()).isNotBlank();
        List<ExerciseEvent> copied = branch.log();
        List<ExerciseEvent> prefix = source.stream().filter(e -> e.turn() <= 2).toList();
        assertThat(copied).hasSize(prefix.size());
        for (int i = 1; i < copied.size(); i++) {
            ExerciseEvent a = prefix.get(i);
            ExerciseEvent b = copied.get(i);
            assertThat(List.of(b.seq(), b.type(), b.turn(), b.phase(), b.channel(), b.payload()))
                    .isEqualTo(List.of(a.seq(), a.type(), a.turn(), a.phase(), a.channel(), a.payload()));
        }
        assertThat(copied.get(0).payload(EventPayload.ExerciseCreated.class).branchOf().exerciseId()).isEqualTo(table.id);

        JsonNode sourceReview = wire.get("/api/reviews/" + table.id, facilitatorToken).body();
        assertThat(sourceReview.get("branches").findValuesAsString("exerciseId")).containsExactly(branch.id);
        JsonNode branchReview = wire.get("/api/reviews/" + branch.id, facilitatorToken).body();
        assertThat(branchReview.get("origin").get("exerciseId").asString()).isEqualTo(table.id);
        assertThat(branchReview.get("origin").get("turn").asInt()).isEqualTo(2);
        assertThat(branchReview.get("replay").get("consistent").asBoolean()).isTrue();
        assertThat(branchReview.get("turns")).isEqualTo(json.valueToTree(
                wire.json.treeToValue(sourceReview.get("turns"), List.class).subList(0, 3)));

        // Played on with the same seed and the same orders, turn 3 comes out as it did in the source.
        branch.control("ADVANCE");
        branch.playTurn(3, false);
        JsonNode played = wire.get("/api/reviews/" + branch.id, facilitatorToken).body();
        assertThat(played.get("replay").get("consistent").asBoolean()).isTrue();
        assertThat(played.get("turns").get(3)).isEqualTo(sourceReview.get("turns").get(3));

        // A new seed: the copied turns still re-adjudicate (they keep the seed they were played with).
        Wire.Response fresh = wire.post("/api/reviews/" + table.id + "/branch", Map.of("turn", 1, "seed", 99), facilitatorToken);
        assertThat(fresh.status()).isEqualTo(201);
        String freshId = fresh.body().get("id").asString();
        assertThat(wire.get("/api/reviews/" + freshId, facilitatorToken).body().get("replay").get("consistent").asBoolean()).isTrue();
        assertThat(wire.post("/api/reviews/" + table.id + "/branch", Map.of("turn", 7), facilitatorToken).status()).isEqualTo(400);

        // From turn 0: the lobby, before anything was played, ready to START.
        Wire.Response start = wire.post("/api/reviews/" + table.id + "/branch", Map.of("turn", 0, "newSeed", true), facilitatorToken);
        assertThat(start.status()).isEqualTo(201);
        assertThat(start.body().get("phase").asString()).isEqualTo("LOBBY");
        Table fromStart = new Table(start.body().get("id").asString(), table);
        fromStart.control("START");
        fromStart.playTurn(1, false);
        assertThat(wire.get("/api/reviews/" + fromStart.id, facilitatorToken).body().get("replay").get("consistent").asBoolean()).isTrue();
        assertThat(wire.get("/api/reviews/" + table.id, facilitatorToken).body().get("branches").size()).isEqualTo(3);
    }

    @Test
    void anAutomaticTurnLogsItsDraftWithoutAccountsAndTheReviewNarratesItAsAReviewedTurnLogsIt() {
        Table automatic = new Table("AUTOMATIC", 21).play(3, false);
        Table reviewed = new Table("REVIEWED", 21);
        reviewed.control(new Command.Control.Start());
        for (int turn = 1; turn <= 3; turn++) {
            if (turn > 1) {
                reviewed.control(new Command.Control.Advance());
            }
            reviewed.playTurn(turn, false);
            reviewed.control(Command.Control.Decide.approve("The engine's reading stands"));
        }
        reviewed.control(new Command.Control.End("three turns played"));

        // Nobody edits an automatic draft: its public account is the results', the engine's follows from the outcome.
        List<EventPayload.AdjudicationDrafted> drafts = automatic.log().stream()
                .filter(e -> e.payload() instanceof EventPayload.AdjudicationDrafted)
                .map(e -> e.payload(EventPayload.AdjudicationDrafted.class)).toList();
        assertThat(drafts).hasSize(3).allSatisfy(d -> {
            assertThat(d.narrative()).isNull();
            assertThat(d.publicNarrative()).isNull();
        });
        assertThat(reviewed.log()).filteredOn(e -> e.payload() instanceof EventPayload.AdjudicationDrafted).hasSize(3)
                .allSatisfy(e -> assertThat(e.payload(EventPayload.AdjudicationDrafted.class).narrative()).isNotNull());

        JsonNode narrated = wire.get("/api/reviews/" + automatic.id, facilitatorToken).body().get("decisions");
        JsonNode logged = wire.get("/api/reviews/" + reviewed.id, facilitatorToken).body().get("decisions");
        assertThat(narrated).hasSize(3);
        for (int turn = 0; turn < 3; turn++) {
            assertThat(narrated.get(turn).get("engineSummary").asString()).startsWith("Turn " + (turn + 1) + ":")
                    .isEqualTo(logged.get(turn).get("engineSummary").asString());
            for (int issue = 0; issue < narrated.get(turn).get("issues").size(); issue++) {
                assertThat(narrated.get(turn).get("issues").get(issue).get("engineText").asString()).isNotBlank()
                        .isEqualTo(logged.get(turn).get("issues").get(issue).get("engineText").asString());
            }
        }
    }

    private static long count(List<ExerciseEvent> log, String type) {
        return log.stream().filter(e -> e.type() == EventType.valueOf(type)).count();
    }

    /** A copy with the states' fired injects in name order: a set, whose order in JSON means nothing. */
    private static JsonNode setsSorted(JsonNode payload) {
        JsonNode copy = payload.deepCopy();
        for (JsonNode state : copy.findParents("firedInjects")) {
            List<String> names = new ArrayList<>(state.get("firedInjects").valueStream().map(JsonNode::asString).sorted().toList());
            tools.jackson.databind.node.ArrayNode sorted = ((ObjectNode) state).putArray("firedInjects");
            names.forEach(sorted::add);
        }
        return copy;
    }
}
