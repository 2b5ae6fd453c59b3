package org.hotline.bots.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hotline.access.AccessRefused;
import org.hotline.access.Caller;
import org.hotline.bots.Strategies;
import org.hotline.bots.StrategySpec;
import org.hotline.engine.Order;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.ExerciseSummary;
import org.hotline.exercise.Exercises;
import org.hotline.exercise.Phase;
import org.hotline.scenario.Side;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exercise's facilitator gives a team to a computer-played strategy, replaces a team's players by
 * one, and gives a team back to people (docs/protocol.md, section 8). Nobody else may, not even
 * another facilitator.
 */
@RestController
class ComputerSeatApi {

    record AssignRequest(String side, String strategy, Boolean replace) {
    }

    record SideRequest(String side) {
    }

    /** One line of the computer's last orders: the move and the rule that chose it. */
    record Line(String issueId, String move, String reason) {
    }

    /**
     * @param replaced the people whose seats the computer took (empty for a team that was empty)
     * @param playing  whether it is playing on this server now (false once the exercise has ended)
     * @param read     events it has read since this server started, per channel (only its team's)
     */
    record SeatView(String playerId, String name, Side side, String strategy, String strategyName, String argument, long assignedAt,
                    List<String> replaced, boolean playing, int turn, Phase phase, int ordersTurn, List<Line> lastOrders,
                    Map<String, Long> read) {
    }

    record GivenBack(Side side, String joinCode, String message) {
    }

    private final ComputerSeats seats;
    private final Exercises exercises;

    ComputerSeatApi(ComputerSeats seats, Exercises exercises) {
        this.seats = seats;
        this.exercises = exercises;
    }

    @PostMapping("/api/exercises/{id}/computer-seats")
    @ResponseStatus(HttpStatus.CREATED)
    SeatView assign(@AuthenticationPrincipal Caller caller, @PathVariable String id, @RequestBody AssignRequest request) {
        owner(caller, id);
        if (request == null || request.side() == null || request.strategy() == null || request.strategy().isBlank()) {
            throw new CommandRejected("INVALID", "side (WASHINGTON or MOSCOW) and strategy (an id such as tit-for-tat) are required");
        }
        ComputerSeats.ComputerSeat seat = seats.assign(id, side(request.side()), request.strategy().strip(),
                Boolean.TRUE.equals(request.replace()), caller.username());
        return view(seat.row, Optional.of(seat), false);
    }

    @GetMapping("/api/exercises/{id}/computer-seats")
    List<SeatView> list(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        boolean ended = owner(caller, id).phase() == Phase.ENDED;
        return seats.of(id).stream().map(e -> view(e.getKey(), e.getValue(), ended)).toList();
    }

    @PostMapping("/api/exercises/{id}/computer-seats/give-back")
    GivenBack giveBack(@AuthenticationPrincipal Caller caller, @PathVariable String id, @RequestBody(required = false) SideRequest request) {
        owner(caller, id);
        if (request == null || request.side() == null) {
            throw new CommandRejected("INVALID", "side (WASHINGTON or MOSCOW) is required");
        }
        Side side = side(request.side());
        String code = seats.giveBack(id, side, caller.username());
        return new GivenBack(side, code, "The computer has left the team. Players join it with the code " + code
                + " (the team's earlier code no longer works).");
    }

    private static Side side(String text) {
        try {
            return Side.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandRejected("INVALID", "side: WASHINGTON or MOSCOW, not '" + text + "'");
        }
    }

    /** {@code ended}: read from the exercise, since its seat stops a moment after the exercise ends. */
    private static SeatView view(SeatStore.Row row, Optional<ComputerSeats.ComputerSeat> running, boolean ended) {
        ComputerSeats.Progress p = running.map(s -> s.progress).orElse(null);
        List<Line> lines = p == null || p.orders() == null ? List.of() : p.orders().byIssue().values().stream()
                .map((Order o) -> new Line(o.issueId(), o.move().name(), o.argument())).toList();
        Map<String, Long> read = new java.util.TreeMap<>();
        if (p != null) {
            p.read().forEach((channel, count) -> read.put(channel.name(), count));
        }
        Optional<StrategySpec> spec = Strategies.bundled().find(row.strategyId());
        String argument = spec.map(StrategySpec::argument).orElse("");
        String name = spec.map(StrategySpec::name).orElse(row.strategyId());
        return new SeatView(row.playerId(), row.name(), row.side(), row.strategyId(), name, argument, row.assignedAt(), row.replaced(),
                running.isPresent() && !ended, p == null ? 0 : p.turn(), p == null ? null : p.phase(), p == null ? 0 : p.ordersTurn(), lines, read);
    }

    private ExerciseSummary owner(Caller caller, String id) {
        if (caller == null) {
            throw new AccessRefused(401, "UNAUTHORIZED", "A valid token is required");
        }
        ExerciseSummary exercise = exercises.summary(id).orElseThrow(() -> new CommandRejected("UNKNOWN_EXERCISE", "No exercise '" + id + "'"));
        if (!caller.facilitator() || !exercise.owner().equals(caller.username())) {
            throw new AccessRefused(403, "FORBIDDEN", "Only the exercise's facilitator gives teams to the computer or takes them back");
        }
        return exercise;
    }
}
