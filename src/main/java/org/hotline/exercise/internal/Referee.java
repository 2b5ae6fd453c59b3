package org.hotline.exercise.internal;

import java.util.List;
import java.util.Map;
import org.hotline.access.Role;
import org.hotline.engine.Adjudicator;
import org.hotline.exercise.Actor;
import org.hotline.exercise.Channel;
import org.hotline.exercise.Command;
import org.hotline.exercise.CommandType;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.Mode;
import org.hotline.exercise.Phase;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * The rules of play: checks a command against the projected state and emits the events it makes.
 * Who may send a command and when is {@link CommandType}'s table; what each command does is in
 * {@link TeamCommands} and {@link FacilitatorCommands}; the turn's phases in {@link TurnFlow}. Every
 * refusal names its reason (docs/protocol.md, section 6).
 */
public class Referee {

    private final Adjudicator engine;
    private final Views views;
    private final TurnFlow flow;
    private final TeamCommands teams;
    private final FacilitatorCommands facilitator;

    public Referee(Adjudicator engine, int maxText) {
        Checks checks = new Checks(engine, maxText);
        this.engine = engine;
        this.views = new Views(engine);
        this.flow = new TurnFlow(engine, views);
        this.teams = new TeamCommands(checks, flow);
        this.facilitator = new FacilitatorCommands(engine, checks, flow, views);
    }

    public void create(Batch b, Scenario scenario, String title, String owner, Mode mode, long seed, Map<Phase, Integer> timers) {
        b.emit(Channel.CONTROL, new EventPayload.ExerciseCreated(scenario.id(), title, mode, seed, timers, owner));
        views.emit(b, scenario, engine.initialState(scenario), List.of(), "initial state of the scenario");
    }

    public void join(Batch b, String playerId, String name, Role role, Side side) {
        b.emit(Channel.PUBLIC, new EventPayload.PlayerJoined(playerId, name, role, side));
    }

    /** The phase's deadline passed (the clock calls this; a stale or paused deadline does nothing). */
    public void expire(Batch b, Scenario scenario, long deadline) {
        ExerciseState s = b.state();
        if (s.deadline != null && s.deadline == deadline && !s.paused && s.phase.timed()) {
            flow.advance(b, scenario, "deadline");
        }
    }

    public void handle(Batch b, Scenario scenario, Actor actor, Command command) {
        CommandType.of(command).authorise(actor.role(), b.state().phase);
        if (command instanceof Command.Control control) {
            facilitator.handle(b, scenario, control);
        } else if (command instanceof Command.ChatTeam chat) {
            teams.chat(b, actor, chat);
        } else if (command instanceof Command.ChatDiplomacy chat) {
            teams.chat(b, actor, chat);
        } else if (command instanceof Command.DraftLine line) {
            teams.draftLine(b, scenario, actor, line);
        } else if (command instanceof Command.SubmitOrders) {
            teams.submit(b, scenario, actor);
        } else if (command instanceof Command.UnsealOrders) {
            teams.unseal(b, actor);
        } else if (command instanceof Command.ProposalAction proposal) {
            teams.proposal(b, scenario, actor, proposal);
        } else if (command instanceof Command.Note note) {
            teams.note(b, actor, note);
        }
    }
}
