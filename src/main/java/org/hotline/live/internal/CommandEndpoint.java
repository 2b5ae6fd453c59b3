package org.hotline.live.internal;

import java.security.Principal;
import org.hotline.access.Caller;
import org.hotline.exercise.Ack;
import org.hotline.exercise.Command;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.CommandType;
import org.hotline.exercise.Exercises;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SEND destinations (docs/protocol.md section 3). The gate has already authorised the frame; here the
 * body is parsed and the command handed to the exercise. The answer goes to the sending session only.
 */
@Controller
class CommandEndpoint {

    private static final Logger log = LoggerFactory.getLogger(CommandEndpoint.class);

    private final Exercises exercises;
    private final Membership membership;
    private final Outbox outbox;
    private final ChatRate chatRate;
    private final LiveLimits limits;
    private final JsonMapper json;
    private final SessionEnd sessionEnd;

    CommandEndpoint(Exercises exercises, Membership membership, Outbox outbox, ChatRate chatRate, LiveLimits limits,
                    JsonMapper json, SessionEnd sessionEnd) {
        this.exercises = exercises;
        this.membership = membership;
        this.outbox = outbox;
        this.chatRate = chatRate;
        this.limits = limits;
        this.json = json;
        this.sessionEnd = sessionEnd;
    }

    @MessageMapping("exercise.{id}.sync")
    void sync(@DestinationVariable String id, Message<byte[]> message, Principal principal, SimpMessageHeaderAccessor headers) {
        answer(id, message, principal, headers, () -> {
            try {
                Membership.Seat seat = membership.of((Caller) principal, id);
                JsonNode after = body(message).get("after");
                if (after == null || !after.isIntegralNumber() || !after.canConvertToLong() || after.asLong() < 0) {
                    throw new CommandRejected("INVALID", "after: the last sequence number applied (0 the first time)");
                }
                outbox.send(headers.getSessionId(), "/queue/sync",
                        exercises.loggedPage(id, after.asLong(), seat.channels(), limits.eventsPerPage()));
            } catch (DataAccessException away) {
                // An unanswered catch-up would hold the client back for good: it reconnects and asks again.
                sessionEnd.end(headers.getSessionId(), CapacityGate.CODE, StompGate.DATABASE_AWAY);
            }
        });
    }

    /** Every command destination; its last part names the command (Destinations, the gate has checked it). */
    @MessageMapping({"exercise.{id}.chat.team", "exercise.{id}.chat.diplomacy", "exercise.{id}.draft", "exercise.{id}.orders.submit",
        "exercise.{id}.orders.unseal", "exercise.{id}.proposal", "exercise.{id}.note", "exercise.{id}.control"})
    void command(@DestinationVariable String id, Message<byte[]> message, Principal principal, SimpMessageHeaderAccessor headers) {
        Class<? extends Command> type = Destinations.app(headers.getDestination()).map(t -> Destinations.command(t.name())).orElseThrow();
        command(id, message, principal, headers, type);
    }

    private void command(String id, Message<byte[]> message, Principal principal, SimpMessageHeaderAccessor headers,
                         Class<? extends Command> type) {
        answer(id, message, principal, headers, () -> {
            Membership.Seat seat = membership.of((Caller) principal, id);
            ObjectNode body = body(message);
            JsonNode idNode = body.remove("commandId");
            String commandId = idNode == null || !idNode.isString() ? null : idNode.asString();
            Command command = read(body, type);
            // A resend is recognised before any limit: it gets its acknowledgement again, not RATE_LIMITED.
            boolean chat = command instanceof Command.ChatTeam || command instanceof Command.ChatDiplomacy;
            Ack ack = exercises.handle(id, seat.actor(), commandId, command, chat ? () -> checkChat(seat, body) : () -> { });
            outbox.send(headers.getSessionId(), "/queue/replies", ack);
        });
    }

    private Command read(ObjectNode body, Class<? extends Command> type) {
        Class<? extends Command> target = type;
        if (type == Command.Control.class) {
            // The facilitator's commands share a destination: "type" names which, as in CommandType's table.
            JsonNode name = body.get("type");
            target = CommandType.control(name == null || !name.isString() ? "" : name.asString()).map(CommandType::command)
                    .orElseThrow(() -> new CommandRejected("INVALID", "type: one of " + String.join(", ", CommandType.controlNames())));
        }
        try {
            return json.readerFor(target).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
        } catch (JacksonException e) {
            throw JsonProblems.of(e);
        }
    }

    private void checkChat(Membership.Seat seat, ObjectNode body) {
        JsonNode text = body.get("text");
        if (text != null && text.isString() && text.asString().codePointCount(0, text.asString().length()) > limits.maxChatChars()) {
            throw new CommandRejected("TOO_LARGE", "A chat message has at most " + limits.maxChatChars() + " characters");
        }
        if (!chatRate.allow(seat.playerId(), System.currentTimeMillis())) {
            throw new CommandRejected("RATE_LIMITED", "Too many chat messages: at most " + limits.chatBurst() + " in "
                    + limits.chatWindowSeconds() + " seconds");
        }
    }

    private ObjectNode body(Message<byte[]> message) {
        try {
            JsonNode node = json.readTree(message.getPayload());
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new CommandRejected("BAD_JSON", "The body must be a JSON object");
        } catch (JacksonException e) {
            throw JsonProblems.of(e);
        }
    }

    private void answer(String id, Message<byte[]> message, Principal principal, SimpMessageHeaderAccessor headers, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException failure) {
            CommandRejected rejected = failure instanceof CommandRejected known ? known : internal(failure);
            log.info("Refused SEND {} from session {}: {} {}", headers.getDestination(), headers.getSessionId(), rejected.code(),
                    LogText.of(rejected.getMessage()));
            outbox.error(headers.getSessionId(), new ErrorBody(rejected.code(), rejected.getMessage(), id,
                    commandIdOf(message), headers.getDestination()));
        }
    }

    /** A failure of the server, not of the input: the stack trace goes to the log under an incident id, the sender gets the id. */
    private static CommandRejected internal(RuntimeException failure) {
        String incident = org.hotline.access.Secrets.id("i-", 8);
        log.error("Incident {}: a command could not be answered", incident, failure);
        return new CommandRejected("INTERNAL", "The server could not apply this command; nothing was changed (incident " + incident + ")");
    }

    private String commandIdOf(Message<byte[]> message) {
        try {
            JsonNode id = json.readTree(message.getPayload()).get("commandId");
            return id == null || !id.isString() ? null : id.asString();
        } catch (JacksonException | NullPointerException notJson) {
            return null;
        }
    }
}
