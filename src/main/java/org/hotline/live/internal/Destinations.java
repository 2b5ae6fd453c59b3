package org.hotline.live.internal;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.access.Role;
import org.hotline.exercise.Channel;
import org.hotline.exercise.Command;
import org.hotline.exercise.CommandType;

/** The STOMP destinations of docs/protocol.md and who may use them. */
final class Destinations {

    private static final Pattern TOPIC = Pattern.compile(
            "^/topic/exercise\\.([0-9a-z]{1,40})\\.(public|diplomacy|team\\.WASHINGTON|team\\.MOSCOW|staff|control)$");
    private static final Pattern APP = Pattern.compile(
            "^/app/exercise\\.([0-9a-z]{1,40})\\.(sync|chat\\.team|chat\\.diplomacy|draft|orders\\.submit|orders\\.unseal|proposal|note|control)$");
    private static final Pattern USER_QUEUE = Pattern.compile("^/user/queue/(errors|replies|sync)$");
    /** Anything naming an exercise, so that an unknown one is reported as such. */
    private static final Pattern ANY_EXERCISE = Pattern.compile("^/(topic|app)/exercise\\.([^.]+)\\..+$");

    private Destinations() {
    }

    record Target(String exerciseId, String name) {
    }

    static Optional<Target> topic(String destination) {
        return match(TOPIC, destination);
    }

    static Optional<Target> app(String destination) {
        return match(APP, destination);
    }

    static boolean userQueue(String destination) {
        return destination != null && USER_QUEUE.matcher(destination).matches();
    }

    static Optional<String> exerciseOf(String destination) {
        Matcher m = destination == null ? null : ANY_EXERCISE.matcher(destination);
        return m != null && m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }

    /** The commands each SEND destination carries; sync is a read, open to every seat. */
    private static final Map<String, Class<? extends Command>> COMMANDS = Map.of(
            "chat.team", Command.ChatTeam.class,
            "chat.diplomacy", Command.ChatDiplomacy.class,
            "draft", Command.DraftLine.class,
            "orders.submit", Command.SubmitOrders.class,
            "orders.unseal", Command.UnsealOrders.class,
            "proposal", Command.ProposalAction.class,
            "note", Command.Note.class,
            "control", Command.Control.class);

    static Class<? extends Command> command(String destination) {
        return COMMANDS.get(destination);
    }

    /** Whether a role may send to the destination at all: {@link CommandType}'s table decides. */
    static boolean maySend(String destination, Role role) {
        Class<? extends Command> kind = COMMANDS.get(destination);
        return "sync".equals(destination) || kind != null && CommandType.maySend(role, kind);
    }

    static Channel channel(String topicName) {
        return Channel.ofTopic(topicName);
    }

    private static Optional<Target> match(Pattern pattern, String destination) {
        if (destination == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(destination);
        return m.matches() ? Optional.of(new Target(m.group(1), m.group(2))) : Optional.empty();
    }
}
