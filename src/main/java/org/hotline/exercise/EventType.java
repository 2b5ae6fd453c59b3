package org.hotline.exercise;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every kind of event in the log, each with its payload record. The browser's list
 * (web/js/events.js) is checked against this one by EventNamesTest.
 */
public enum EventType {
    EXERCISE_CREATED(EventPayload.ExerciseCreated.class),
    PLAYER_JOINED(EventPayload.PlayerJoined.class),
    PLAYER_REMOVED(EventPayload.PlayerRemoved.class),
    PLAYER_MOVED(EventPayload.PlayerMoved.class),
    PHASE_CHANGED(EventPayload.PhaseChanged.class),
    CLOCK_CHANGED(EventPayload.ClockChanged.class),
    STATE_FULL(EventPayload.StateFull.class),
    STATE_PUBLIC(EventPayload.StatePublic.class),
    STATE_SIDE(EventPayload.StateSide.class),
    CHAT_TEAM(EventPayload.TeamChat.class),
    CHAT_DIPLOMACY(EventPayload.DiplomaticChat.class),
    DRAFT_CHANGED(EventPayload.DraftChanged.class),
    ORDERS_SUBMITTED(EventPayload.OrdersSubmitted.class),
    ORDERS_SEALED(EventPayload.OrdersSealed.class),
    ORDERS_DEFAULTED(EventPayload.OrdersDefaulted.class),
    ORDERS_UNSEALED(EventPayload.OrdersUnsealed.class),
    PROPOSAL_MADE(EventPayload.ProposalMade.class),
    PROPOSAL_ANSWERED(EventPayload.ProposalAnswered.class),
    ARGUMENT_RATED(EventPayload.ArgumentRated.class),
    ADJUDICATION_DRAFTED(EventPayload.AdjudicationDrafted.class),
    ADJUDICATION_DECIDED(EventPayload.AdjudicationDecided.class),
    RESULTS_PUBLISHED(EventPayload.ResultsPublished.class),
    EXERCISE_ENDED(EventPayload.ExerciseEnded.class),
    INJECT_RELEASED(EventPayload.InjectReleased.class),
    NOTE_ADDED(EventPayload.NoteAdded.class);

    private static final Map<Class<?>, EventType> BY_PAYLOAD = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

    private final Class<? extends EventPayload> payloadType;

    EventType(Class<? extends EventPayload> payloadType) {
        this.payloadType = payloadType;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    public static EventType of(EventPayload payload) {
        return BY_PAYLOAD.get(payload.getClass());
    }
}
