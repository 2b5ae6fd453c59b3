package org.hotline.bots.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.bots.TeamView;
import org.hotline.bots.TeamView.RevealedTurn;
import org.hotline.engine.Agreement;
import org.hotline.engine.MoveOption;
import org.hotline.engine.Order;
import org.hotline.engine.Orders;
import org.hotline.engine.SideState;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.Phase;
import org.hotline.scenario.HistoricalTrack;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * A computer-played team's reading of the events its team may see (the same channels as its human
 * players), fed one event at a time as they come: the phase and turn, the public picture, its own
 * side's variables and withheld moves, the orders revealed at each Results, this turn's proposals and
 * the orders it last submitted. It keeps no events, only what it read from them, so its size is
 * bounded by the scenario (a revealed turn per turn played, this turn's proposals).
 */
final class TeamLog {

    final Side side;
    /** The last sequence number read: the next read starts after it. */
    long lastSeq;
    Phase phase = Phase.LOBBY;
    int turn;
    boolean submitted;
    boolean proposed;
    private double tension;
    private final Map<String, IssueStatus> statuses = new HashMap<>();
    private final Set<String> inForce = new HashSet<>();
    private SideState own;
    private List<MoveOption> withheld = List.of();
    private final List<RevealedTurn> history = new ArrayList<>();
    /** This turn's proposals by id, and their answers (ACCEPTED, REJECTED, COUNTERED), if any. */
    final Map<String, EventPayload.ProposalMade> proposals = new LinkedHashMap<>();
    final Map<String, String> answers = new HashMap<>();

    /** The team's orders as last submitted (each line's argument gives the strategy's reason), and their turn. */
    Orders lastOrders;
    int lastOrdersTurn;

    TeamLog(Side side) {
        this.side = side;
    }

    void read(ExerciseEvent event) {
        lastSeq = Math.max(lastSeq, event.seq());
        EventPayload payload = event.payload();
        if (payload instanceof EventPayload.PhaseChanged p) {
            if (p.turn() != turn) {
                proposals.clear();
                answers.clear();
                submitted = false;
                proposed = false;
            }
            phase = p.phase();
            turn = p.turn();
        } else if (payload instanceof EventPayload.StatePublic p) {
            tension = p.tension();
            p.issues().forEach(i -> statuses.put(i.id(), i.status()));
            inForce.clear();
            p.agreements().stream().filter(Agreement::inForce).forEach(a -> inForce.add(a.issueId()));
        } else if (payload instanceof EventPayload.StateSide p && p.side() == side) {
            EventPayload.SideView v = p.own();
            own = new SideState(v.trust(), v.threatPerception(), v.domesticSupport(), v.champion(), zero(v.perceivedResolve()),
                    zero(v.strain()), zero(v.burden()), zero(v.allianceCohesion()));
            withheld = p.withheld();
        } else if (payload instanceof EventPayload.OrdersSubmitted p && p.side() == side) {
            submitted = true;
            lastOrders = p.orders();
            lastOrdersTurn = turn;
        } else if (payload instanceof EventPayload.ProposalMade p) {
            proposals.put(p.proposalId(), p);
            proposed |= p.from() == side;
        } else if (payload instanceof EventPayload.ProposalAnswered p) {
            answers.put(p.proposalId(), p.answer());
        } else if (payload instanceof EventPayload.ResultsPublished p) {
            history.add(new RevealedTurn(p.turn(), moves(p.orders().get(side)), moves(p.orders().get(side.other()))));
        }
    }

    private static double zero(Double value) {
        return value == null ? 0 : value;
    }

    private static Map<String, Move> moves(Map<String, Order> orders) {
        Map<String, Move> moves = new HashMap<>();
        if (orders != null) {
            orders.forEach((issue, order) -> moves.put(issue, order.move()));
        }
        return moves;
    }

    boolean ready() {
        return own != null;
    }

    TeamView view(Scenario scenario, long seed) {
        Map<String, Move> track = Map.of();
        if (scenario.track().isPresent()) {
            for (HistoricalTrack.TrackTurn t : scenario.track().get().turns()) {
                if (t.turn() == turn) {
                    track = t.moves(side);
                }
            }
        }
        Map<String, IssueStatus> known = new HashMap<>(statuses);
        scenario.issues().forEach(i -> known.putIfAbsent(i.id(), i.status()));
        return new TeamView(side, scenario.id(), turn, scenario.turns(), scenario.issues(), tension, known, Set.copyOf(inForce), own,
                List.copyOf(history), TeamView.withheld(withheld), track, seed);
    }
}
