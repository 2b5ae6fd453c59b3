package org.hotline.live.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses commands while {@link Capacity} says the server is short of memory or disk: a STOMP SEND
 * is answered with SERVER_BUSY on the sender's error queue (the session goes on; catch-up syncs still
 * pass, they write nothing), a REST write with 503 and the same body. Nothing is half-done: the
 * refusal comes before the command is read.
 */
@Component
class CapacityGate extends OncePerRequestFilter implements ChannelInterceptor {

    static final String CODE = "SERVER_BUSY";

    private final Capacity capacity;
    private final Outbox outbox;
    private final JsonMapper json;

    CapacityGate(Capacity capacity, Outbox outbox, JsonMapper json) {
        this.capacity = capacity;
        this.outbox = outbox;
        this.json = json;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() != StompCommand.SEND || stomp.getUser() == null) {
            return message;
        }
        String destination = stomp.getDestination();
        if (destination == null || destination.endsWith(".sync")) {
            return message;
        }
        String refusal = capacity.refusal();
        if (refusal == null) {
            return message;
        }
        outbox.error(stomp.getSessionId(), new ErrorBody(CODE, refusal, null,
                commandId(message.getPayload()), destination));
        return null;
    }

    private String commandId(Object payload) {
        try {
            return payload instanceof byte[] body ? json.readTree(body).path("commandId").asString(null) : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || "GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = capacity.refusal();
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setContentType("application/json");
        response.getOutputStream().write(json.writeValueAsString(new ErrorBody(CODE, refusal, null, null, null))
                .getBytes(StandardCharsets.UTF_8));
    }
}
