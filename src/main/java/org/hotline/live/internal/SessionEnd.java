package org.hotline.live.internal;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ends a STOMP session the way STOMP requires: an ERROR frame, then the close. The frame goes out
 * through the same outbound path as every other frame of the session, and Spring closes the socket
 * only once it is written, so the client always reads why before the line drops.
 */
@Component
class SessionEnd {

    private static final Logger log = LoggerFactory.getLogger(SessionEnd.class);

    private final MessageChannel clientOutbound;
    private final JsonMapper json;

    SessionEnd(@Qualifier("clientOutboundChannel") @Lazy MessageChannel clientOutbound, JsonMapper json) {
        this.clientOutbound = clientOutbound;
        this.json = json;
    }

    /** {@code message} is for people: plain words, never the client's own bytes. */
    void end(String sessionId, String code, String message) {
        log.info("Ending session {}: {} {}", sessionId, code, message);
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(code + ": " + message);
        error.setSessionId(sessionId);
        error.setContentType(MimeTypeUtils.APPLICATION_JSON);
        byte[] body = json.writeValueAsString(new ErrorBody(code, message, null, null, null)).getBytes(StandardCharsets.UTF_8);
        clientOutbound.send(MessageBuilder.createMessage(body, error.getMessageHeaders()));
    }
}
