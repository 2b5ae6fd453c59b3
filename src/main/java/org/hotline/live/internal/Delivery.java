package org.hotline.live.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.ArrayList;
import java.util.List;
import org.hotline.exercise.Channel;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.EventType;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.ExerciseEventsAppended;
import org.hotline.exercise.Phase;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Broadcasts committed events: each on its own channel's topic and on the facilitator's control
 * topic. Runs in the committing thread, so topics receive events in sequence order. A command's events
 * go to the control topic as one message, a JSON array in seq order (docs/protocol.md, section 5), and
 * each run of one channel's events to that channel's topic as one message, written
 * once by the broker's own converter around the payloads' JSON as the log holds it (handing bytes to
 * convertAndSend would convert them again, into a JSON string of base64).
 */
@Component
class Delivery {

    private final SimpMessagingTemplate template;
    private final Sessions sessions;
    private final boolean relayed;

    Delivery(SimpMessagingTemplate template, Sessions sessions, RelaySettings relay) {
        this.template = template;
        this.sessions = sessions;
        this.relayed = relay.enabled();
    }

    @EventListener
    void deliver(ExerciseEventsAppended appended) {
        String prefix = "/topic/exercise." + appended.exerciseId() + ".";
        List<Sent> all = new ArrayList<>();
        List<Sent> run = new ArrayList<>();
        Channel runChannel = null;
        for (int i = 0; i < appended.events().size(); i++) {
            ExerciseEvent event = appended.events().get(i);
            Sent sent = Sent.of(event, appended.previous().get(i), appended.payloads().get(i));
            all.add(sent);
            if (event.channel() == Channel.CONTROL) {
                continue;
            }
            // A run of one channel's events is one message; a client of several channels then still
            // receives a command's events in seq order.
            if (event.channel() != runChannel && !run.isEmpty()) {
                send(prefix + runChannel.topic(), runChannel, run);
                run = new ArrayList<>();
            }
            runChannel = event.channel();
            run.add(sent);
        }
        if (!run.isEmpty()) {
            send(prefix + runChannel.topic(), runChannel, run);
        }
        send(prefix + Channel.CONTROL.topic(), Channel.CONTROL, all);
        for (ExerciseEvent event : appended.events()) {
            // Their subscriptions were authorised for the old seat: they reconnect and are checked again.
            if (event.payload() instanceof EventPayload.PlayerRemoved removed) {
                sessions.closeUser("seat:" + removed.playerId(), "seat changed");
            } else if (event.payload() instanceof EventPayload.PlayerMoved moved) {
                sessions.closeUser("seat:" + moved.playerId(), "seat changed");
            }
        }
    }

    /**
     * An event as live clients receive it: the fields of {@link ExerciseEvent} without the exercise (the
     * topic names it), its time in epoch milliseconds, {@code prev} the seq of the event before it on its
     * channel, no null fields, its payload already JSON.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Sent(long seq, long prev, EventType type, int turn, Phase phase, long time, String actor, Channel channel,
                @JsonRawValue String payload) {

        static Sent of(ExerciseEvent e, long prev, String payload) {
            return new Sent(e.seq(), prev, e.type(), e.turn(), e.phase(), e.time().toEpochMilli(), e.actor(), e.channel(), payload);
        }
    }

    /**
     * One message without a content type (every message on these topics is a JSON array) and, from the
     * simple broker, with a short message id: the broker's default (session id and a counter) was a
     * fifth of a small event's frame.
     */
    private void send(String destination, Channel channel, List<Sent> events) {
        Message<?> json = template.getMessageConverter().toMessage(events, null);
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        if (!relayed) {
            headers.setNativeHeader(StompHeaderAccessor.STOMP_MESSAGE_ID_HEADER,
                    (channel == Channel.CONTROL ? "c" : "") + events.get(0).seq());
        }
        headers.setLeaveMutable(true);
        template.send(destination, MessageBuilder.createMessage(json.getPayload(), headers.getMessageHeaders()));
    }
}
