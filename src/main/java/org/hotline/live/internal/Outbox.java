package org.hotline.live.internal;

import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/** Messages to one session: errors, command replies, catch-up. Another tab of the same seat does not get them. */
@Component
public class Outbox {

    private final SimpMessagingTemplate template;

    public Outbox(@Lazy SimpMessagingTemplate template) {
        this.template = template;
    }

    public void error(String user, String sessionId, ErrorBody error) {
        send(user, sessionId, "/queue/errors", error);
    }

    public void send(String user, String sessionId, String queue, Object payload) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setSessionId(sessionId);
        headers.setLeaveMutable(true);
        template.convertAndSendToUser(user, queue, payload, headers.getMessageHeaders());
    }
}
