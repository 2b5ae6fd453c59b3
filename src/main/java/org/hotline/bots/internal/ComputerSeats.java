package org.hotline.bots.internal;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hotline.access.Access;
import org.hotline.access.Role;
import org.hotline.access.Seat;
import org.hotline.bots.Decision;
import org.hotline.bots.ProposalAnswer;
import org.hotline.bots.Strategies;
import org.hotline.bots.Strategy;
import org.hotline.bots.TeamView;
import org.hotline.engine.Proposal;
import org.hotline.exercise.Actor;
import org.hotline.exercise.Channel;
import org.hotline.exercise.Command;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.ExerciseEventsAppended;
import org.hotline.exercise.Exercises;
import org.hotline.exercise.Phase;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Computer-played teams in live exercises. A seat joins the team like a player (its name says it is
 * computer-played and which strategy), reads only the events its team may see, and acts through the
 * exercise's public commands: in Deliberation it answers the rival's proposals and makes its own; in
 * Orders it drafts a line per issue (each argument gives its reason), posts its one-sentence argument
 * in team chat and submits at once, so well before any deadline. Seats are held in memory: after a
 * restart the facilitator assigns them again.
 */
@Component
public class ComputerSeats {

    private static final Logger log = LoggerFactory.getLogger(ComputerSeats.class);
    static final String NAME_PREFIX = "Computer · ";

    record ComputerSeat(String exerciseId, String playerId, String name, Side side, Strategy strategy) {
    }

    private final Exercises exercises;
    private final Access access;
    private final Map<String, List<ComputerSeat>> seats = new ConcurrentHashMap<>();
    /** What each seat read, by player id: a wire test checks that it never saw another team's events. */
    private final Map<String, List<ExerciseEvent>> read = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "computer-seats");
        thread.setDaemon(true);
        return thread;
    });

    public ComputerSeats(Exercises exercises, Access access) {
        this.exercises = exercises;
        this.access = access;
    }

    ComputerSeat assign(String exerciseId, Side side, String strategyId) {
        Scenario scenario = exercises.scenario(exerciseId).orElseThrow(() -> new CommandRejected("UNKNOWN_EXERCISE", "No exercise '" + exerciseId + "'"));
        Strategy strategy;
        try {
            strategy = Strategies.bundled().create(strategyId, scenario);
        } catch (IllegalArgumentException e) {
            throw new CommandRejected("INVALID", e.getMessage());
        }
        boolean occupied = exercises.members(exerciseId).stream().anyMatch(m -> !m.removed() && m.role() == Role.PLAYER && m.side() == side);
        if (occupied) {
            throw new CommandRejected("INVALID", "The " + scenario.label(side) + " team has players; a computer plays only an empty team "
                    + "(remove its players first)");
        }
        String code = access.joinCodes(exerciseId).get(side.name());
        Seat seat = access.join(code, NAME_PREFIX + strategy.spec().name(), "computer-seat", exercises::requireJoinable);
        exercises.join(exerciseId, seat.playerId(), seat.name(), Role.PLAYER, side);
        ComputerSeat assigned = new ComputerSeat(exerciseId, seat.playerId(), seat.name(), side, strategy);
        seats.computeIfAbsent(exerciseId, id -> new CopyOnWriteArrayList<>()).add(assigned);
        worker.execute(() -> act(assigned));
        return assigned;
    }

    List<ComputerSeat> of(String exerciseId) {
        return List.copyOf(seats.getOrDefault(exerciseId, List.of()));
    }

    /** The events a computer seat has read so far (its team's channels only). */
    public List<ExerciseEvent> readBy(String playerId) {
        return List.copyOf(read.getOrDefault(playerId, List.of()));
    }

    @EventListener
    void appended(ExerciseEventsAppended batch) {
        List<ComputerSeat> here = seats.get(batch.exerciseId());
        if (here != null) {
            here.forEach(seat -> worker.execute(() -> act(seat)));
        }
    }

    private void act(ComputerSeat seat) {
        try {
            List<ExerciseEvent> events = exercises.events(seat.exerciseId(), 0, Channel.visibleTo(Role.PLAYER, seat.side()));
            read.put(seat.playerId(), events);
            TeamLog team = new TeamLog(seat.side(), seat.playerId(), events);
            Scenario scenario = exercises.scenario(seat.exerciseId()).orElseThrow();
            if (!team.ready() || team.phase == Phase.ENDED) {
                return;
            }
            TeamView view = team.view(scenario, (seat.exerciseId().hashCode() * 31L + team.turn) * 2 + seat.side().ordinal());
            if (team.phase == Phase.DELIBERATION) {
                negotiate(seat, team, view);
            } else if (team.phase == Phase.ORDERS && !team.submitted) {
                submit(seat, team, view, scenario);
            }
        } catch (RuntimeException e) {
            log.warn("Computer seat {} in {}: {}", seat.name(), seat.exerciseId(), e.getMessage());
        }
    }

    private void negotiate(ComputerSeat seat, TeamLog team, TeamView view) {
        for (EventPayload.ProposalMade p : team.proposals.values()) {
            if (p.from() == seat.side() || team.answers.containsKey(p.proposalId())) {
                continue;
            }
            ProposalAnswer answer = seat.strategy().answer(view, new Proposal(p.proposalId(), p.from(), p.offered(), p.requested()));
            send(seat, team.turn, "chat-" + p.proposalId(), new Command.ChatDiplomacy(answer.reason()));
            if (answer.kind() == ProposalAnswer.Kind.COUNTER) {
                Proposal c = answer.counter();
                send(seat, team.turn, "answer-" + p.proposalId(), new Command.ProposalAction("COUNTER", p.proposalId(), text(c.offered()),
                        text(c.requested()), answer.reason()));
            } else {
                send(seat, team.turn, "answer-" + p.proposalId(), Command.ProposalAction.answer(answer.kind().name(), p.proposalId()));
            }
        }
        if (!team.proposed) {
            seat.strategy().propose(view).ifPresent(p -> send(seat, team.turn, "propose", Command.ProposalAction.propose(text(p.offered()),
                    text(p.requested()), "Computer-played (" + seat.strategy().spec().id() + "): " + seat.strategy().spec().argument())));
        }
    }

    private void submit(ComputerSeat seat, TeamLog team, TeamView view, Scenario scenario) {
        Decision decision = seat.strategy().decide(view);
        for (Map.Entry<String, Map<String, Move>> bound : accepted(team, seat.side()).entrySet()) {
            for (Map.Entry<String, Move> term : bound.getValue().entrySet()) {
                if (view.allowed(term.getValue())) {
                    decision = decision.with(term.getKey(), term.getValue(), "as agreed in proposal " + bound.getKey());
                }
            }
        }
        String tag = "[computer-played: " + seat.strategy().spec().id() + "] ";
        send(seat, team.turn, "argument", new Command.ChatTeam(tag + decision.argument()));
        int limit = scenario.issuesPerTurn() > 0 ? scenario.issuesPerTurn() : Integer.MAX_VALUE;
        int drafted = 0;
        for (Decision.Line line : decision.lines().values()) {
            if (line.move() == Move.HOLD || drafted >= limit) {
                continue;
            }
            drafted++;
            send(seat, team.turn, "draft-" + line.issueId(), new Command.DraftLine(line.issueId(), line.move().name(), false, tag + line.reason()));
        }
        send(seat, team.turn, "submit", new Command.SubmitOrders());
    }

    /** This turn's accepted proposals and the moves each binds this side to, by proposal id. */
    private static Map<String, Map<String, Move>> accepted(TeamLog team, Side side) {
        Map<String, Map<String, Move>> bound = new LinkedHashMap<>();
        team.proposals.forEach((id, p) -> {
            if ("ACCEPTED".equals(team.answers.get(id))) {
                bound.put(id, p.from() == side ? p.offered() : p.requested());
            }
        });
        return bound;
    }

    private static Map<String, String> text(Map<String, Move> moves) {
        Map<String, String> text = new LinkedHashMap<>();
        moves.forEach((issue, move) -> text.put(issue, move.name()));
        return text;
    }

    /** Command ids are fixed per seat, turn and step, so acting twice on the same events sends nothing twice. */
    private void send(ComputerSeat seat, int turn, String step, Command command) {
        try {
            exercises.handle(seat.exerciseId(), new Actor(seat.playerId(), seat.name(), Role.PLAYER, seat.side()),
                    "computer-" + seat.playerId() + "-t" + turn + "-" + step, command);
        } catch (CommandRejected e) {
            log.info("Computer seat {} in {}: {} refused: {}", seat.name(), seat.exerciseId(), step, e.getMessage());
        }
    }

    Optional<ComputerSeat> find(String exerciseId, Side side) {
        return of(exerciseId).stream().filter(s -> s.side() == side).findFirst();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
