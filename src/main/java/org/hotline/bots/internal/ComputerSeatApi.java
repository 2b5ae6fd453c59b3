package org.hotline.bots.internal;

import java.util.List;
import java.util.Locale;
import org.hotline.access.AccessRefused;
import org.hotline.access.Caller;
import org.hotline.exercise.CommandRejected;
import org.hotline.exercise.ExerciseSummary;
import org.hotline.exercise.Exercises;
import org.hotline.scenario.Side;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The exercise's facilitator gives an empty team to a computer-played strategy (docs/protocol.md, section 8). */
@RestController
class ComputerSeatApi {

    record AssignRequest(String side, String strategy) {
    }

    record SeatView(String playerId, String name, Side side, String strategy, String argument) {
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
        if (request == null || request.side() == null || request.strategy() == null) {
            throw new CommandRejected("INVALID", "side (WASHINGTON or MOSCOW) and strategy (an id such as tit-for-tat) are required");
        }
        Side side;
        try {
            side = Side.valueOf(request.side().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandRejected("INVALID", "side: WASHINGTON or MOSCOW, not '" + request.side() + "'");
        }
        if (seats.find(id, side).isPresent()) {
            throw new CommandRejected("INVALID", "A computer already plays that team");
        }
        return view(seats.assign(id, side, request.strategy().strip()));
    }

    @GetMapping("/api/exercises/{id}/computer-seats")
    List<SeatView> list(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        owner(caller, id);
        return seats.of(id).stream().map(ComputerSeatApi::view).toList();
    }

    private static SeatView view(ComputerSeats.ComputerSeat s) {
        return new SeatView(s.playerId(), s.name(), s.side(), s.strategy().spec().id(), s.strategy().spec().argument());
    }

    private void owner(Caller caller, String id) {
        if (caller == null) {
            throw new AccessRefused(401, "UNAUTHORIZED", "A valid token is required");
        }
        ExerciseSummary exercise = exercises.summary(id).orElseThrow(() -> new CommandRejected("UNKNOWN_EXERCISE", "No exercise '" + id + "'"));
        if (!caller.facilitator() || !exercise.owner().equals(caller.username())) {
            throw new AccessRefused(403, "FORBIDDEN", "Only the exercise's facilitator assigns computer-played teams");
        }
    }
}
