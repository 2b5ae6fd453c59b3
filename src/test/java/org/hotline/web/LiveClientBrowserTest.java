package org.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebDriver;

/**
 * The browser client's connection code (web/js/live.js, unchanged) in Chromium, with its STOMP library
 * replaced by a broker the test scripts: what a client does with an event the server never sent in
 * that order (protocol.md section 5) and where its command ids come from. The server refuses forged
 * frames itself (ForgedFramesTest); this is the client's half of the defence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveClientBrowserTest {

    private static final String PUBLIC = "/topic/exercise.x1.public";
    private static final String SYNC = "/user/queue/sync";

    private HttpServer pages;
    private Browsers browsers;
    private WebDriver driver;

    @BeforeAll
    void servePagesAndOpenABrowser() throws IOException {
        Browsers.requireChromium();
        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.createContext("/", exchange -> {
            byte[] body = page(exchange.getRequestURI().getPath());
            String path = exchange.getRequestURI().getPath();
            exchange.getResponseHeaders().set("Content-Type", path.endsWith(".html") ? "text/html" : "text/javascript");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        pages.start();
        browsers = new Browsers();
        driver = browsers.open();
    }

    @AfterAll
    void close() {
        if (browsers != null) {
            browsers.close();
        }
        if (pages != null) {
            pages.stop(0);
        }
    }

    private static byte[] page(String path) throws IOException {
        if (path.equals("/js/live.js")) {
            return Files.readAllBytes(Path.of("web", "js", "live.js"));
        }
        try (InputStream in = LiveClientBrowserTest.class.getResourceAsStream("/live-harness" + path)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private void open(String query) {
        driver.get("http://127.0.0.1:" + pages.getAddress().getPort() + "/harness.html" + query);
        Browsers.waiting(driver).until(d -> syncRequests().size() == 1);
    }

    @Test
    void anEventWhosePrevIsMissingIsNotAppliedAndTheClientResyncsFromWhereEveryChannelIsComplete() {
        open("");
        assertThat(syncRequests()).containsExactly(0L);
        deliver(SYNC, Map.of("exerciseId", "x1", "events", List.of(event(1, "PUBLIC"), event(2, "TEAM_MOSCOW")), "lastSeq", 2,
                "complete", true));
        Browsers.waiting(driver).until(d -> "live".equals(Browsers.js(d, "return window.state")));
        deliver(PUBLIC, List.of(live(3, 1, "PUBLIC")));
        assertThat(applied()).containsExactly(1L, 2L, 3L);

        // A frame claiming seq 999999 after an event never received, as a forged one would: not applied,
        // not taken as the new position; the catch-up starts where both channels are complete.
        deliver(PUBLIC, List.of(live(999_999, 999_998, "PUBLIC")));
        assertThat(applied()).containsExactly(1L, 2L, 3L);
        assertThat(syncRequests()).containsExactly(0L, 2L);
        // What arrives while catching up waits for the server's answer, then follows it in order.
        deliver(PUBLIC, List.of(live(5, 4, "PUBLIC")));
        assertThat(applied()).containsExactly(1L, 2L, 3L);
        deliver(SYNC, Map.of("exerciseId", "x1", "events", List.of(event(3, "PUBLIC"), event(4, "PUBLIC")), "lastSeq", 4,
                "complete", true));
        assertThat(applied()).containsExactly(1L, 2L, 3L, 4L, 5L);
        // And the client is not stuck: the next real event is applied at once.
        deliver(PUBLIC, List.of(live(6, 5, "PUBLIC")));
        assertThat(applied()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(Browsers.consoleErrors(driver)).isEmpty();
    }

    @Test
    void eventsOnChannelsThisSeatDoesNotSeeAreNoGapAndAMessageOfSeveralEventsIsAppliedInOrder() {
        open("");
        deliver(SYNC, Map.of("exerciseId", "x1", "events", List.of(event(1, "PUBLIC")), "lastSeq", 3, "complete", true));
        Browsers.waiting(driver).until(d -> "live".equals(Browsers.js(d, "return window.state")));
        // Seqs 2, 3 and 6 are on channels this seat does not see: the prevs say nothing was lost.
        deliver(PUBLIC, List.of(live(4, 1, "PUBLIC"), live(5, 4, "PUBLIC")));
        deliver("/topic/exercise.x1.team.MOSCOW", List.of(live(7, 0, "TEAM_MOSCOW")));
        deliver(PUBLIC, List.of(live(8, 5, "PUBLIC")));
        assertThat(applied()).containsExactly(1L, 4L, 5L, 7L, 8L);
        assertThat(syncRequests()).containsExactly(0L);
        // A repeat is dropped.
        deliver(PUBLIC, List.of(live(8, 5, "PUBLIC")));
        assertThat(applied()).containsExactly(1L, 4L, 5L, 7L, 8L);
        assertThat(Browsers.consoleErrors(driver)).isEmpty();
    }

    @Test
    void aMessageLeavesOutWhatItsTopicAndItsFirstEventSayAndTheClientReadsEachEventWhole() {
        open("");
        deliver(SYNC, Map.of("exerciseId", "x1", "events", List.of(), "lastSeq", 0, "complete", true));
        Browsers.waiting(driver).until(d -> "live".equals(Browsers.js(d, "return window.state")));
        deliver("/topic/exercise.x1.team.MOSCOW", List.of(
                Map.of("seq", 1, "prev", 0, "type", "DRAFT_CHANGED", "turn", 2, "phase", "ORDERS", "time", 1795602667123L,
                        "actor", "Boris", "payload", Map.of()),
                Map.of("seq", 2, "prev", 1, "type", "ORDERS_SEALED", "phase", "ADJUDICATION", "payload", Map.of())));
        assertThat(applied()).containsExactly(1L, 2L);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) Browsers.js(driver, "return window.events");
        assertThat(events.get(1)).containsEntry("channel", "TEAM_MOSCOW").containsEntry("turn", 2L).containsEntry("phase", "ADJUDICATION")
                .containsEntry("time", 1795602667123L).containsEntry("actor", "Boris");
        assertThat(events.get(0)).containsEntry("channel", "TEAM_MOSCOW").containsEntry("phase", "ORDERS");
        assertThat(Browsers.consoleErrors(driver)).isEmpty();
    }

    @Test
    void commandIdsComeFromTheSecureRandomSource() {
        open("");
        assertThat(commandIds()).allMatch(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    }

    @Test
    void withoutRandomUuidTheIdsStillComeFromTheSecureSourceNeverFromMathRandom() {
        open("?insecure");
        assertThat(commandIds()).allMatch(id -> id.matches("c-[0-9a-f]{32}"));
        assertThat(Browsers.consoleErrors(driver)).isEmpty();
    }

    /** Ten commands sent once the client is live: their ids, all different. */
    private List<String> commandIds() {
        deliver(SYNC, Map.of("exerciseId", "x1", "events", List.of(), "lastSeq", 0, "complete", true));
        Browsers.js(driver, "for (let i = 0; i < 10; i++) window.live.send('chat.team', { text: 'line ' + i }).catch(() => {})");
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) Browsers.js(driver, "return window.broker.published"
                + ".filter(f => f.destination.endsWith('.chat.team')).map(f => f.body.commandId)");
        assertThat(ids).hasSize(10).doesNotHaveDuplicates();
        return ids;
    }

    /** An event as a catch-up reply holds it. */
    private static Map<String, Object> event(long seq, String channel) {
        return Map.of("seq", seq, "channel", channel, "type", "CHAT_PUBLIC", "payload", Map.of("text", "event " + seq));
    }

    /** An event as a topic carries it: with the seq of the one before it on its channel. */
    private static Map<String, Object> live(long seq, long prev, String channel) {
        return Map.of("seq", seq, "prev", prev, "channel", channel, "type", "CHAT_PUBLIC", "payload", Map.of("text", "event " + seq));
    }

    private void deliver(String destination, Object body) {
        Browsers.js(driver, "window.broker.deliver(arguments[0], JSON.parse(arguments[1]))", destination,
                tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body));
    }

    @SuppressWarnings("unchecked")
    private List<Long> applied() {
        return (List<Long>) Browsers.js(driver, "return window.applied");
    }

    @SuppressWarnings("unchecked")
    private List<Long> syncRequests() {
        return (List<Long>) Browsers.js(driver, "return window.broker ? window.broker.published"
                + ".filter(f => f.destination.endsWith('.sync')).map(f => f.body.after) : []");
    }
}
