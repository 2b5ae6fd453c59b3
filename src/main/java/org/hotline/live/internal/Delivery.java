package org.hotline.live.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.hotline.exercise.Channel;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.EventType;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.ExerciseEventsAppended;
import org.hotline.exercise.Phase;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Broadcasts committed events: each on its own channel's topic and on the facilitator's control
 * topic. Runs in the committing thread, so topics receive events in sequence order. A command's events
 * go to the control topic as one message, a JSON array in seq order (docs/protocol.md, section 5), and
 * each run of one channel's events to that channel's topic as one message, written once around the
 * payloads' JSON as the log holds it.
 */
@Component
class Delivery {

    private final SimpMessagingTemplate template;
    private final Sessions sessions;
    private final Subscriptions subscriptions;
    private final boolean relayed;
    private final JsonMapper json;

    Delivery(SimpMessagingTemplate template, Sessions sessions, Subscriptions subscriptions, RelaySettings relay, JsonMapper json) {
        this.template = template;
        this.sessions = sessions;
        this.subscriptions = subscriptions;
        this.relayed = relay.enabled();
        this.json = json;
    }

    @EventListener
    void deliver(ExerciseEventsAppended appended) {
        String prefix = "/topic/exercise." + appended.exerciseId() + ".";
        List<ExerciseEvent> events = appended.events();
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Channel channel = events.get(i).channel();
            if (channel == Channel.CONTROL) {
                continue;
            }
            // A run of one channel's events is one message; a client of several channels then still
            // receives a command's events in seq order.
            if (!run.isEmpty() && events.get(run.get(0)).channel() != channel) {
                send(prefix, run, appended, false);
                run = new ArrayList<>();
            }
            run.add(i);
        }
        if (!run.isEmpty()) {
            send(prefix, run, appended, false);
        }
        send(prefix, IntStream.range(0, events.size()).boxed().toList(), appended, true);
        for (ExerciseEvent event : events) {
            // Their subscriptions were authorised for the old seat: they reconnect and are checked again.
            String player = seatChanged(event);
            if (player != null) {
                sessions.closeUser("seat:" + player, "seat changed");
            }
        }
    }

    /** The player whose seat the event removes or moves, or null. */
    static String seatChanged(ExerciseEvent event) {
        return event.payload() instanceof EventPayload.PlayerRemoved removed ? removed.playerId()
                : event.payload() instanceof EventPayload.PlayerMoved moved ? moved.playerId() : null;
    }

    /**
     * An event as live clients receive it (docs/protocol.md section 5): the fields of {@link ExerciseEvent}
     * without what the topic or the message already says. No exercise (the topic names it); on a
     * channel's topic no {@code channel} (the topic is the channel), on the control topic no {@code prev}
     * (that topic carries every event: the one before is seq - 1); {@code time} (epoch milliseconds) and
     * {@code actor} on a message's first event only (one command made them all, at one time); {@code turn}
     * and {@code phase} only where they differ from the event before in the message. Its payload is
     * already JSON.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Sent(long seq, Long prev, EventType type, Integer turn, Phase phase, Long time, String actor, Channel channel,
                @JsonRawValue String payload) {

        /** The events at {@code indexes} of {@code appended} as one message. */
        static List<Sent> message(ExerciseEventsAppended appended, List<Integer> indexes, boolean control) {
            List<Sent> message = new ArrayList<>(indexes.size());
            ExerciseEvent before = null;
            for (int i : indexes) {
                ExerciseEvent e = appended.events().get(i);
                message.add(new Sent(e.seq(), control ? null : appended.previous().get(i), e.type(),
                        before != null && before.turn() == e.turn() ? null : e.turn(),
                        before != null && before.phase() == e.phase() ? null : e.phase(),
                        before != null ? null : e.time().toEpochMilli(), before != null ? null : e.actor(),
                        control ? e.channel() : null, appended.payloads().get(i)));
                before = e;
            }
            return message;
        }
    }

    /**
     * One message without a content type (every message on these topics is a JSON array), its id the
     * first event's seq. Without a relay it is written here to each subscriber's session: the simple
     * broker made a message per subscriber and handed each to another thread to be encoded (a fifth
     * of the server's time); here the body is written once and only the subscription header differs.
     */
    private void send(String prefix, List<Integer> indexes, ExerciseEventsAppended appended, boolean control) {
        Channel channel = control ? Channel.CONTROL : appended.events().get(indexes.get(0)).channel();
        String topic = prefix + channel.topic();
        // Written here, not by the template's converter: its checks and the message it builds were a quarter of its time.
        byte[] body = json.writeValueAsBytes(Sent.message(appended, indexes, control));
        if (relayed) {
            SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
            headers.setLeaveMutable(true);
            template.send(topic, MessageBuilder.createMessage(body, headers.getMessageHeaders()));
            return;
        }
        String messageId = (control ? "c" : "") + appended.events().get(indexes.get(0)).seq();
        String text = new String(body, StandardCharsets.UTF_8);
        for (Subscriptions.Subscriber subscriber : subscriptions.of(topic)) {
            sessions.deliver(subscriber.sessionId(), MessageFrame.of(topic, messageId, subscriber.subscriptionId(), null, text, body.length));
        }
    }
}
