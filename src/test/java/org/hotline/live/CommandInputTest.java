package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;


import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Commands from the wire (issue 12, items 5 and 6): wrong JSON types are refused naming the field,
 * limits count characters, text is stored exactly as sent, and command ids belong to their sender.
 */
class CommandInputTest extends WireTest {

    @Test
    void wrongTypesAreRefusedNamingTheFieldAndChangeNothing() {
        Table t = new Table("AUTOMATIC", Map.of("ORDERS", 300));
        String issue = t.issues().get(0);
        t.control(Map.of("type", "START"));
        t.control(Map.of("type", "ADVANCE"));
        long before = t.w1.sync(t.id, 0).get("lastSeq").asLong();

        assertInvalid(t.refused(t.w1, "chat.team", Map.of("text", true)), "text");
        assertInvalid(t.refused(t.w1, "chat.team", Map.of("text", 12)), "text");
        assertInvalid(t.refused(t.w1, "draft", Map.of("issueId", issue, "move", "NEGOTIATE", "redLine", "yes")), "redLine");
        assertInvalid(t.refused(t.w1, "draft", Map.of("issueId", List.of(issue), "move", "NEGOTIATE")), "issueId");
        t.control(Map.of("type", "ADVANCE"));
        before = t.w1.sync(t.id, 0).get("lastSeq").asLong();
        assertInvalid(t.refused(t.facilitator, "control", Map.of("type", "EXTEND", "seconds", "10")), "seconds");
        assertInvalid(t.refused(t.facilitator, "control", Map.of("type", "EXTEND", "seconds", 1.5)), "seconds");
        assertInvalid(t.refused(t.facilitator, "control", Map.of("type", "RATE_ARGUMENT", "side", "WASHINGTON", "issueId", issue,
                "rating", "2")), "rating");
        for (Object after : List.of(1.5, "3", -1, true)) {
            String commandId = t.w1.send(t.app("sync"), Map.of("after", after));
            assertThat(t.w1.error(commandId).get("code").asString()).isEqualTo("INVALID");
        }
        assertThat(t.w1.sync(t.id, 0).get("lastSeq").asLong()).as("no event from refused commands").isEqualTo(before);
    }

    @Test
    void limitsCountCharactersAndTextIsStoredExactlyAsSent() {
        Table t = new Table("AUTOMATIC", Map.of());
        String issue = t.issues().get(0);
        t.control(Map.of("type", "START"));
        String emoji = "\uD83D\uDE80"; // one character, two UTF-16 units
        t.ok(t.w1, "chat.team", Map.of("text", emoji.repeat(2000)));
        assertThat(t.refused(t.w1, "chat.team", Map.of("text", emoji.repeat(2001))).get("code").asString()).isEqualTo("TOO_LARGE");
        t.ok(t.w1, "chat.team", Map.of("text", "  spaced\r"));
        t.ok(t.w1, "draft", Map.of("issueId", issue, "move", "NEGOTIATE", "argument", "\u2028"));
        t.ok(t.w2, "draft", Map.of("issueId", issue, "move", "NEGOTIATE", "argument", emoji.repeat(2000)));
        assertThat(t.refused(t.w2, "draft", Map.of("issueId", issue, "move", "NEGOTIATE", "argument", emoji.repeat(2001)))
                .get("message").asString()).contains("argument", "2000 characters");
        List<JsonNode> log = t.w1.syncAll(t.id, 0);
        assertThat(log).anyMatch(e -> "CHAT_TEAM".equals(e.get("type").asString()) && "  spaced\r".equals(e.get("payload").get("text").asString()));
        assertThat(log).anyMatch(e -> "DRAFT_CHANGED".equals(e.get("type").asString())
                && "\u2028".equals(e.get("payload").path("line").path("argument").asString("")));
        assertThat(t.refused(t.w1, "chat.team", Map.of("text", "\u2028 \t")).get("code").asString()).isEqualTo("INVALID");
    }

    @Test
    void commandIdsBelongToTheirSender() {
        Table t = new Table("AUTOMATIC", Map.of());
        t.control(Map.of("type", "START"));
        JsonNode washington = t.ok(t.w1, "chat.team", Map.of("commandId", "shared-id", "text", "from Washington"));
        JsonNode moscow = t.ok(t.m1, "chat.team", Map.of("commandId", "shared-id", "text", "from Moscow"));
        assertThat(moscow.get("duplicate").asBoolean()).isFalse();
        assertThat(moscow.get("firstSeq").asLong()).isGreaterThan(washington.get("lastSeq").asLong());
        JsonNode sameSeatAgain = sendAgain(t.w1, t.app("chat.team"), Map.of("commandId", "shared-id", "text", "from Washington"));
        assertThat(sameSeatAgain.get("firstSeq").asLong()).isEqualTo(washington.get("firstSeq").asLong());
        t.m1.awaitEvent(e -> "CHAT_TEAM".equals(e.get("type").asString()) && "from Moscow".equals(e.get("payload").get("text").asString()));

        // A facilitator's command with a player's id is the facilitator's own command.
        JsonNode end = t.ok(t.facilitator, "control", Map.of("commandId", "shared-id", "type", "END"));
        assertThat(end.get("duplicate").asBoolean()).isFalse();
        t.awaitPhase(t.observer, "ENDED", 1);
    }

    @Test
    void aResendPastTheChatLimitGetsItsAcknowledgementNotRateLimited() {
        Table t = new Table("AUTOMATIC", Map.of());
        t.control(Map.of("type", "START"));
        JsonNode first = t.ok(t.m2, "chat.team", Map.of("commandId", "resend-me", "text", "first"));
        for (int i = 0; i < 4; i++) {
            t.ok(t.m2, "chat.team", Map.of("text", "flood " + i));
        }
        assertThat(t.refused(t.m2, "chat.team", Map.of("text", "one too many")).get("code").asString()).isEqualTo("RATE_LIMITED");
        JsonNode again = sendAgain(t.m2, t.app("chat.team"), Map.of("commandId", "resend-me", "text", "first"));
        assertThat(again.get("firstSeq").asLong()).isEqualTo(first.get("firstSeq").asLong());
    }

    private static JsonNode sendAgain(Wire.Client client, String destination, Map<String, ?> body) {
        int before = client.count("/user/queue/replies");
        client.send(destination, body);
        return client.awaitOne("/user/queue/replies", r -> r.get("duplicate").asBoolean()
                && client.bodies("/user/queue/replies").indexOf(r) >= before);
    }

    private static void assertInvalid(JsonNode error, String field) {
        assertThat(error.get("code").asString()).as("%s", error).isEqualTo("INVALID");
        assertThat(error.get("message").asString()).as("%s", error).startsWith(field).doesNotContain("java", "`", "Exception");
    }

}
