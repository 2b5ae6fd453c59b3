package org.hotline.exercise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.access.Role;
import org.hotline.engine.Adjudicator;
import org.hotline.exercise.Actor;
import org.hotline.exercise.Command;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.EventType;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.Mode;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioFiles;
import org.hotline.scenario.Side;
import tools.jackson.databind.json.JsonMapper;

/**
 * An exercise without Spring, for given/when/then tests of the rules of play: the Referee, the
 * projection and the engine as the server runs them, a clock that moves only when told, no database.
 * A refused command must leave the state exactly as it was.
 */
final class Table {

    static final Scenario DETENTE = ScenarioFiles.bundled("cs3-detente");
    static final Actor FACILITATOR = Actor.facilitator("ada");
    static final Actor WASHINGTON = new Actor("p-w1", "Walt", Role.PLAYER, Side.WASHINGTON);
    static final Actor WASHINGTON_2 = new Actor("p-w2", "Wren", Role.PLAYER, Side.WASHINGTON);
    static final Actor MOSCOW = new Actor("p-m1", "Misha", Role.PLAYER, Side.MOSCOW);
    static final Actor NOTETAKER = new Actor("p-n1", "Nora", Role.NOTETAKER, null);
    static final Actor OBSERVER = new Actor("p-o1", "Otto", Role.OBSERVER, null);

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Referee referee = new Referee(Adjudicator.create(), 2000);
    private final Projector projector = new Projector();
    private final Scenario scenario;
    ExerciseState state = new ExerciseState();
    final List<ExerciseEvent> log = new ArrayList<>();
    long now = 1_000_000_000L;

    private Table(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Given: an exercise of the détente scenario with two Washington players, one Moscow player, a notetaker and an observer. */
    static Table seated(Mode mode, Map<org.hotline.exercise.Phase, Integer> timers) {
        Table table = new Table(DETENTE);
        table.state.id = "t1";
        table.apply(FACILITATOR, b -> table.referee.create(b, DETENTE, DETENTE.title(), "ada", mode, 42L, timers));
        for (Actor seat : List.of(WASHINGTON, WASHINGTON_2, MOSCOW, NOTETAKER, OBSERVER)) {
            table.apply(seat, b -> table.referee.join(b, seat.playerId(), seat.name(), seat.role(), seat.side()));
        }
        return table;
    }

    static Table seated(Mode mode) {
        return seated(mode, Map.of());
    }

    /** Given: these commands were applied (each must succeed). */
    Table given(Actor actor, Command... commands) {
        for (Command command : commands) {
            when(actor, command);
        }
        return this;
    }

    /** When: the command is applied; the events it made. */
    List<ExerciseEvent> when(Actor actor, Command command) {
        return apply(actor, b -> referee.handle(b, scenario, actor, command));
    }

    /** When: the phase's deadline passes. */
    List<ExerciseEvent> deadlinePasses() {
        Long deadline = state.deadline;
        now = deadline == null ? now : deadline;
        return apply(Actor.clock(), b -> referee.expire(b, scenario, deadline == null ? -1 : deadline));
    }

    /** Then: the command is refused with this code, and nothing changed. */
    CommandRejected refused(Actor actor, Command command, String code) {
        String before = JSON.writeValueAsString(state);
        CommandRejected rejected = catchThrowableOfType(CommandRejected.class, () -> when(actor, command));
        assertThat(rejected).as("refused with " + code).isNotNull();
        assertThat(rejected.code()).as(rejected.getMessage()).isEqualTo(code);
        assertThat(rejected.getMessage()).isNotBlank().doesNotContain("org.hotline");
        assertThat(JSON.writeValueAsString(state)).isEqualTo(before);
        return rejected;
    }

    static List<EventType> types(List<ExerciseEvent> events) {
        return events.stream().map(ExerciseEvent::type).toList();
    }

    /** The last event of this payload in the log, its view made whole (as readers of the log get it). */
    <T extends EventPayload> T last(Class<T> payload) {
        List<ExerciseEvent> whole = whole();
        for (int i = whole.size() - 1; i >= 0; i--) {
            if (payload.isInstance(whole.get(i).payload())) {
                return payload.cast(whole.get(i).payload());
            }
        }
        throw new AssertionError("no " + payload.getSimpleName() + " in the log");
    }

    /** The log with its public and team views whole, as the server's readers of it get it. */
    List<ExerciseEvent> whole() {
        ViewFold fold = new ViewFold();
        return log.stream().map(fold::read).toList();
    }

    /** The projection rebuilt from the log alone: what a restart would give. */
    ExerciseState replayed() {
        ExerciseState fresh = new ExerciseState();
        log.forEach(e -> projector.apply(fresh, e));
        return fresh;
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private List<ExerciseEvent> apply(Actor actor, java.util.function.Consumer<Batch> work) {
        // The working copy the server makes; its JSON copy (a snapshot) is compared by refused().
        ExerciseState copy = state.copy();
        Batch batch = new Batch(copy, projector, now, actor.name());
        work.accept(batch);
        state = batch.state();
        log.addAll(batch.events());
        return batch.events();
    }
}
