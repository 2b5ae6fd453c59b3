package org.hotline.live.internal;

import java.util.Optional;
import org.hotline.access.Access;
import org.hotline.access.Caller;
import org.hotline.exercise.CommandRejected;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authorises every frame from a client: CONNECT needs a token, SUBSCRIBE and SEND are checked against
 * the caller's seat in the exercise now. A refused frame is dropped and answered on the sender's
 * /user/queue/errors; the session stays open.
 */
@Component
class StompGate implements ChannelInterceptor {

    private final Access access;
    private final Membership membership;
    private final Outbox outbox;
    private final Sessions sessions;
    private final LiveLimits limits;
    private final MessageChannel clientOutbound;
    private final JsonMapper json;

    StompGate(Access access, Membership membership, Outbox outbox, Sessions sessions, LiveLimits limits,
              @Qualifier("clientOutboundChannel") @Lazy
              MessageChannel clientOutbound, JsonMapper json) {
        this.access = access;
        this.membership = membership;
        this.outbox = outbox;
        this.sessions = sessions;
        this.limits = limits;
        this.clientOutbound = clientOutbound;
        this.json = json;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        return switch (stomp.getCommand()) {
            case CONNECT, STOMP -> connect(message, stomp);
            case SUBSCRIBE -> subscribe(message, stomp);
            case SEND -> send(message, stomp);
            default -> message;
        };
    }

    private Message<?> connect(Message<?> message, StompHeaderAccessor stomp) {
        Optional<Caller> caller = access.authenticate(token(stomp));
        if (caller.isEmpty()) {
            StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
            error.setMessage("UNAUTHORIZED: CONNECT needs a valid 'Authorization: Bearer <token>' header");
            error.setSessionId(stomp.getSessionId());
            clientOutbound.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
            sessions.close(stomp.getSessionId(), CloseStatus.POLICY_VIOLATION.withReason("unauthorized"));
            return null;
        }
        stomp.setUser(caller.get());
        sessions.connected(caller.get().getName(), stomp.getSessionId());
        return message;
    }

    private Message<?> subscribe(Message<?> message, StompHeaderAccessor stomp) {
        String destination = stomp.getDestination();
        if (Destinations.userQueue(destination)) {
            return message;
        }
        Optional<Destinations.Target> topic = Destinations.topic(destination);
        if (topic.isEmpty()) {
            return refuse(message, stomp, unknown(destination), null);
        }
        try {
            Membership.Seat seat = membership.of(caller(stomp), topic.get().exerciseId());
            if (!seat.channels().contains(Destinations.channel(topic.get().name()))) {
                throw new CommandRejected("FORBIDDEN", "A " + seat.role() + (seat.side() == null ? "" : " of " + seat.side())
                        + " may not subscribe to " + destination);
            }
            return message;
        } catch (CommandRejected rejected) {
            return refuse(message, stomp, rejected, topic.get().exerciseId());
        }
    }

    private Message<?> send(Message<?> message, StompHeaderAccessor stomp) {
        String destination = stomp.getDestination();
        Optional<Destinations.Target> target = Destinations.app(destination);
        if (target.isEmpty()) {
            return refuse(message, stomp, unknown(destination), null);
        }
        if (message.getPayload() instanceof byte[] body && body.length > limits.maxMessageBytes()) {
            return refuse(message, stomp, new CommandRejected("TOO_LARGE", "The message has " + body.length
                    + " bytes; the limit is " + limits.maxMessageBytes()), target.get().exerciseId());
        }
        try {
            Membership.Seat seat = membership.of(caller(stomp), target.get().exerciseId());
            if (!Destinations.maySend(target.get().name(), seat.role())) {
                throw new CommandRejected("FORBIDDEN", "A " + seat.role() + " may not send to " + destination);
            }
            return message;
        } catch (CommandRejected rejected) {
            return refuse(message, stomp, rejected, target.get().exerciseId());
        }
    }

    private static CommandRejected unknown(String destination) {
        if (destination == null) {
            return new CommandRejected("BAD_FRAME", "The frame has no destination");
        }
        return Destinations.exerciseOf(destination).filter(id -> !id.matches("[0-9a-z]{1,40}"))
                .map(id -> new CommandRejected("UNKNOWN_EXERCISE", "No exercise '" + id + "'"))
                .orElseGet(() -> new CommandRejected("BAD_FRAME", "Unknown destination " + destination
                        + " (see docs/protocol.md for the destinations)"));
    }

    private Message<?> refuse(Message<?> message, StompHeaderAccessor stomp, CommandRejected rejected, String exerciseId) {
        Caller caller = caller(stomp);
        if (caller != null) {
            outbox.error(caller.getName(), stomp.getSessionId(), new ErrorBody(rejected.code(), rejected.getMessage(),
                    exerciseId, commandId(message), stomp.getDestination()));
        }
        return null;
    }

    private static Caller caller(StompHeaderAccessor stomp) {
        return stomp.getUser() instanceof Caller caller ? caller : null;
    }

    private static String token(StompHeaderAccessor stomp) {
        String authorization = stomp.getFirstNativeHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return stomp.getFirstNativeHeader("token");
    }

    /** The commandId, when the refused frame carries a JSON body that has one (best effort). */
    private String commandId(Message<?> message) {
        if (message.getPayload() instanceof byte[] body && body.length > 0) {
            try {
                JsonNode id = json.readTree(body).get("commandId");
                return id == null || !id.isString() ? null : id.asString();
            } catch (JacksonException notJson) {
                return null;
            }
        }
        return null;
    }
}
