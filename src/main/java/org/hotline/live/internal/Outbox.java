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

    public void error(String sessionId, ErrorBody error) {
        send(sessionId, "/queue/errors", error);
    }

    /**
     * Straight to the session's own queue, what Spring resolves {@code /user/queue/...} to for it, named
     * to the client as it subscribed: the answer is for the session the frame came from, so resolving the
     * user's sessions again (a lookup and one more pass through the broker channel per command) is not needed.
     */
    public void send(String sessionId, String queue, Object payload) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setSessionId(sessionId);
        headers.setNativeHeader(SimpMessageHeaderAccessor.ORIGINAL_DESTINATION, "/user" + queue);
        headers.setLeaveMutable(true);
        template.convertAndSend(queue + "-user" + sessionId, payload, headers.getMessageHeaders());
    }
}
