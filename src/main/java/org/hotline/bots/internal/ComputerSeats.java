package org.hotline.bots.internal;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.access.Access;
import org.hotline.access.Role;
import org.hotline.access.Secrets;
import org.hotline.bots.Decision;
import org.hotline.bots.ProposalAnswer;
import org.hotline.bots.Strategies;
import org.hotline.bots.Strategy;
import org.hotline.bots.TeamView;
import org.hotline.engine.Orders;
import org.hotline.engine.Proposal;
import org.hotline.exercise.Actor;
import org.hotline.exercise.Channel;
import org.hotline.exercise.Command;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.EventPage;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.ExerciseEventsAppended;
import org.hotline.exercise.ExerciseSummary;
import org.hotline.exercise.Exercises;
import org.hotline.exercise.Member;
import org.hotline.exercise.Phase;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Computer-played teams in live exercises. A seat joins the team like a player (its name says it is
 * computer-played and which strategy), reads only the events its team may see, and acts through the
 * exercise's public commands: in Deliberation it answers the rival's proposals and makes its own; in
 * Orders it drafts a line per issue (each argument gives its reason), posts its one-sentence argument
 * in team chat and submits at once, so well before any deadline. Assignments are stored (V8) and
 * resumed at start-up. Each seat reads the log incrementally from the last sequence number it read.
 */
@Component
public class ComputerSeats {

    private static final Logger log = LoggerFactory.getLogger(ComputerSeats.class);
    static final String NAME_PREFIX = "Computer · ";
    /** Events read per page when a seat catches up (a resumed seat reads its team's log from the start). */
    private static final int PAGE = 500;

    /** A computer-played team: its assignment, and what it has read so far (touched only by the worker thread). */
    static final class ComputerSeat {
        final SeatStore.Row row;
        final Strategy strategy;
        final Set<Channel> channels;
        final TeamLog team;
        final Map<Channel, Long> read = new EnumMap<>(Channel.class);
        final AtomicBoolean pending = new AtomicBoolean();
        /** What the facilitator's console shows, replaced whole after each step (read from other threads). */
        volatile Progress progress = new Progress(0, Phase.LOBBY, 0, null, Map.of());

        ComputerSeat(SeatStore.Row row, Strategy strategy) {
            this.row = row;
            this.strategy = strategy;
            this.channels = Channel.visibleTo(Role.PLAYER, row.side());
            this.team = new TeamLog(row.side());
        }

        Actor actor() {
            return new Actor(row.playerId(), row.name(), Role.PLAYER, row.side());
        }
    }

    /** Where a seat stands: the turn and phase it read, its last submitted orders (with each line's reason), the events it read per channel. */
    record Progress(int turn, Phase phase, int ordersTurn, Orders orders, Map<Channel, Long> read) {
    }

    private final Exercises exercises;
    private final Access access;
    private final SeatStore store;
    /** Seats playing now, by exercise id and side (seats of ended exercises are dropped). */
    private final Map<String, Map<Side, ComputerSeat>> seats = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "computer-seats");
        thread.setDaemon(true);
        return thread;
    });

    public ComputerSeats(Exercises exercises, Access access, SeatStore store) {
        this.exercises = exercises;
        this.access = access;
        this.store = store;
    }

    /**
     * Gives a team to a strategy. A team with players is refused unless {@code replace}: then the
     * computer joins, tells the team in its chat that it takes over, and the facilitator's authority
     * removes the players (their seats close; the facilitator may give them the observer code).
     */
    ComputerSeat assign(String exerciseId, Side side, String strategyId, boolean replace, String facilitator) {
        Scenario scenario = exercises.scenario(exerciseId).orElseThrow(() -> new CommandRejected("UNKNOWN_EXERCISE", "No exercise '" + exerciseId + "'"));
        Strategy strategy = strategy(strategyId, scenario);
        exercises.requireJoinable(exerciseId);
        if (store.of(exerciseId).stream().anyMatch(r -> r.side() == side)) {
            throw alreadyPlays(scenario, side);
        }
        List<Member> players = exercises.members(exerciseId).stream()
                .filter(m -> !m.removed() && m.role() == Role.PLAYER && m.side() == side).toList();
        if (!players.isEmpty() && !replace) {
            throw new CommandRejected("INVALID", "The " + scenario.label(side) + " team has players ("
                    + String.join(", ", players.stream().map(Member::name).toList()) + "); to hand it to the computer anyway, replace them "
                    + "(their seats close and they are told why)");
        }
        String name = NAME_PREFIX + strategy.spec().name();
        SeatStore.Row row = new SeatStore.Row(exerciseId, side, Secrets.id("p-", 12), name, strategy.spec().id(), facilitator,
                System.currentTimeMillis(), players.stream().map(Member::name).toList());
        try {
            store.insert(row);
        } catch (DuplicateKeyException e) {
            throw alreadyPlays(scenario, side);
        }
        exercises.join(exerciseId, row.playerId(), name, Role.PLAYER, side);
        ComputerSeat seat = new ComputerSeat(row, strategy);
        if (!players.isEmpty()) {
            send(seat, 0, "takes-over", new Command.ChatTeam(tag(seat) + "The facilitator has handed this team to the computer ("
                    + strategy.spec().name() + "). Your seats close now; ask the facilitator for the observer code to keep following the exercise."));
            Actor by = Actor.facilitator(facilitator);
            for (Member player : players) {
                exercises.handle(exerciseId, by, "computer-seat-replaces-" + player.playerId(), new Command.Control.RemovePlayer(player.playerId()));
            }
        }
        start(seat);
        return seat;
    }

    /**
     * Gives a computer-played team back to people: the computer leaves the roster (so the team's join
     * code is replaced, as for any removed seat) and stops. Orders it already submitted stand.
     *
     * @return the team's join code to hand to the people who take it over
     */
    String giveBack(String exerciseId, Side side, String facilitator) {
        SeatStore.Row row = store.of(exerciseId).stream().filter(r -> r.side() == side).findFirst()
                .orElseThrow(() -> new CommandRejected("INVALID", "No computer plays that team"));
        stop(exerciseId, side);
        if (exercises.member(exerciseId, row.playerId()).map(m -> !m.removed()).orElse(false)
                && exercises.summary(exerciseId).map(s -> s.phase() != Phase.ENDED).orElse(false)) {
            exercises.handle(exerciseId, Actor.facilitator(facilitator), "computer-seat-gives-back-" + row.playerId(),
                    new Command.Control.RemovePlayer(row.playerId()));
        }
        store.delete(exerciseId, side);
        return access.joinCodes(exerciseId).get(side.name());
    }

    /** The exercise's computer-played teams as stored, each with where it stands if it is playing on this server. */
    List<Map.Entry<SeatStore.Row, Optional<ComputerSeat>>> of(String exerciseId) {
        Map<Side, ComputerSeat> here = seats.getOrDefault(exerciseId, Map.of());
        List<Map.Entry<SeatStore.Row, Optional<ComputerSeat>>> list = new ArrayList<>();
        for (SeatStore.Row row : store.of(exerciseId)) {
            list.add(Map.entry(row, Optional.ofNullable(here.get(row.side()))));
        }
        return list;
    }

    /** At start-up, every stored seat of an exercise still in play picks up where its team's log stands. */
    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        for (SeatStore.Row row : store.all()) {
            Optional<ExerciseSummary> exercise = exercises.summary(row.exerciseId());
            boolean seated = exercises.member(row.exerciseId(), row.playerId()).map(m -> !m.removed()).orElse(false);
            if (exercise.isEmpty() || exercise.get().phase() == Phase.ENDED || !seated) {
                continue;
            }
            try {
                start(new ComputerSeat(row, strategy(row.strategyId(), exercises.scenario(row.exerciseId()).orElseThrow())));
                log.info("Resumed computer seat {} ({}) in exercise {}", row.name(), row.side(), row.exerciseId());
            } catch (CommandRejected e) {
                log.warn("Computer seat {} in {} not resumed: {}", row.name(), row.exerciseId(), e.getMessage());
            }
        }
    }

    @EventListener
    void appended(ExerciseEventsAppended batch) {
        Map<Side, ComputerSeat> here = seats.get(batch.exerciseId());
        if (here != null) {
            here.values().forEach(this::schedule);
        }
    }

    private static CommandRejected alreadyPlays(Scenario scenario, Side side) {
        return new CommandRejected("INVALID", "A computer already plays the " + scenario.label(side) + " team; give it back first to "
                + "choose another strategy");
    }

    private static Strategy strategy(String strategyId, Scenario scenario) {
        try {
            return Strategies.bundled().create(strategyId, scenario);
        } catch (IllegalArgumentException e) {
            throw new CommandRejected("INVALID", e.getMessage());
        }
    }

    private void start(ComputerSeat seat) {
        seats.computeIfAbsent(seat.row.exerciseId(), id -> new ConcurrentHashMap<>()).put(seat.row.side(), seat);
        schedule(seat);
    }

    private void stop(String exerciseId, Side side) {
        seats.computeIfPresent(exerciseId, (id, here) -> {
            here.remove(side);
            return here.isEmpty() ? null : here;
        });
    }

    /** At most one step waits per seat: a burst of events costs one catch-up, not one step each. */
    private void schedule(ComputerSeat seat) {
        if (seat.pending.compareAndSet(false, true)) {
            worker.execute(() -> {
                seat.pending.set(false);
                act(seat);
            });
        }
    }

    private boolean playing(ComputerSeat seat) {
        return seats.getOrDefault(seat.row.exerciseId(), Map.of()).get(seat.row.side()) == seat;
    }

    private void act(ComputerSeat seat) {
        if (!playing(seat)) {
            return;
        }
        try {
            catchUp(seat);
            TeamLog team = seat.team;
            seat.progress = new Progress(team.turn, team.phase, team.lastOrdersTurn, team.lastOrders, Map.copyOf(seat.read));
            if (team.phase == Phase.ENDED) {
                stop(seat.row.exerciseId(), seat.row.side());
                return;
            }
            if (!team.ready()) {
                return;
            }
            Scenario scenario = exercises.scenario(seat.row.exerciseId()).orElseThrow();
            TeamView view = team.view(scenario, (seat.row.exerciseId().hashCode() * 31L + team.turn) * 2 + seat.row.side().ordinal());
            if (team.phase == Phase.DELIBERATION) {
                negotiate(seat, team, view);
            } else if (team.phase == Phase.ORDERS && !team.submitted) {
                submit(seat, team, view, scenario);
            }
        } catch (RuntimeException e) {
            log.warn("Computer seat {} in {}: {}", seat.row.name(), seat.row.exerciseId(), e.getMessage());
        }
    }

    /** Reads what the team's channels got since the last step, page by page. */
    private void catchUp(ComputerSeat seat) {
        while (true) {
            EventPage page = exercises.page(seat.row.exerciseId(), seat.team.lastSeq, seat.channels, PAGE);
            for (ExerciseEvent event : page.events()) {
                seat.read.merge(event.channel(), 1L, Long::sum);
                seat.team.read(event);
            }
            if (page.complete() || page.events().isEmpty()) {
                return;
            }
        }
    }

    private void negotiate(ComputerSeat seat, TeamLog team, TeamView view) {
        Side side = seat.row.side();
        for (EventPayload.ProposalMade p : team.proposals.values()) {
            if (p.from() == side || team.answers.containsKey(p.proposalId())) {
                continue;
            }
            ProposalAnswer answer = seat.strategy.answer(view, new Proposal(p.proposalId(), p.from(), p.offered(), p.requested()));
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
            seat.strategy.propose(view).ifPresent(p -> send(seat, team.turn, "propose", Command.ProposalAction.propose(text(p.offered()),
                    text(p.requested()), "Computer-played (" + seat.strategy.spec().id() + "): " + seat.strategy.spec().argument())));
        }
    }

    private void submit(ComputerSeat seat, TeamLog team, TeamView view, Scenario scenario) {
        Decision decision = seat.strategy.decide(view);
        Side side = seat.row.side();
        for (EventPayload.ProposalMade bound : accepted(team)) {
            for (Map.Entry<String, Move> term : (bound.from() == side ? bound.offered() : bound.requested()).entrySet()) {
                if (view.allowed(term.getValue())) {
                    decision = decision.agreed(term.getKey(), term.getValue(), scenario, bound.from(), team.turn);
                }
            }
        }
        send(seat, team.turn, "argument", new Command.ChatTeam(tag(seat) + decision.argument()));
        int limit = scenario.issuesPerTurn() > 0 ? scenario.issuesPerTurn() : Integer.MAX_VALUE;
        int drafted = 0;
        for (Decision.Line line : decision.lines().values()) {
            if (line.move() == Move.HOLD || drafted >= limit) {
                continue;
            }
            drafted++;
            send(seat, team.turn, "draft-" + line.issueId(), new Command.DraftLine(line.issueId(), line.move().name(), false, tag(seat) + line.reason()));
        }
        send(seat, team.turn, "submit", new Command.SubmitOrders());
    }

    private static String tag(ComputerSeat seat) {
        return "[computer-played: " + seat.strategy.spec().id() + "] ";
    }

    /** This turn's accepted proposals, in the order they were made. */
    private static List<EventPayload.ProposalMade> accepted(TeamLog team) {
        List<EventPayload.ProposalMade> bound = new ArrayList<>();
        team.proposals.forEach((id, p) -> {
            if ("ACCEPTED".equals(team.answers.get(id))) {
                bound.add(p);
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
            exercises.handle(seat.row.exerciseId(), seat.actor(), "computer-" + seat.row.playerId() + "-t" + turn + "-" + step, command);
        } catch (CommandRejected e) {
            log.info("Computer seat {} in {}: {} refused: {}", seat.row.name(), seat.row.exerciseId(), step, e.getMessage());
        }
    }

    @PreDestroy
    void shutdown() {
        worker.shutdownNow();
    }
}
