package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Lock orders (and the deadline) seal each team's current draft as its orders, logged as such; a move
 * withheld by then is left out; only a team with no draft plays HOLD everywhere.
 */
class LockSealsDraftsTest extends WireTest {

    @Test
    void lockOrdersPlaysTheUnsubmittedDraft() {
        Table t = new Table("REVIEWED", Map.of());
        List<String> issues = t.issues();
        t.control(Map.of("type", "START"));
        t.control(Map.of("type", "ADVANCE"));
        t.ok(t.w1, "draft", Map.of("issueId", issues.get(0), "move", "NEGOTIATE", "argument", "talks now"));
        t.ok(t.w2, "draft", Map.of("issueId", issues.get(1), "move", "PRESS", "redLine", true, "argument", "no retreat"));
        t.ok(t.w1, "draft", Map.of("issueId", issues.get(2), "move", "CONCEDE", "argument", "a gesture"));
        // Congress forbids concessions after the line was drafted: that one line is left out at the lock.
        t.control(Map.of("type", "RELEASE_INJECT", "inject", Map.of("title", "Congress revolts", "text", "No concessions this year.",
                "audience", "ALL", "changes", List.of(Map.of("variable", "washington.domesticSupport", "delta", -100)))));
        t.control(Map.of("type", "ADVANCE"));
        t.awaitPhase(t.facilitator, "ORDERS", 1);
        t.control(Map.of("type", "LOCK_ORDERS"));
        t.awaitPhase(t.facilitator, "ADJUDICATION", 1);
        t.control(Map.of("type", "APPROVE", "rationale", "as drafted"));
        JsonNode results = t.m1.awaitEvent(e -> e.get("type").asString().equals("RESULTS_PUBLISHED")).get("payload");

        JsonNode washington = results.get("orders").get("WASHINGTON");
        assertThat(washington.get(issues.get(0)).get("move").asString()).isEqualTo("NEGOTIATE");
        assertThat(washington.get(issues.get(0)).get("argument").asString()).isEqualTo("talks now");
        assertThat(washington.get(issues.get(1)).get("move").asString()).isEqualTo("PRESS");
        assertThat(washington.get(issues.get(1)).get("redLine").asBoolean()).isTrue();
        assertThat(washington.has(issues.get(2))).as("the withheld concession is left out").isFalse();
        assertThat(results.get("issues").findValuesAsString("moscowMove")).containsOnly("HOLD");

        List<JsonNode> log = wire.log(t.id, t.facilitatorToken);
        JsonNode sealed = log.stream().filter(e -> e.get("type").asString().equals("ORDERS_SUBMITTED")).findFirst().orElseThrow();
        assertThat(sealed.get("channel").asString()).isEqualTo("TEAM_WASHINGTON");
        assertThat(sealed.get("payload").get("playerId").isNull()).isTrue();
        assertThat(sealed.get("payload").get("name").asString()).contains("the team's draft", "locked by the facilitator");
        assertThat(log.stream().filter(e -> e.get("type").asString().equals("ORDERS_SEALED")).map(e -> e.at("/payload/side").asString()))
                .containsExactly("WASHINGTON");
        assertThat(log.stream().filter(e -> e.get("type").asString().equals("ORDERS_DEFAULTED")).map(e -> e.at("/payload/side").asString()))
                .containsExactly("MOSCOW");
        // Moscow's players never see Washington's sealed draft before Results.
        assertThat(t.m1.events().stream().filter(e -> e.get("type").asString().equals("ORDERS_SUBMITTED"))).isEmpty();
    }
}
