package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A complete three-turn exercise: a facilitator and two players per team, over the wire only. */
class FullExerciseTest extends WireTest {

    @Test
    void threeTurnsFromStartToEnd() {
        Table t = new Table("AUTOMATIC", Map.of());
        List<String> issues = t.issues();
        String first = issues.get(0);
        String second = issues.get(1);
        t.control(Map.of("type", "START"));
        for (int turn = 1; turn <= 3; turn++) {
            for (Wire.Client c : List.of(t.w1, t.w2, t.m1, t.m2, t.observer)) {
                t.awaitPhase(c, "BRIEFING", turn);
            }
            t.control(Map.of("type", "ADVANCE"));
            t.awaitPhase(t.m2, "DELIBERATION", turn);

            String chat = "turn " + turn + ": we hold the line";
            t.ok(t.w1, "chat.team", Map.of("text", chat));
            t.w2.awaitEvent(e -> "CHAT_TEAM".equals(e.get("type").asString()) && chat.equals(e.get("payload").get("text").asString()));
            String note = "Moscow proposes talks, turn " + turn;
            t.ok(t.m1, "chat.diplomacy", Map.of("text", note));
            t.w2.awaitEvent(e -> "CHAT_DIPLOMACY".equals(e.get("type").asString()) && note.equals(e.get("payload").get("text").asString()));

            t.ok(t.w1, "proposal", Map.of("action", "PROPOSE", "offered", Map.of(first, "NEGOTIATE"),
                    "requested", Map.of(first, "NEGOTIATE"), "text", "talks on " + first));
            int thisTurn = turn;
            JsonNode made = t.m2.awaitEvent(e -> "PROPOSAL_MADE".equals(e.get("type").asString()) && e.get("turn").asInt() == thisTurn);
            t.ok(t.m2, "proposal", Map.of("action", "ACCEPT", "proposalId", made.get("payload").get("proposalId").asString()));

            t.ok(t.w1, "draft", Map.of("issueId", first, "move", "NEGOTIATE", "argument", "talks help both"));
            t.ok(t.w2, "draft", Map.of("issueId", second, "move", "BUILDUP", "argument", "deterrence"));
            JsonNode seen = t.w1.awaitEvent(e -> "DRAFT_CHANGED".equals(e.get("type").asString()) && e.get("turn").asInt() == thisTurn
                    && "Bea".equals(e.get("payload").get("name").asString()));
            assertThat(seen.get("payload").get("line").get("issueId").asString()).isEqualTo(second);
            t.ok(t.m1, "draft", Map.of("issueId", first, "move", "NEGOTIATE", "argument", "our core concern"));

            t.control(Map.of("type", "ADVANCE"));
            t.awaitPhase(t.w1, "ORDERS", turn);
            t.ok(t.w2, "orders.submit", Map.of());
            t.ok(t.m2, "orders.submit", Map.of());

            for (Wire.Client c : List.of(t.w1, t.w2, t.m1, t.m2, t.observer)) {
                JsonNode results = c.awaitEvent(e -> "RESULTS_PUBLISHED".equals(e.get("type").asString()) && e.get("turn").asInt() == thisTurn);
                JsonNode orders = results.get("payload").get("orders");
                assertThat(orders.get("WASHINGTON").get(first).get("move").asString()).isEqualTo("NEGOTIATE");
                assertThat(orders.get("WASHINGTON").get(second).get("move").asString()).isEqualTo("BUILDUP");
                assertThat(orders.get("MOSCOW").get(first).get("move").asString()).isEqualTo("NEGOTIATE");
                assertThat(results.get("payload").get("summary").asString()).isNotBlank();
                t.awaitPhase(c, "RESULTS", turn);
            }
            if (turn < 3) {
                t.control(Map.of("type", "ADVANCE"));
            }
        }
        t.control(Map.of("type", "END", "reason", "three turns played"));
        for (Wire.Client c : List.of(t.w1, t.w2, t.m1, t.m2, t.observer, t.facilitator)) {
            JsonNode ended = c.awaitEvent(e -> "EXERCISE_ENDED".equals(e.get("type").asString()));
            assertThat(ended.get("payload").get("reason").asString()).isEqualTo("three turns played");
        }

        // The facilitator saw every event, in order, with no gap; each client's numbers only rise.
        long lastSeq = wire.get("/api/exercises/" + t.id, t.facilitatorToken).body().get("lastSeq").asLong();
        t.facilitator.awaitEvent(e -> e.get("seq").asLong() == lastSeq);
        List<Long> seqs = new ArrayList<>();
        t.facilitator.events().forEach(e -> seqs.add(e.get("seq").asLong()));
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        assertThat(seqs.get(seqs.size() - 1) - seqs.get(0) + 1).isEqualTo(seqs.size());
        for (Wire.Client c : List.of(t.w1, t.w2, t.m1, t.m2, t.observer, t.notetaker)) {
            List<Long> own = new ArrayList<>();
            c.events().forEach(e -> own.add(e.get("seq").asLong()));
            assertThat(own).isSorted().doesNotHaveDuplicates();
        }
        JsonNode mine = wire.get("/api/exercises", t.facilitatorToken).body();
        assertThat(mine.findValuesAsString("id")).contains(t.id);
        assertThat(wire.get("/api/exercises/" + t.id, t.facilitatorToken).body().get("phase").asString()).isEqualTo("ENDED");
    }
}
