package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The team debrief from the wire: a crafted turn (a deal Washington breaks, talks on arms control, a
 * spiral on sanctions) explained to Washington in words — the rolls as the engine drew them, the deal
 * broken, each variable once in the right direction — and nothing of Moscow's own (its variables, its
 * argument, its reading of Washington's moves).
 */
class DebriefTest extends WireTest {

    private static final String MOSCOW_REASON = "Our generals insist the border stays armed";

    @Test
    void washingtonReadsItsTurnInWordsAndNothingOfMoscows() {
        Table t = new Table("AUTOMATIC", Map.of());
        t.control(Map.of("type", "START"));
        t.control(Map.of("type", "ADVANCE"));
        t.awaitPhase(t.w1, "DELIBERATION", 1);
        JsonNode proposal = t.ok(t.m1, "proposal", Map.of("action", "PROPOSE", "offered", Map.of("new-start-successor", "NEGOTIATE"),
                "requested", Map.of("new-start-successor", "NEGOTIATE", "ukraine", "NEGOTIATE"), "text", "talks for talks"));
        String proposalId = t.m1.awaitEvent(e -> e.path("type").asString("").equals("PROPOSAL_MADE")).at("/payload/proposalId").asString();
        t.ok(t.w1, "proposal", Map.of("action", "ACCEPT", "proposalId", proposalId));
        t.ok(t.w1, "draft", Map.of("issueId", "new-start-successor", "move", "NEGOTIATE", "argument", "limits help us"));
        t.ok(t.w1, "draft", Map.of("issueId", "ukraine", "move", "PRESS", "argument", "keep the pressure on"));
        t.ok(t.w1, "draft", Map.of("issueId", "sanctions", "move", "PRESS", "argument", "tighten"));
        t.ok(t.m1, "draft", Map.of("issueId", "new-start-successor", "move", "NEGOTIATE", "argument", "a treaty suits us"));
        t.ok(t.m1, "draft", Map.of("issueId", "sanctions", "move", "PRESS", "argument", MOSCOW_REASON));
        t.control(Map.of("type", "ADVANCE"));
        t.awaitPhase(t.w1, "ORDERS", 1);
        t.ok(t.w1, "orders.submit", Map.of());
        t.ok(t.m1, "orders.submit", Map.of());
        t.w1.awaitEvent(e -> e.path("type").asString("").equals("RESULTS_PUBLISHED"));
        assertThat(proposal).isNotNull();

        // What the engine decided, read from the facilitator's log: the rolls and the state before and after.
        List<JsonNode> log = Wire.wholeStates(wire.log(t.id, t.facilitatorToken));
        JsonNode outcome = log.stream().filter(e -> e.get("type").asString().equals("ADJUDICATION_DRAFTED")).reduce((a, b) -> b)
                .orElseThrow().at("/payload/outcome");
        JsonNode resultsState = log.stream().filter(e -> e.get("type").asString().equals("STATE_FULL")).reduce((a, b) -> b).orElseThrow();
        JsonNode after = resultsState.at("/payload/state");

        Wire.Response response = wire.get("/api/exercises/" + t.id + "/debrief", t.w1Seat.get("token").asString());
        assertThat(response.status()).isEqualTo(200);
        JsonNode turn = response.body().get(0);
        assertThat(turn.get("turn").asInt()).isEqualTo(1);
        assertThat(turn.get("side").asString()).isEqualTo("WASHINGTON");
        String all = response.body().toString();

        // Talks on arms control: the sentence gives the roll as drawn, or says why there was none.
        String arms = sentences(turn, "new-start-successor");
        assertThat(arms).contains("You (Washington) negotiated; Moscow negotiated.");
        JsonNode talks = roll(outcome, "agreement", "new-start-successor");
        if (talks != null) {
            assertThat(arms).contains("Both sides reached out: talks had about").contains(String.format(Locale.ROOT,
                    talks.get("success").asBoolean() ? "(roll %.2f under a %.2f chance)" : "(roll %.2f, above a %.2f chance)",
                    talks.get("draw").asDouble(), talks.get("odds").asDouble()));
        } else {
            assertThat(arms).contains("read the other's step as posturing");
        }
        assertThat(sentences(turn, "sanctions")).contains("You (Washington) pressed; Moscow pressed.", "Both played hardline");

        // The deal: Moscow proposed, Washington accepted, then pressed on Ukraine where it promised talks.
        JsonNode deal = turn.get("deals").get(0);
        assertThat(deal.get("honoured").asBoolean()).isFalse();
        assertThat(deal.get("text").asString()).contains("Moscow proposed and you accepted", "Moscow kept its part",
                "You did not keep your part: on a settlement in Ukraine you played press, not negotiate", "The deal was broken");

        // Every variable once, in the direction its numbers go, with its causes in words.
        Set<String> seen = new HashSet<>();
        for (JsonNode change : turn.get("changes")) {
            String variable = change.get("variable").asString();
            assertThat(seen.add(variable)).as("one change per variable: " + variable).isTrue();
            assertThat(variable).doesNotStartWith("moscow.").doesNotStartWith("context.").doesNotEndWith(".balance");
            String text = change.get("text").asString();
            assertThat(text).contains(", because of ").doesNotContain("[").doesNotContain("domesticSupport");
        }
        JsonNode tension = find(turn.get("changes"), "tension");
        List<JsonNode> tensionEffects = new ArrayList<>();
        resultsState.at("/payload/effects").forEach(e -> {
            if (e.get("variable").asString().equals("tension")) {
                tensionEffects.add(e);
            }
        });
        double before = Double.parseDouble(tensionEffects.get(0).get("before").asString());
        double now = Double.parseDouble(tensionEffects.get(tensionEffects.size() - 1).get("after").asString());
        assertThat(now).isEqualTo(after.get("tension").asDouble(), org.assertj.core.data.Offset.offset(0.006));
        assertThat(tension.get("text").asString()).startsWith(String.format(Locale.ROOT, "Tension %s from %.1f to %.1f, because of ",
                now > before ? "rose" : "fell", before, now));
        assertThat(tension.get("text").asString()).contains("mutual hardline spiral on Sanctions and trade");
        assertThat(find(turn.get("changes"), "washington.threatPerception").get("name").asString()).isEqualTo("Your sense of threat");

        // A 2027 scenario cites no historical case study.
        assertThat(all).doesNotContain("\"CS1\"").doesNotContain("\"CS2\"").doesNotContain("\"CS3\"").doesNotContain("\"CS4\"");
        // Nothing of Moscow's own: not its argument, its variables, nor how it read Washington's moves.
        assertThat(all).doesNotContain(MOSCOW_REASON).doesNotContain("moscow.").doesNotContain("Moscow's sense")
                .doesNotContain("Moscow's support").doesNotContain("misperception: Washington");
        for (JsonNode issue : outcome.get("issues")) {
            if (!issue.get("washingtonMove").equals(issue.get("washingtonMoveAsReadByMoscow"))) {
                assertThat(sentences(turn, issue.get("issueId").asString())).doesNotContain("read your");
            }
        }

        // Moscow reads its own side; Washington's variables are not in it.
        Wire.Response moscow = wire.get("/api/exercises/" + t.id + "/debrief", t.m1Seat.get("token").asString());
        assertThat(moscow.status()).isEqualTo(200);
        List<String> moscowVariables = new ArrayList<>();
        moscow.body().get(0).get("changes").forEach(c -> moscowVariables.add(c.get("variable").asString()));
        assertThat(moscowVariables).anyMatch(v -> v.startsWith("moscow.")).noneMatch(v -> v.startsWith("washington."));
        assertThat(moscow.body().toString()).contains("You (Moscow) pressed; Washington pressed.");
    }

    @Test
    void onlyTheTeamAndItsFacilitatorReadTheDebrief() {
        Table t = new Table("AUTOMATIC", Map.of());
        String path = "/api/exercises/" + t.id + "/debrief";
        String observer = wire.join(t.created.get("joinCodes").get("OBSERVER").asString(), "Wall").get("token").asString();
        assertThat(wire.get(path, observer).status()).isEqualTo(403);
        assertThat(wire.get(path, observer).body().get("message").asString()).contains("public account");
        assertThat(wire.get(path + "?side=WASHINGTON", t.m1Seat.get("token").asString()).status()).isEqualTo(403);
        assertThat(wire.get(path, t.facilitatorToken).status()).isEqualTo(400);
        assertThat(wire.get(path + "?side=MOSCOW", t.facilitatorToken).status()).isEqualTo(200);
        assertThat(wire.get(path, null).status()).isEqualTo(401);
    }

    private static String sentences(JsonNode turn, String issueId) {
        for (JsonNode issue : turn.get("issues")) {
            if (issue.get("issueId").asString().equals(issueId)) {
                List<String> words = new ArrayList<>();
                issue.get("sentences").forEach(sentence -> words.add(sentence.asString()));
                return String.join(" ", words);
            }
        }
        throw new AssertionError("no issue " + issueId);
    }

    private static JsonNode roll(JsonNode outcome, String purpose, String issueId) {
        for (JsonNode roll : outcome.get("rolls")) {
            if (roll.get("purpose").asString().equals(purpose) && issueId.equals(roll.path("issueId").asString(null))) {
                return roll;
            }
        }
        return null;
    }

    private static JsonNode find(JsonNode changes, String variable) {
        for (JsonNode change : changes) {
            if (change.get("variable").asString().equals(variable)) {
                return change;
            }
        }
        throw new AssertionError("no change of " + variable + " in " + changes);
    }
}
