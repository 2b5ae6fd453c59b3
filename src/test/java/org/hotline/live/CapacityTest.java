package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.hotline.HotlineApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;

/**
 * A server with a small heap (a child JVM, -Xmx128m) is sent more idle sessions than it can hold. It
 * refuses the extra ones with a STOMP ERROR saying so, refuses a command with SERVER_BUSY while short
 * of memory, keeps its database (every acknowledged command is in the log), and takes sessions and
 * commands again once the idle sessions are gone.
 */
class CapacityTest {

    @TempDir
    Path data;
    private Process child;
    private final List<StompSession> idle = new ArrayList<>();
    private Wire.Client facilitator;

    @AfterEach
    void stop() {
        idle.forEach(CapacityTest::leave);
        if (facilitator != null) {
            facilitator.disconnect();
        }
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void aServerShortOfMemoryRefusesClearlyKeepsItsDatabaseAndRecovers() throws Exception {
        int port = freePort();
        child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=1",
                "-cp", System.getProperty("java.class.path"), HotlineApplication.class.getName(),
                "--server.port=" + port, "--hotline.data-dir=" + data.toAbsolutePath(),
                "--hotline.admin.username=" + Wire.ADMIN, "--hotline.admin.password=" + Wire.ADMIN_PASSWORD,
                "--hotline.capacity.max-heap-percent=60", "--spring.main.banner-mode=off", "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(Path.of("target", "capacity-child.log").toFile()).start();
        Wire wire = new Wire(port);
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> wire.get("/actuator/health", null).status() == 200);
        String token = wire.login();
        String id = wire.create(token, "AUTOMATIC", Map.of()).get("id").asString();
        facilitator = wire.connect(token).subscribeQueues();
        String app = "/app/exercise." + id + ".";
        List<Long> acknowledged = new ArrayList<>();
        acknowledged.add(facilitator.reply(facilitator.send(app + "note", Map.of("tag", "NOTE", "text", "before the load")))
                .get("lastSeq").asLong());

        jakarta.websocket.WebSocketContainer small = jakarta.websocket.ContainerProvider.getWebSocketContainer();
        small.setDefaultMaxTextMessageBufferSize(16 * 1024);
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        String refusal = null;
        for (int i = 0; i < 6000 && refusal == null; i++) {
            connect(wire, small, token, errors).ifPresent(idle::add);
            refusal = errors.poll();
        }
        assertThat(refusal).as("the server refused a session once short of memory").isNotNull()
                .startsWith("SERVER_BUSY: The server is short of memory");

        String busy = facilitator.send(app + "note", Map.of("tag", "NOTE", "text", "while short of memory"));
        JsonNode answer = facilitator.awaitOne("/user/queue/errors", b -> busy.equals(b.path("commandId").asString(null)))
                .deepCopy();
        assertThat(answer.get("code").asString()).isEqualTo("SERVER_BUSY");

        idle.forEach(CapacityTest::leave);
        idle.clear();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            errors.clear();
            Optional<StompSession> again = connect(wire, small, token, errors);
            again.ifPresent(StompSession::disconnect);
            return again.isPresent() && errors.isEmpty();
        });
        acknowledged.add(facilitator.reply(facilitator.send(app + "note", Map.of("tag", "NOTE", "text", "after the load")))
                .get("lastSeq").asLong());

        List<JsonNode> log = wire.log(id, token);
        List<Long> seqs = log.stream().map(e -> e.get("seq").asLong()).toList();
        assertThat(seqs).containsAll(acknowledged);
        assertThat(log.stream().map(JsonNode::toString)).noneMatch(e -> e.contains("while short of memory"));
        assertThat(wire.get("/actuator/health", null).status()).isEqualTo(200);
    }

    /** An idle session as a browser tab would hold it; empty when the server refused it. */
    private static Optional<StompSession> connect(Wire wire, jakarta.websocket.WebSocketContainer container, String token,
                                                  ConcurrentLinkedQueue<String> errors) {
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient(container));
        stomp.setMessageConverter(new JacksonJsonMessageConverter());
        StompHeaders connect = new StompHeaders();
        connect.add("Authorization", "Bearer " + token);
        try {
            StompSession session = stomp.connectAsync(URI.create("ws://localhost:" + wire.port + "/ws"), new WebSocketHttpHeaders(),
                    connect, new StompSessionHandlerAdapter() {
                        @Override
                        public java.lang.reflect.Type getPayloadType(StompHeaders headers) {
                            return JsonNode.class;
                        }

                        @Override
                        public void handleFrame(StompHeaders headers, Object payload) {
                            errors.add(String.valueOf(headers.getFirst("message")));
                        }
                    }).get(30, TimeUnit.SECONDS);
            return Optional.of(session);
        } catch (Exception refusedOrClosed) {
            if (errors.isEmpty()) {
                errors.add("no session: " + refusedOrClosed);
            }
            return Optional.empty();
        }
    }

    /**
     * Ends an idle session unless the server already has: a session can be accepted and then refused
     * (its ERROR frame comes right after CONNECTED), and disconnecting it again fails.
     */
    private static void leave(StompSession session) {
        try {
            if (session.isConnected()) {
                session.disconnect();
            }
        } catch (IllegalStateException closedMeanwhile) {
            // The server closed it between the check and the disconnect.
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
