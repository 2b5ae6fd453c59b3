package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A team withdraws its sealed orders while the orders phase is open, drafts again and seals the new
 * orders, which are the ones adjudicated; the withdrawal is logged and seen by the facilitator. Refused
 * for a team with nothing sealed (the other team's orders are not its own), after the lock, and for
 * the other roles.
 */
class UnsealOrdersTest extends WireTest {

    @Test
    void aTeamWithdrawsItsSealedOrdersAndSealsNewOnes() {
        Table t = new Table("REVIEWED", Map.of());
        List<String> issues = t.issues();
        t.control(Map.of("type", "START"));
        t.control(Map.of("type", "ADVANCE"));
        t.control(Map.of("type", "ADVANCE"));
        t.awaitPhase(t.w1, "ORDERS", 1);
        t.ok(t.w1, "draft", Map.of("issueId", issues.get(0), "move", "NEGOTIATE", "argument", "talk first"));
        t.ok(t.w1, "orders.submit", Map.of());

        // Moscow has sealed nothing: it cannot withdraw, and Washington's orders are not its to withdraw.
        assertThat(t.refused(t.m1, "orders.unseal", Map.of()).get("code").asString()).isEqualTo("NOT_SEALED");
        assertThat(t.refused(t.observer, "orders.unseal", Map.of()).get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(t.refused(t.facilitator, "orders.unseal", Map.of()).get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(t.refused(t.w2, "draft", Map.of("issueId", issues.get(0), "move", "PRESS")).get("code").asString())
                .isEqualTo("SEALED");

        // Any player of the team may withdraw (as any may submit); everyone learns it, not the orders.
        t.ok(t.w2, "orders.unseal", Map.of());
        JsonNode seen = t.facilitator.awaitEvent(e -> e.path("type").asString("").equals("ORDERS_UNSEALED"));
        assertThat(seen.get("channel").asString()).isEqualTo("PUBLIC");
        assertThat(seen.at("/payload/side").asString()).isEqualTo("WASHINGTON");
        assertThat(seen.at("/payload/name").asString()).isEqualTo("Bea");
        JsonNode moscowSees = t.m1.awaitEvent(e -> e.path("type").asString("").equals("ORDERS_UNSEALED"));
        assertThat(moscowSees.get("payload").has("orders")).isFalse();
        assertThat(t.refused(t.w1, "orders.unseal", Map.of()).get("code").asString()).isEqualTo("NOT_SEALED");

        // Drafting again, then sealing the new orders: those are the ones adjudicated.
        t.ok(t.w1, "draft", Map.of("issueId", issues.get(0), "move", "PRESS", "argument", "changed our minds"));
        t.ok(t.w1, "orders.submit", Map.of());
        t.ok(t.m1, "orders.submit", Map.of());
        JsonNode drafted = t.facilitator.awaitEvent(e -> e.path("type").asString("").equals("ADJUDICATION_DRAFTED"));
        assertThat(drafted.at("/payload/input/washington/byIssue/" + issues.get(0) + "/move").asString()).isEqualTo("PRESS");

        // After the lock (both sealed), orders stay sealed.
        JsonNode late = t.refused(t.w1, "orders.unseal", Map.of());
        assertThat(late.get("code").asString()).isEqualTo("WRONG_PHASE");
        assertThat(late.get("message").asString()).contains("ORDERS");

        List<String> types = wire.log(t.id, t.facilitatorToken).stream().map(e -> e.get("type").asString())
                .filter(type -> type.startsWith("ORDERS_")).toList();
        assertThat(types).containsExactly("ORDERS_SUBMITTED", "ORDERS_SEALED", "ORDERS_UNSEALED", "ORDERS_SUBMITTED", "ORDERS_SEALED",
                "ORDERS_SUBMITTED", "ORDERS_SEALED");
    }

    @Test
    void lockOrdersEndsTheChanceToWithdraw() {
        Table t = new Table("REVIEWED", Map.of());
        t.control(Map.of("type", "START"));
        t.control(Map.of("type", "ADVANCE"));
        t.control(Map.of("type", "ADVANCE"));
        t.awaitPhase(t.m1, "ORDERS", 1);
        t.ok(t.m1, "orders.submit", Map.of());
        t.control(Map.of("type", "LOCK_ORDERS"));
        t.awaitPhase(t.m1, "ADJUDICATION", 1);
        assertThat(t.refused(t.m2, "orders.unseal", Map.of()).get("code").asString()).isEqualTo("WRONG_PHASE");
    }
}
