package org.hotline.exercise;

import static org.hotline.exercise.Phase.ADJUDICATION;
import static org.hotline.exercise.Phase.BRIEFING;
import static org.hotline.exercise.Phase.DELIBERATION;
import static org.hotline.exercise.Phase.LOBBY;
import static org.hotline.exercise.Phase.ORDERS;
import static org.hotline.exercise.Phase.RESULTS;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.access.Role;

/**
 * Who may send each command, and in which phases: the one table that the live gate (roles, per
 * destination) and the exercise (roles and phases, per command) both read. The facilitator's
 * commands go by these names on the wire ("type").
 */
public enum CommandType {
    CHAT_TEAM(Command.ChatTeam.class, players(), untilEnded()),
    CHAT_DIPLOMACY(Command.ChatDiplomacy.class, players(), untilEnded()),
    DRAFT(Command.DraftLine.class, players(), talks()),
    SUBMIT_ORDERS(Command.SubmitOrders.class, players(), EnumSet.of(ORDERS)),
    UNSEAL_ORDERS(Command.UnsealOrders.class, players(), EnumSet.of(ORDERS)),
    PROPOSAL(Command.ProposalAction.class, players(), talks()),
    NOTE(Command.Note.class, EnumSet.of(Role.FACILITATOR, Role.NOTETAKER), untilEnded()),
    START(Command.Control.Start.class, facilitator(), EnumSet.of(LOBBY)),
    ADVANCE(Command.Control.Advance.class, facilitator(), EnumSet.of(LOBBY, BRIEFING, DELIBERATION, ORDERS, RESULTS)),
    CUT(Command.Control.Cut.class, facilitator(), timed()),
    PAUSE(Command.Control.Pause.class, facilitator(), timed()),
    RESUME(Command.Control.Resume.class, facilitator(), timed()),
    EXTEND(Command.Control.Extend.class, facilitator(), timed()),
    RELEASE_INJECT(Command.Control.ReleaseInject.class, facilitator(), talks()),
    LOCK_ORDERS(Command.Control.LockOrders.class, facilitator(), EnumSet.of(ORDERS)),
    RATE_ARGUMENT(Command.Control.RateArgument.class, facilitator(), EnumSet.of(ORDERS, ADJUDICATION)),
    APPROVE(Command.Control.Decide.class, facilitator(), EnumSet.of(ADJUDICATION)),
    EDIT(Command.Control.Decide.class, facilitator(), EnumSet.of(ADJUDICATION)),
    OVERRIDE(Command.Control.Decide.class, facilitator(), EnumSet.of(ADJUDICATION)),
    REMOVE_PLAYER(Command.Control.RemovePlayer.class, facilitator(), untilEnded()),
    MOVE_PLAYER(Command.Control.MovePlayer.class, facilitator(), untilEnded()),
    END(Command.Control.End.class, facilitator(), untilEnded());

    private final Class<? extends Command> command;
    private final Set<Role> roles;
    private final Set<Phase> phases;

    CommandType(Class<? extends Command> command, Set<Role> roles, Set<Phase> phases) {
        this.command = command;
        this.roles = roles;
        this.phases = phases;
    }

    public Class<? extends Command> command() {
        return command;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    public Set<Phase> phases() {
        return EnumSet.copyOf(phases);
    }

    public boolean facilitatorCommand() {
        return Command.Control.class.isAssignableFrom(command);
    }

    /** The type of a command; a decision's type is the one it names (APPROVE, EDIT or OVERRIDE). */
    public static CommandType of(Command command) {
        if (command instanceof Command.Control.Decide decide) {
            return control(decide.type()).filter(t -> t.command == Command.Control.Decide.class)
                    .orElseThrow(() -> new CommandRejected("INVALID", "type: APPROVE, EDIT or OVERRIDE"));
        }
        return Arrays.stream(values()).filter(t -> t.command == command.getClass()).findFirst().orElseThrow();
    }

    /** A facilitator command by its wire name. */
    public static Optional<CommandType> control(String name) {
        return Arrays.stream(values()).filter(t -> t.facilitatorCommand() && t.name().equals(name)).findFirst();
    }

    public static List<String> controlNames() {
        return Arrays.stream(values()).filter(CommandType::facilitatorCommand).map(Enum::name).toList();
    }

    /** Whether a role may send any of the commands of this kind (a destination carries one kind, or all facilitator commands). */
    public static boolean maySend(Role role, Class<? extends Command> kind) {
        return Arrays.stream(values()).anyMatch(t -> kind.isAssignableFrom(t.command) && t.roles.contains(role));
    }

    /** Refuses the command when the actor's role may not send it, or not in this phase. */
    public void authorise(Role role, Phase phase) {
        if (!roles.contains(role)) {
            throw new CommandRejected("FORBIDDEN", "Only " + words(roles) + " may send " + name());
        }
        if (phase == Phase.ENDED) {
            throw new CommandRejected("WRONG_PHASE", "The exercise has ended");
        }
        if (!phases.contains(phase)) {
            throw new CommandRejected("WRONG_PHASE", name() + " is sent in " + words(phases) + "; the exercise is in " + phase);
        }
    }

    private static String words(Set<? extends Enum<?>> values) {
        List<String> names = values.stream().map(Enum::name).collect(Collectors.toList());
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static Set<Role> players() {
        return EnumSet.of(Role.PLAYER);
    }

    private static Set<Role> facilitator() {
        return EnumSet.of(Role.FACILITATOR);
    }

    /** Teams talk, propose and draft while the turn is open. */
    private static Set<Phase> talks() {
        return phasesWhere(Phase::open);
    }

    private static Set<Phase> timed() {
        return phasesWhere(Phase::timed);
    }

    private static Set<Phase> phasesWhere(java.util.function.Predicate<Phase> test) {
        return Arrays.stream(Phase.values()).filter(test).collect(Collectors.toCollection(() -> EnumSet.noneOf(Phase.class)));
    }

    private static Set<Phase> untilEnded() {
        return EnumSet.complementOf(EnumSet.of(Phase.ENDED));
    }
}
