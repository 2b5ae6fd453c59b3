package org.hotline.live.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * The first reader of every WebSocket message, text or binary. It takes messages in parts (so one
 * over {@code hotline.live.transport-limit-bytes} is answered with an ERROR frame before the close,
 * not cut off by the container) and passes on only a message that is exactly one readable STOMP
 * frame. Before CONNECT anything else ends the session with an ERROR frame; after it, an unreadable
 * message is answered with BAD_FRAME on the session's error queue and the session goes on.
 */
@Component
class FrameReader {

    private static final Logger log = LoggerFactory.getLogger(FrameReader.class);

    /** What one session has read so far. */
    private static final class Reading {
        /** The parts of a message still coming in; null between messages, so an idle session holds no buffer. */
        ByteArrayOutputStream parts;
        boolean connected;
        boolean ended;
    }

    private final LiveLimits limits;
    private final SessionEnd sessionEnd;
    private final Outbox outbox;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();

    FrameReader(LiveLimits limits, SessionEnd sessionEnd, Outbox outbox) {
        this.limits = limits;
        this.sessionEnd = sessionEnd;
        this.outbox = outbox;
    }

    WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
                if (!(message instanceof TextMessage) && !(message instanceof BinaryMessage)) {
                    super.handleMessage(session, message);
                    return;
                }
                byte[] whole = assemble(session, message);
                if (whole != null) {
                    super.handleMessage(session, message instanceof TextMessage ? new TextMessage(whole) : new BinaryMessage(whole));
                }
            }

            @Override
            public boolean supportsPartialMessages() {
                return true;
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
                readings.remove(session.getId());
                super.afterConnectionClosed(session, status);
            }
        };
    }

    /** The whole message once its last part is in and it is one readable frame; null while parts are missing or when refused. */
    private byte[] assemble(WebSocketSession session, WebSocketMessage<?> message) {
        Reading reading = readings.computeIfAbsent(session.getId(), id -> new Reading());
        synchronized (reading) {
            if (reading.ended) {
                return null;
            }
            byte[] part = message instanceof TextMessage text ? text.getPayload().getBytes(StandardCharsets.UTF_8)
                    : bytes(((BinaryMessage) message).getPayload());
            int before = reading.parts == null ? 0 : reading.parts.size();
            if (before + part.length > limits.transportLimitBytes()) {
                reading.ended = true;
                reading.parts = null;
                sessionEnd.end(session.getId(), "TOO_LARGE", "A WebSocket message has at most " + limits.transportLimitBytes()
                        + " bytes");
                return null;
            }
            byte[] whole;
            if (message.isLast() && reading.parts == null) {
                whole = part;
            } else {
                if (reading.parts == null) {
                    reading.parts = new ByteArrayOutputStream(part.length * 2);
                }
                reading.parts.writeBytes(part);
                if (!message.isLast()) {
                    return null;
                }
                whole = reading.parts.toByteArray();
                reading.parts = null;
            }
            return admit(session, reading, whole) ? whole : null;
        }
    }

    private boolean admit(WebSocketSession session, Reading reading, byte[] whole) {
        StompCommand command;
        try {
            command = onlyFrame(whole);
        } catch (Unreadable problem) {
            refuse(session, reading, problem.getMessage());
            return false;
        }
        if (command == null) {
            // Heartbeats; before CONNECT there is no session to keep alive.
            return reading.connected;
        }
        boolean connect = command == StompCommand.CONNECT || command == StompCommand.STOMP;
        if (connect && reading.connected) {
            refuse(session, reading, "This session is already connected");
            return false;
        }
        if (!connect && !reading.connected) {
            reading.ended = true;
            sessionEnd.end(session.getId(), "UNAUTHORIZED", "The first frame must be CONNECT with an 'Authorization: Bearer <token>' header");
            return false;
        }
        reading.connected = true;
        return true;
    }

    private void refuse(WebSocketSession session, Reading reading, String problem) {
        if (!reading.connected) {
            reading.ended = true;
            sessionEnd.end(session.getId(), "BAD_FRAME", problem);
            return;
        }
        log.info("Refused a WebSocket message from session {}: BAD_FRAME {}", session.getId(), problem);
        // The session's own error queue: the user may not be known yet, its CONNECT can still be on its way to the gate.
        outbox.error(session.getId(), new ErrorBody("BAD_FRAME", problem, null, null, null));
    }

    /**
     * The command of the one frame in a message (null: heartbeats only). Clients send one whole frame
     * per message; anything else would be buffered and glued to the next frame, spoiling that one too.
     */
    private static StompCommand onlyFrame(byte[] whole) throws Unreadable {
        ByteBuffer buffer = ByteBuffer.wrap(whole);
        List<Message<byte[]>> frames;
        try {
            frames = new StompDecoder().decode(buffer);
        } catch (IllegalArgumentException unknownCommand) {
            throw new Unreadable("Unreadable STOMP frame: unknown command");
        } catch (RuntimeException unreadable) {
            throw new Unreadable("Unreadable STOMP frame: malformed headers");
        }
        if (buffer.hasRemaining()) {
            throw new Unreadable(frames.isEmpty() ? "Incomplete STOMP frame (a frame ends with a NUL byte)"
                    : "A WebSocket message must carry exactly one STOMP frame (a NUL byte inside a body needs a content-length header)");
        }
        StompCommand command = null;
        for (Message<byte[]> frame : frames) {
            StompHeaderAccessor headers = MessageHeaderAccessor.getAccessor(frame, StompHeaderAccessor.class);
            if (headers == null || headers.getMessageType() == SimpMessageType.HEARTBEAT) {
                continue;
            }
            if (command != null) {
                throw new Unreadable("A WebSocket message must carry exactly one STOMP frame");
            }
            command = headers.getCommand();
        }
        return command;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
