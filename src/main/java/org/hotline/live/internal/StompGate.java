package org.hotline.live.internal;

import java.util.Optional;
import org.hotline.access.Access;
import org.hotline.access.AccessRefused;
import org.hotline.access.Caller;
import org.hotline.access.TokenGrant;
import org.hotline.exercise.CommandRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authorises every frame from a client: only CONNECT, SUBSCRIBE, UNSUBSCRIBE, SEND, DISCONNECT and
 * heartbeats are accepted (a client-sent MESSAGE would otherwise reach subscribers as if the server had
 * said it). CONNECT needs a token, SUBSCRIBE and SEND are checked against the caller's seat in the
 * exercise now. A refused frame is dropped and answered on the sender's /user/queue/errors; the
 * session stays open. A refused CONNECT gets an ERROR frame, then the close. Without a relay an
 * allowed SUBSCRIBE or UNSUBSCRIBE ends here too, kept in {@link Subscriptions}: the server writes to
 * subscribers itself, so the simple broker keeps only sessions and heartbeats.
 */
@Component
class StompGate implements ChannelInterceptor {

    private static final Logger log = LoggerFactory.getLogger(StompGate.class);
    static final String DATABASE_AWAY = "The server cannot reach its database for a moment; nothing was changed. Try again shortly.";

    private final Access access;
    private final Membership membership;
    private final Outbox outbox;
    private final Sessions sessions;
    private final LiveLimits limits;
    private final Subscriptions subscriptions;
    private final TokenSessions tokenSessions;
    private final SessionEnd sessionEnd;
    private final JsonMapper json;
    /** Whether subscriptions go on to a broker; without a relay, Delivery and Outbox write to subscribers themselves. */
    private final boolean relayed;

    StompGate(Access access, Membership membership, Outbox outbox, Sessions sessions, LiveLimits limits,
              Subscriptions subscriptions, TokenSessions tokenSessions, SessionEnd sessionEnd, JsonMapper json,
              RelaySettings relay) {
        this.access = access;
        this.membership = membership;
        this.outbox = outbox;
        this.sessions = sessions;
        this.limits = limits;
        this.subscriptions = subscriptions;
        this.tokenSessions = tokenSessions;
        this.sessionEnd = sessionEnd;
        this.json = json;
        this.relayed = relay.enabled();
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null) {
            return null;
        }
        if (stomp.getCommand() == null) {
            return stomp.getMessageType() == SimpMessageType.HEARTBEAT ? message : null;
        }
        try {
            return switch (stomp.getCommand()) {
                case CONNECT, STOMP -> connect(message, stomp);
                case SUBSCRIBE -> subscribeOnce(message, stomp);
                case UNSUBSCRIBE -> unsubscribe(message, stomp);
                case SEND -> send(message, stomp);
                case DISCONNECT -> disconnect(message, stomp);
                default -> refuse(message, stomp, new CommandRejected("BAD_FRAME", "A client may not send " + stomp.getCommand()
                        + " frames; only CONNECT, SUBSCRIBE, UNSUBSCRIBE, SEND and DISCONNECT"), null);
            };
        } catch (DataAccessException away) {
            return databaseAway(message, stomp, away);
        }
    }

    /**
     * The database did not answer while the frame was checked (restarting, failing over). Spring would
     * end the session with the driver's message, SQL and table names included, which also reads as a
     * refused token to the browser client, so it would stop for good. Instead a command is refused on
     * the sender's error queue, to be sent again; a CONNECT, SUBSCRIBE or catch-up cannot be left half
     * done, so the session ends in plain words and the client reconnects and catches up.
     */
    private Message<?> databaseAway(Message<?> message, StompHeaderAccessor stomp, DataAccessException away) {
        log.warn("Database not reachable while checking {} from session {}: {}", stomp.getCommand(), stomp.getSessionId(),
                away.getMostSpecificCause().getMessage());
        CommandRejected busy = new CommandRejected(CapacityGate.CODE, DATABASE_AWAY);
        Optional<Destinations.Target> command = stomp.getCommand() == StompCommand.SEND
                ? Destinations.app(stomp.getDestination()).filter(target -> !target.name().equals("sync")) : Optional.empty();
        if (command.isPresent()) {
            return refuse(message, stomp, busy, command.get().exerciseId());
        }
        sessionEnd.end(stomp.getSessionId(), busy.code(), busy.getMessage());
        return null;
    }

    private Message<?> connect(Message<?> message, StompHeaderAccessor stomp) {
        Optional<TokenGrant> grant;
        try {
            grant = access.grant(token(stomp), ClientAddress.of(stomp.getSessionAttributes()));
        } catch (AccessRefused limited) {
            sessionEnd.end(stomp.getSessionId(), limited.code(), limited.getMessage());
            return null;
        }
        if (grant.isEmpty()) {
            sessionEnd.end(stomp.getSessionId(), "UNAUTHORIZED", "CONNECT needs a valid 'Authorization: Bearer <token>' header");
            return null;
        }
        Caller caller = grant.get().caller();
        stomp.setUser(caller);
        sessions.connected(caller.getName(), stomp.getSessionId());
        tokenSessions.opened(stomp.getSessionId(), grant.get());
        return message;
    }

    /** One subscription per destination and a cap per session, then the seat's right to the destination. */
    private Message<?> subscribeOnce(Message<?> message, StompHeaderAccessor stomp) {
        if (stomp.getDestination() == null) {
            return refuse(message, stomp, unknown(null), null);
        }
        CommandRejected problem = subscriptions.problem(stomp.getSessionId(), stomp.getSubscriptionId(), stomp.getDestination());
        if (problem != null) {
            return refuse(message, stomp, problem, null);
        }
        Message<?> allowed = subscribe(message, stomp);
        if (allowed != null) {
            subscriptions.add(stomp.getSessionId(), stomp.getSubscriptionId(), stomp.getDestination());
        }
        return relayed ? allowed : null;
    }

    private Message<?> unsubscribe(Message<?> message, StompHeaderAccessor stomp) {
        if (!subscriptions.remove(stomp.getSessionId(), stomp.getSubscriptionId())) {
            return refuse(message, stomp, new CommandRejected("BAD_FRAME", "No subscription with that id"), null);
        }
        return relayed ? message : null;
    }

    private Message<?> disconnect(Message<?> message, StompHeaderAccessor stomp) {
        subscriptions.forget(stomp.getSessionId());
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
                .map(id -> new CommandRejected("UNKNOWN_EXERCISE", "No such exercise"))
                .orElseGet(() -> new CommandRejected("BAD_FRAME", "Unknown destination (see docs/protocol.md for the destinations)"));
    }

    private Message<?> refuse(Message<?> message, StompHeaderAccessor stomp, CommandRejected rejected, String exerciseId) {
        log.info("Refused {} {} from session {}: {} {}", stomp.getCommand(), LogText.of(stomp.getDestination()),
                stomp.getSessionId(), rejected.code(), LogText.of(rejected.getMessage()));
        Caller caller = caller(stomp);
        if (caller != null) {
            outbox.error(stomp.getSessionId(), new ErrorBody(rejected.code(), rejected.getMessage(),
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
