package org.hotline.live.internal;

import org.hotline.exercise.Channel;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.ExerciseEventsAppended;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Broadcasts committed events: each on its own channel's topic and on the facilitator's control
 * topic. Runs in the committing thread, so topics receive events in sequence order.
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
        for (ExerciseEvent event : appended.events()) {
            if (event.channel() != Channel.CONTROL) {
                template.convertAndSend(prefix + event.channel().topic(), event);
            }
            template.convertAndSend(prefix + Channel.CONTROL.topic(), event);
            // Their subscriptions were authorised for the old seat: they reconnect and are checked again.
            if (event.payload() instanceof EventPayload.PlayerRemoved removed) {
                sessions.closeUser("seat:" + removed.playerId(), "seat changed");
            } else if (event.payload() instanceof EventPayload.PlayerMoved moved) {
                sessions.closeUser("seat:" + moved.playerId(), "seat changed");
            }
        }
    }
}
