package org.hotline.live.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.exercise.Ack;
import org.hotline.exercise.EventPage;
import org.hotline.live.SessionAnswered;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Messages to one session: errors, command replies, catch-up. Another tab of the same seat does not get them. */
@Component
public class Outbox {

    private final SimpMessagingTemplate template;
    private final Sessions sessions;
    private final Subscriptions subscriptions;
    private final JsonMapper json;
    private final boolean relayed;
    private final ApplicationEventPublisher events;
    private final AtomicLong sent = new AtomicLong();

    Outbox(@Lazy SimpMessagingTemplate template, @Lazy Sessions sessions, Subscriptions subscriptions, JsonMapper json,
           RelaySettings relay, ApplicationEventPublisher events) {
        this.template = template;
        this.events = events;
        this.sessions = sessions;
        this.subscriptions = subscriptions;
        this.json = json;
        this.relayed = relay.enabled();
    }

    public void error(String sessionId, ErrorBody error) {
        send(sessionId, "/queue/errors", error);
    }

    /**
     * To the session's own subscription of {@code /user<queue>}, and to no one if it has none (as a
     * broker would). Without a relay it is written straight to the session: the answer is for the
     * session the frame came from, so neither resolving the user's sessions nor a broker is needed.
     * With one, to the queue Spring resolves {@code /user/queue/...} to for that session, named to the
     * client as it subscribed.
     */
    public void send(String sessionId, String queue, Object payload) {
        answered(payload);
        String destination = "/user" + queue;
        if (relayed) {
            SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
            headers.setSessionId(sessionId);
            headers.setNativeHeader(SimpMessageHeaderAccessor.ORIGINAL_DESTINATION, destination);
            headers.setLeaveMutable(true);
            template.convertAndSend(queue + "-user" + sessionId, payload, headers.getMessageHeaders());
            return;
        }
        String subscription = subscriptions.idOf(sessionId, destination);
        if (subscription != null) {
            byte[] body = json.writeValueAsBytes(payload);
            sessions.deliver(sessionId, MessageFrame.of(destination, "q" + sent.incrementAndGet(), subscription, "application/json",
                    new String(body, StandardCharsets.UTF_8), body.length));
        }
    }

    private void answered(Object payload) {
        if (payload instanceof Ack ack) {
            events.publishEvent(new SessionAnswered.CommandApplied(ack.duplicate()));
        } else if (payload instanceof ErrorBody error) {
            events.publishEvent(new SessionAnswered.Refused(error.code()));
        } else if (payload instanceof EventPage page) {
            events.publishEvent(new SessionAnswered.CaughtUp(page.events().size()));
        }
    }
}
