package org.hotline.live;



import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * A WebSocket that speaks STOMP by hand, so a test can send what no STOMP library would (MESSAGE
 * frames, garbage, binary, oversized messages) and see every frame and the close in the order they came.
 */
final class RawStomp {

    /** What the server sent: frames as text, then "CLOSED <code>" once the socket is closed. */
    final List<String> seen;
    private final WebSocketSession socket;

    private RawStomp(WebSocketSession socket, List<String> seen) {
        this.socket = socket;
        this.seen = seen;
    }

    static RawStomp open(int port) {
        return open(port, new WebSocketHttpHeaders());
    }

    static RawStomp open(int port, WebSocketHttpHeaders headers) {
        jakarta.websocket.WebSocketContainer container = jakarta.websocket.ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(1024 * 1024);
        container.setDefaultMaxBinaryMessageBufferSize(1024 * 1024);
        List<String> seen = new CopyOnWriteArrayList<>();
        try {
            WebSocketSession socket = new StandardWebSocketClient(container).execute(new AbstractWebSocketHandler() {
                @Override
                public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
                    seen.add(message instanceof BinaryMessage binary
                            ? StandardCharsets.UTF_8.decode(binary.getPayload()).toString() : ((TextMessage) message).getPayload());
                }

                @Override
                public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
                    seen.add("CLOSED " + status.getCode());
                }
            }, headers, URI.create("ws://localhost:" + port + "/ws")).get(10, TimeUnit.SECONDS);
            return new RawStomp(socket, seen);
        } catch (Exception e) {
            throw new IllegalStateException("WebSocket handshake failed", e);
        }
    }

    /** Connects with the token and subscribes to the session's error and reply queues. */
    static RawStomp connect(int port, String token) {
        RawStomp raw = open(port);
        raw.send("CONNECT\naccept-version:1.2\nhost:localhost\nAuthorization:Bearer " + token + "\n\n\0");
        raw.await(f -> f.startsWith("CONNECTED"));
        raw.send("SUBSCRIBE\nid:errors\ndestination:/user/queue/errors\n\n\0");
        raw.send("SUBSCRIBE\nid:replies\ndestination:/user/queue/replies\n\n\0");
        return raw;
    }

    void send(String frame) {
        send(new TextMessage(frame));
    }

    void sendBinary(byte[] bytes) {
        send(new BinaryMessage(bytes));
    }

    private void send(WebSocketMessage<?> message) {
        try {
            socket.sendMessage(message);
        } catch (Exception e) {
            throw new IllegalStateException("send failed", e);
        }
    }

    /** A SEND with a JSON body (and its content-length, so a NUL inside is part of the body). */
    void sendJson(String destination, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        send("SEND\ndestination:" + destination + "\ncontent-type:application/json\ncontent-length:" + body.length + "\n\n" + json + "\0");
    }

    String await(Predicate<String> match) {
        org.awaitility.Awaitility.await().atMost(Wire.WAIT).until(() -> seen.stream().anyMatch(match));
        return seen.stream().filter(match).findFirst().orElseThrow();
    }

    long count(Predicate<String> match) {
        return seen.stream().filter(match).count();
    }

    boolean open() {
        return socket.isOpen();
    }

    void close() {
        try {
            socket.close();
        } catch (Exception alreadyClosed) {
            // The server closed it first.
        }
    }
}
