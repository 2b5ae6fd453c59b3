package org.hotline.exercise;

import java.util.EnumSet;
import java.util.Set;
import org.hotline.access.Role;
import org.hotline.scenario.Inject;
import org.hotline.scenario.Side;

/**
 * Where an event may be seen. Each event has exactly one channel; CONTROL (the facilitator) sees
 * every channel.
 */
public enum Channel {
    PUBLIC("public"), DIPLOMACY("diplomacy"), TEAM_WASHINGTON("team.WASHINGTON"), TEAM_MOSCOW("team.MOSCOW"),
    STAFF("staff"), CONTROL("control");

    private final String topic;

    Channel(String topic) {
        this.topic = topic;
    }

    /** The last part of the STOMP topic: /topic/exercise.{id}.{topic}. */
    public String topic() {
        return topic;
    }

    public static Channel team(Side side) {
        return side == Side.WASHINGTON ? TEAM_WASHINGTON : TEAM_MOSCOW;
    }

    /** Where an inject for this audience is released. */
    public static Channel of(Inject.Audience audience) {
        return switch (audience) {
            case ALL -> PUBLIC;
            case WASHINGTON -> TEAM_WASHINGTON;
            case MOSCOW -> TEAM_MOSCOW;
            case FACILITATOR -> CONTROL;
        };
    }

    /** The audience of an inject released on this channel: the inverse of {@link #of(Inject.Audience)}. */
    public Inject.Audience audience() {
        return switch (this) {
            case PUBLIC -> Inject.Audience.ALL;
            case TEAM_WASHINGTON -> Inject.Audience.WASHINGTON;
            case TEAM_MOSCOW -> Inject.Audience.MOSCOW;
            default -> Inject.Audience.FACILITATOR;
        };
    }

    public static Channel ofTopic(String topic) {
        for (Channel channel : values()) {
            if (channel.topic.equals(topic)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("No channel '" + topic + "'");
    }

    /** The channels a role may see (docs/protocol.md, section 3). */
    public static Set<Channel> visibleTo(Role role, Side side) {
        return switch (role) {
            case FACILITATOR -> EnumSet.allOf(Channel.class);
            case NOTETAKER -> EnumSet.of(PUBLIC, DIPLOMACY, TEAM_WASHINGTON, TEAM_MOSCOW, STAFF);
            case PLAYER -> EnumSet.of(PUBLIC, DIPLOMACY, team(side));
            case OBSERVER -> EnumSet.of(PUBLIC);
            case ANALYST -> EnumSet.noneOf(Channel.class);
        };
    }
}
