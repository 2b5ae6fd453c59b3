package org.hotline.live.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.websocket.Session;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/** What a client receives through {@link BatchedSession}: its frames whole, in order, in few messages. */
class BatchedSessionTest {

    private final ScheduledExecutorService writers = Executors.newSingleThreadScheduledExecutor();
    private final List<String> written = new CopyOnWriteArrayList<>();
    private final List<CloseStatus> closed = new CopyOnWriteArrayList<>();
    private final NativeWebSocketSession socket = mock(NativeWebSocketSession.class);
    private final Map<String, Object> containerProperties = new HashMap<>();

    BatchedSessionTest() throws Exception {
        Session container = mock(Session.class);
        when(socket.getNativeSession(Session.class)).thenReturn(container);
        when(container.getUserProperties()).thenReturn(containerProperties);
        when(socket.isOpen()).thenReturn(true);
        doAnswer(call -> written.add(((TextMessage) call.getArgument(0)).getPayload())).when(socket).sendMessage(any());
        doAnswer(call -> closed.add(call.getArgument(0))).when(socket).close(any());
    }

    @AfterEach
    void stop() {
        writers.shutdownNow();
    }

    @Test
    void framesOfAMomentGoInOneMessageCutAtFrameEndsAndTheSessionSendsAgainAfterwards() throws Exception {
        BatchedSession batched = new BatchedSession(socket, writers, 1024 * 1024);
        // The writer thread is kept busy until all 40 frames are in: "a moment" however slow this machine is.
        CountDownLatch allSent = new CountDownLatch(1);
        writers.execute(() -> {
            try {
                allSent.await();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        StringBuilder sent = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String frame = "MESSAGE\nframe:" + i + "\n\n" + "x".repeat(1000) + "\0";
            sent.append(frame);
            batched.sendMessage(new TextMessage(frame));
        }
        allSent.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> String.join("", written).length() == sent.length());
        assertThat(String.join("", written)).isEqualTo(sent.toString());
        assertThat(written).hasSizeBetween(2, 3).allSatisfy(message -> {
            assertThat(message.length()).isLessThanOrEqualTo(BatchedSession.MAX_MESSAGE_CHARS);
            assertThat(message).endsWith("\0").startsWith("MESSAGE\n");
        });

        written.clear();
        batched.sendMessage(new TextMessage("MESSAGE\nframe:later\n\n\0"));
        await().atMost(Duration.ofSeconds(5)).until(() -> written.equals(List.of("MESSAGE\nframe:later\n\n\0")));
        assertThat(closed).isEmpty();
    }

    @Test
    void theServersOwnFramesWaitForConnectedThenFollowItInOrder() throws Exception {
        BatchedSession batched = new BatchedSession(socket, writers, 1024 * 1024);
        batched.deliver("MESSAGE\nframe:1\n\n\0");
        batched.deliver("MESSAGE\nframe:2\n\n\0");
        Thread.sleep(50);
        assertThat(written).isEmpty();
        batched.sendMessage(new TextMessage("CONNECTED\nversion:1.2\n\n\0"));
        batched.deliver("MESSAGE\nframe:3\n\n\0");
        String all = "CONNECTED\nversion:1.2\n\n\0MESSAGE\nframe:1\n\n\0MESSAGE\nframe:2\n\n\0MESSAGE\nframe:3\n\n\0";
        await().atMost(Duration.ofSeconds(5)).until(() -> String.join("", written).length() == all.length());
        assertThat(String.join("", written)).isEqualTo(all);
    }

    @Test
    void aClientThatLetsMoreThanTheLimitWaitIsClosedAndGetsNothingMore() throws Exception {
        CountDownGate gate = new CountDownGate();
        doAnswer(call -> {
            gate.holdWhileClosed();
            return written.add(((TextMessage) call.getArgument(0)).getPayload());
        }).when(socket).sendMessage(any());
        BatchedSession batched = new BatchedSession(socket, writers, 3000);
        batched.sendMessage(new TextMessage("a".repeat(1000) + "\0"));
        await().atMost(Duration.ofSeconds(5)).until(gate::holding);
        // The first message is being written (the client is slow): these wait, up to the limit and past it.
        batched.sendMessage(new TextMessage("b".repeat(1500) + "\0"));
        batched.sendMessage(new TextMessage("c".repeat(1500) + "\0"));
        batched.sendMessage(new TextMessage("d\0"));
        gate.open();
        await().atMost(Duration.ofSeconds(5)).until(() -> closed.equals(List.of(CloseStatus.SESSION_NOT_RELIABLE)));
        assertThat(written).containsExactly("a".repeat(1000) + "\0");
    }

    @Test
    void oneFrameLargerThanTheLimitWithNothingWaitingIsWrittenNotRefused() throws Exception {
        BatchedSession batched = new BatchedSession(socket, writers, 3000);
        String page = "MESSAGE\n\n" + "p".repeat(5000) + "\0";
        batched.sendMessage(new TextMessage("CONNECTED\nversion:1.2\n\n\0"));
        await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 1);
        batched.deliver(page);
        await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 2);
        assertThat(written.get(1)).isEqualTo(page);
        assertThat(closed).isEmpty();
    }

    @Test
    void aWriteToAClientThatDoesNotReadGivesUpSoonerThanTheContainersDefault() {
        new BatchedSession(socket, writers, 3000);
        assertThat(containerProperties).containsEntry("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT",
                BatchedSession.SEND_TIME_LIMIT_MILLIS);
    }

    /** Holds the writer inside its first write until opened. */
    private static final class CountDownGate {
        private boolean open;
        private boolean holding;

        synchronized void holdWhileClosed() throws InterruptedException {
            holding = true;
            while (!open) {
                wait();
            }
        }

        synchronized boolean holding() {
            return holding;
        }

        synchronized void open() {
            open = true;
            notifyAll();
        }
    }
}
