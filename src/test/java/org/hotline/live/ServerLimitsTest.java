package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;

import java.util.Map;
import org.hotline.engine.Adjudicator;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/** One text limit from configuration for every free text, and a server failure that tells the sender nothing of its cause. */
@TestPropertySource(properties = "hotline.live.max-chat-chars=300")
class ServerLimitsTest extends WireTest {

    @MockitoSpyBean
    Adjudicator engine;

    @Test
    void everyFreeTextHasTheConfiguredLimit() {
        Table t = new Table("REVIEWED", Map.of());
        String issue = t.issues().get(0);
        t.control(Map.of("type", "START"));
        t.control(Map.of("type", "ADVANCE"));
        assertThat(t.refused(t.w1, "chat.team", Map.of("text", "x".repeat(301))).get("code").asString()).isEqualTo("TOO_LARGE");
        JsonNode argument = t.refused(t.w1, "draft", Map.of("issueId", issue, "move", "NEGOTIATE", "argument", "x".repeat(301)));
        assertThat(argument.get("code").asString()).isEqualTo("INVALID");
        assertThat(argument.get("message").asString()).contains("argument", "300");
        t.ok(t.w1, "draft", Map.of("issueId", issue, "move", "NEGOTIATE", "argument", "x".repeat(300)));
        assertThat(t.refused(t.w1, "proposal", Map.of("action", "PROPOSE", "offered", Map.of(issue, "NEGOTIATE"),
                "requested", Map.of(), "text", "x".repeat(301))).get("code").asString()).isEqualTo("INVALID");
        t.control(Map.of("type", "ADVANCE"));
        t.control(Map.of("type", "LOCK_ORDERS"));
        assertThat(t.refused(t.facilitator, "control", Map.of("type", "APPROVE", "rationale", "x".repeat(301)))
                .get("message").asString()).contains("rationale", "300");
    }

    @Test
    void aFailureInsideTheServerIsReportedWithAnIncidentIdOnly() {
        Table t = new Table("AUTOMATIC", Map.of());
        doThrow(new IllegalStateException("secret detail: Washington's red line")).when(engine).openTurn(any(), any(), anyLong());
        JsonNode error = t.refused(t.facilitator, "control", Map.of("type", "START"));
        assertThat(error.get("code").asString()).isEqualTo("INTERNAL");
        assertThat(error.get("message").asString()).doesNotContain("secret", "Washington").containsPattern("incident i-\\w+");
        assertThat(wire.get("/api/exercises/" + t.id, t.facilitatorToken).body().get("phase").asString()).isEqualTo("LOBBY");
    }
}
