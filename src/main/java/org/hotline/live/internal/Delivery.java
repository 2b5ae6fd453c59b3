package org.hotline.live.internal;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.hotline.exercise.Channel;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.EventType;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.ExerciseEventsAppended;
import org.hotline.exercise.Phase;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Broadcasts committed events: each on its own channel's topic and on the facilitator's control
 * topic. Runs in the committing thread, so topics receive events in sequence order. Each event is
 * written as JSON once, by the broker's own converter, around the payload's JSON as the log holds it
 * (written once for both), and those bytes go to both topics as they are (handing the bytes to
 * convertAndSend would convert them again, into a JSON string of base64).
 */
@Component
class Delivery {

    private final SimpMessagingTemplate template;
    private final Sessions sessions;

    Delivery(SimpMessagingTemplate template, Sessions sessions) {
        this.template = template;
        this.sessions = sessions;
    }

    @EventListener
    void deliver(ExerciseEventsAppended appended) {
        String prefix = "/topic/exercise." + appended.exerciseId() + ".";
        for (int i = 0; i < appended.events().size(); i++) {
            ExerciseEvent event = appended.events().get(i);
            Message<?> json = template.getMessageConverter().toMessage(Sent.of(event, appended.payloads().get(i)), null);
            if (event.channel() != Channel.CONTROL) {
                send(prefix + event.channel().topic(), event, json);
            }
            send(prefix + Channel.CONTROL.topic(), event, json);
            // Their subscriptions were authorised for the old seat: they reconnect and are checked again.
            if (event.payload() instanceof EventPayload.PlayerRemoved removed) {
                sessions.closeUser("seat:" + removed.playerId(), "seat changed");
            } else if (event.payload() instanceof EventPayload.PlayerMoved moved) {
                sessions.closeUser("seat:" + moved.playerId(), "seat changed");
            }
        }
    }

    /** An event as clients receive it (the fields of {@link ExerciseEvent}, in its order), its payload already JSON. */
    record Sent(String exerciseId, long seq, EventType type, int turn, Phase phase, Instant time, String actor, Channel channel,
                @JsonRawValue String payload) {

        static Sent of(ExerciseEvent e, String payload) {
            return new Sent(e.exerciseId(), e.seq(), e.type(), e.turn(), e.phase(), e.time(), e.actor(), e.channel(), payload);
        }
    }

    /** The converted bytes with their content type, each destination in a message of its own. */
    private void send(String destination, ExerciseEvent event, Message<?> json) {
        if (json == null) {
            template.convertAndSend(destination, event);
            return;
        }
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setHeader(MessageHeaders.CONTENT_TYPE, json.getHeaders().get(MessageHeaders.CONTENT_TYPE));
        headers.setLeaveMutable(true);
        template.send(destination, MessageBuilder.createMessage(json.getPayload(), headers.getMessageHeaders()));
    }
}
