package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.socket.WebSocketHttpHeaders;

/**
 * What the server does with frames it cannot or will not take (issue 12, items 2 and 4): every refusal
 * before a close is an ERROR frame; after CONNECT an unreadable message (text, binary, a NUL inside a
 * body) is answered with BAD_FRAME and the session goes on; subscriptions are one per destination and
 * capped; messages are plain words that never echo the client's bytes.
 */
@TestPropertySource(properties = {"hotline.live.max-subscriptions-per-session=5", "hotline.live.transport-limit-bytes=20000",
        "hotline.live.max-message-bytes=8000"})
class FrameLimitsTest extends WireTest {

    @Test
    void aRefusedConnectAlwaysGetsItsErrorFrameBeforeTheClose() {
        for (int i = 0; i < 30; i++) {
            RawStomp raw = RawStomp.open(port);
            raw.send("CONNECT\naccept-version:1.2\nhost:localhost\nAuthorization:Bearer not-a-token-" + i + "\n\n\0");
            assertErrorThenClose(raw, "UNAUTHORIZED");
        }
    }

    @Test
    void anythingButConnectFirstEndsTheSessionWithAnErrorFrame() {
        for (String first : List.of("SEND\ndestination:/app/x\n\n{}\0", "SUBSCRIBE\nid:1\ndestination:/topic/x\n\n\0",
                "MESSAGE\ndestination:/topic/x\n\nhi\0", "NONSENSE\n\n\0", "no frame at all")) {
            RawStomp raw = RawStomp.open(port);
            raw.send(first);
            assertErrorThenClose(raw, null);
        }
    }

    @Test
    void aMessageOverTheTransportLimitGetsAnErrorFrameBeforeTheClose() {
        Table t = new Table("AUTOMATIC", Map.of());
        for (boolean binary : new boolean[] {false, true}) {
            RawStomp raw = RawStomp.connect(port, t.w1Seat.get("token").asString());
            String frame = "SEND\ndestination:" + t.app("chat.team") + "\n\n{\"text\":\"" + "x".repeat(30_000) + "\"}\0";
            if (binary) {
                raw.sendBinary(frame.getBytes(StandardCharsets.UTF_8));
            } else {
                raw.send(frame);
            }
            assertErrorThenClose(raw, "TOO_LARGE");
        }
        // Over the message limit but under the transport limit: answered on the queue, the session goes on.
        RawStomp raw = RawStomp.connect(port, t.w1Seat.get("token").asString());
        raw.sendJson(t.app("chat.team"), "{\"commandId\":\"big\",\"text\":\"" + "x".repeat(10_000) + "\"}");
        raw.await(f -> f.contains("\"code\":\"TOO_LARGE\""));
        assertThat(raw.open()).isTrue();
    }

    @Test
    void aFrameUpToTheMessageLimitArrivesWholeThoughTheServerReadsItInParts() {
        Table t = new Table("AUTOMATIC", Map.of());
        t.control(Map.of("type", "START"));
        // The server reads a message in parts of about a thousand characters or bytes: three- and four-byte
        // characters across them (1,950 characters, 6,450 bytes, under the 8,000-byte limit) come out whole.
        String text = "\u20AC".repeat(900) + "\uD83D\uDE80".repeat(900) + "x".repeat(150);
        String binaryText = "x".repeat(150) + "\uD83D\uDE80".repeat(900) + "\u20AC".repeat(900);
        RawStomp raw = RawStomp.connect(port, t.w1Seat.get("token").asString());
        raw.sendJson(t.app("chat.team"), "{\"commandId\":\"text-whole\",\"text\":\"" + text + "\"}");
        raw.sendBinary(("SEND\ndestination:" + t.app("chat.team") + "\ncontent-type:application/json\n\n"
                + "{\"commandId\":\"binary-whole\",\"text\":\"" + binaryText + "\"}\0").getBytes(StandardCharsets.UTF_8));
        raw.await(f -> f.contains("\"commandId\":\"text-whole\"") && f.contains("\"duplicate\":false"));
        raw.await(f -> f.contains("\"commandId\":\"binary-whole\"") && f.contains("\"duplicate\":false"));
        List<String> chat = t.w1.syncAll(t.id, 0).stream().filter(e -> "CHAT_TEAM".equals(e.get("type").asString()))
                .map(e -> e.get("payload").get("text").asString()).toList();
        assertThat(chat).containsExactly(text, binaryText);
        assertThat(raw.open()).isTrue();
    }

    @Test
    void unreadableTextBinaryAndNulInABodyAreAnsweredAndTheSessionGoesOn() {
        Table t = new Table("AUTOMATIC", Map.of());
        RawStomp raw = RawStomp.connect(port, t.w1Seat.get("token").asString());
        raw.sendBinary(new byte[] {(byte) 0xff, 0x00, 0x13, 0x37, (byte) 0xc3, 0x28, 0});
        raw.send("NONSENSE-" + "org.springframework" + "\n\n\0");
        raw.send("SEND\ndestination:" + t.app("chat.team") + "\n\n{\"commandId\":\"n1\",\"text\":\"a\0b\"}\0");
        raw.send("SEND\ndestination:" + t.app("chat.team") + "\nbad\\qescape:1\n\n{}\0");
        await().atMost(Wire.WAIT).until(() -> raw.count(f -> f.contains("\"code\":\"BAD_FRAME\"")) == 4);
        for (String frame : raw.seen) {
            assertThat(frame).doesNotContain("NONSENSE", "springframework", "StompCommand", "Exception", "enum");
        }
        // A NUL inside a body that declares its length is part of the body: the JSON is then refused.
        raw.sendJson(t.app("chat.team"), "{\"commandId\":\"n2\",\"text\":\"a\0b\"}");
        raw.await(f -> f.contains("\"code\":\"BAD_JSON\""));
        // A well-formed frame sent as a binary message is read like a text one.
        raw.sendBinary(("SEND\ndestination:" + t.app("chat.team") + "\ncontent-type:application/json\n\n"
                + "{\"commandId\":\"binary-ok\",\"text\":\"sent as binary\"}\0").getBytes(StandardCharsets.UTF_8));
        raw.await(f -> f.contains("\"commandId\":\"binary-ok\"") && f.contains("\"duplicate\":false"));
        raw.send("CONNECT\naccept-version:1.2\nhost:localhost\n\n\0");
        await().atMost(Wire.WAIT).until(() -> raw.count(f -> f.contains("\"code\":\"BAD_FRAME\"")) == 5);
        assertThat(raw.open()).isTrue();
    }

    @Test
    void oneSubscriptionPerDestinationAndAtMostTheCapPerSession() {
        Table t = new Table("AUTOMATIC", Map.of());
        RawStomp raw = RawStomp.connect(port, t.facilitatorToken);
        raw.send("SUBSCRIBE\nid:none\n\n\0");
        raw.await(f -> f.contains("\"code\":\"BAD_FRAME\"") && f.contains("The frame has no destination"));
        raw.send("SUBSCRIBE\nid:a\ndestination:" + t.topic("control") + "\n\n\0");
        raw.send("SUBSCRIBE\nid:b\ndestination:" + t.topic("control") + "\n\n\0");
        raw.await(f -> f.contains("one subscription per destination"));
        raw.send("SUBSCRIBE\nid:a\ndestination:" + t.topic("public") + "\n\n\0");
        raw.await(f -> f.contains("already has a subscription with that id"));
        raw.send("SUBSCRIBE\nid:c\ndestination:" + t.topic("public") + "\n\n\0");
        raw.send("SUBSCRIBE\nid:d\ndestination:" + t.topic("diplomacy") + "\n\n\0");
        raw.send("SUBSCRIBE\nid:e\ndestination:" + t.topic("staff") + "\n\n\0");
        raw.await(f -> f.contains("At most 5 subscriptions per session"));
        raw.send("UNSUBSCRIBE\nid:nope\n\n\0");
        raw.await(f -> f.contains("No subscription with that id"));
        raw.send("UNSUBSCRIBE\nid:d\n\n\0");
        raw.send("SUBSCRIBE\nid:e2\ndestination:" + t.topic("staff") + "\n\n\0");
        // Frames of one session are handled in order: once this refusal is back, e2 is in place.
        raw.send("UNSUBSCRIBE\nid:nope-again\n\n\0");
        await().atMost(Wire.WAIT).until(() -> raw.count(f -> f.contains("No subscription with that id")) == 2);

        // One event reaches the session once per subscribed destination: control, public, staff; never twice on one.
        t.ok(t.notetaker, "note", Map.of("tag", "NOTE", "text", "only once please"));
        await().atMost(Wire.WAIT).until(() -> raw.count(f -> f.contains("only once please")) >= 2);
        t.notetaker.sync(t.id, 0);
        assertThat(raw.count(f -> f.startsWith("MESSAGE\n") && f.contains("\ndestination:" + t.topic("staff") + "\n") && f.contains("only once please"))).isEqualTo(1);
        assertThat(raw.count(f -> f.startsWith("MESSAGE\n") && f.contains("\ndestination:" + t.topic("control") + "\n") && f.contains("only once please"))).isEqualTo(1);
    }

    @Test
    void aPageOfAnotherSiteCannotOpenTheSocket() {
        WebSocketHttpHeaders foreign = new WebSocketHttpHeaders();
        foreign.setOrigin("https://evil.example");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RawStomp.open(port, foreign)).hasMessageContaining("handshake failed");
        WebSocketHttpHeaders own = new WebSocketHttpHeaders();
        own.setOrigin("http://localhost:" + port);
        RawStomp same = RawStomp.open(port, own);
        assertThat(same.open()).isTrue();
        same.close();
    }

    /** An ERROR frame (with the code) came, and only after it the close. */
    private static void assertErrorThenClose(RawStomp raw, String code) {
        raw.await(f -> f.startsWith("CLOSED"));
        int error = indexOf(raw.seen, "ERROR");
        int closed = indexOf(raw.seen, "CLOSED");
        assertThat(error).as("an ERROR frame in %s", raw.seen).isGreaterThanOrEqualTo(0).isLessThan(closed);
        if (code != null) {
            assertThat(raw.seen.get(error)).contains("message:" + code);
        }
        assertThat(raw.seen.get(error)).doesNotContain("Exception", "springframework", "no frame at all");
    }

    private static int indexOf(List<String> frames, String prefix) {
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
