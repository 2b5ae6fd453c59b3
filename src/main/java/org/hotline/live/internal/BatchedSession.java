package org.hotline.live.internal;

import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * Puts the STOMP frames that reach one client within a moment into one WebSocket message (a command
 * makes several events, often on several topics): fewer, larger writes for the server and the
 * client. STOMP frames end with a NUL byte, so the client's parser splits them again (stomp.js and
 * Spring's client both read several frames from one message). Frames keep their order; a close waits
 * for the frames before it.
 */
final class BatchedSession extends WebSocketSessionDecorator {

    /** How long the first frame waits for others to join it. */
    static final long LINGER_MICROS = 2_000;
    /** A message is cut here (a single larger frame still goes whole). */
    static final int MAX_MESSAGE_CHARS = 32 * 1024;

    /**
     * How long a write may wait for a client that does not take it in before its session is ended
     * (Tomcat's default is 20 s): such a client holds one of the writer threads meanwhile, and as long
     * again for the close frame, which has the same limit.
     */
    static final long SEND_TIME_LIMIT_MILLIS = 5_000;
    /** Tomcat's session property for a blocking write's time limit. */
    private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final ScheduledExecutorService writers;
    private final int bufferLimitChars;
    /** Frames not yet written; null when there are none. */
    private StringBuilder pending;
    /** The server's own frames sent before CONNECTED went out; null when there are none. */
    private StringBuilder early;
    private boolean greeted;
    private boolean writing;
    private CloseStatus closing;

    BatchedSession(WebSocketSession session, ScheduledExecutorService writers, int bufferLimitChars) {
        super(session);
        this.writers = writers;
        this.bufferLimitChars = bufferLimitChars;
        ((NativeWebSocketSession) session).getNativeSession(Session.class).getUserProperties()
                .put(BLOCKING_SEND_TIMEOUT, SEND_TIME_LIMIT_MILLIS);
    }

    /** Spring's frames: CONNECTED, heartbeats, ERROR and DISCONNECT's RECEIPT. */
    @Override
    public void sendMessage(WebSocketMessage<?> message) throws IOException {
        if (!(message instanceof TextMessage text)) {
            getDelegate().sendMessage(message);
            return;
        }
        add(text.getPayload(), false);
    }

    /**
     * A frame written by the server itself (events, answers, catch-up). Until the CONNECTED frame
     * has gone out such frames wait behind it: a client that sends its SUBSCRIBE and SEND frames
     * without waiting for CONNECTED still reads CONNECTED first, as STOMP requires.
     */
    void deliver(String frame) {
        add(frame, true);
    }

    private void add(String frame, boolean direct) {
        synchronized (this) {
            if (closing != null) {
                return;
            }
            int waiting = (pending == null ? 0 : pending.length()) + (early == null ? 0 : early.length());
            if (waiting > 0 && waiting + frame.length() > bufferLimitChars) {
                // The client does not read what it is sent: the same rule as Spring's send buffer limit.
                // A single large frame (a catch-up page) with nothing waiting still goes: closing would
                // only bring the client back for the same page.
                pending = null;
                early = null;
                closing = CloseStatus.SESSION_NOT_RELIABLE;
            } else if (direct && !greeted) {
                early = early == null ? new StringBuilder(frame) : early.append(frame);
                return;
            } else {
                append(frame);
                if (!greeted && frame.startsWith("CONNECTED\n")) {
                    greeted = true;
                    if (early != null) {
                        append(early);
                        early = null;
                    }
                }
            }
            if (writing) {
                return;
            }
            writing = true;
        }
        writers.schedule(this::write, LINGER_MICROS, TimeUnit.MICROSECONDS);
    }

    private void append(CharSequence frames) {
        if (pending == null) {
            pending = new StringBuilder(frames);
        } else {
            pending.append(frames);
        }
    }

    @Override
    public void close(CloseStatus status) throws IOException {
        synchronized (this) {
            if (closing == null) {
                closing = status;
            }
            if (writing) {
                return;
            }
            writing = true;
        }
        writers.execute(this::write);
    }

    @Override
    public void close() throws IOException {
        close(CloseStatus.NORMAL);
    }

    @Override
    public void setTextMessageSizeLimit(int messageSizeLimit) {
        // The container's parts keep their size; the whole message's limit is FrameReader's.
    }

    /** Writes what is pending, message after message, then closes if asked; one writer per session at a time. */
    private void write() {
        while (true) {
            String text;
            CloseStatus close;
            synchronized (this) {
                if (pending == null) {
                    writing = false;
                    close = closing;
                    text = null;
                } else {
                    int cut = cut();
                    if (cut == pending.length()) {
                        text = pending.toString();
                        pending = null;
                    } else {
                        text = pending.substring(0, cut);
                        pending.delete(0, cut);
                    }
                    close = null;
                }
            }
            try {
                if (text == null) {
                    if (close != null && getDelegate().isOpen()) {
                        getDelegate().close(close);
                    }
                    return;
                }
                getDelegate().sendMessage(new TextMessage(text));
            } catch (IOException | RuntimeException gone) {
                synchronized (this) {
                    pending = null;
                    closing = closing == null ? CloseStatus.SESSION_NOT_RELIABLE : closing;
                }
            }
        }
    }

    /** The end of the last whole frame within the message limit, or of the first frame if it alone is larger. */
    private int cut() {
        if (pending.length() <= MAX_MESSAGE_CHARS) {
            return pending.length();
        }
        int end = pending.lastIndexOf("\0", MAX_MESSAGE_CHARS - 1);
        if (end < 0) {
            end = pending.indexOf("\0");
        }
        return end < 0 ? pending.length() : end + 1;
    }
}
