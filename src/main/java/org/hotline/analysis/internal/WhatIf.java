package org.hotline.analysis.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.access.AccessRefused;
import org.hotline.access.Caller;
import org.hotline.access.Role;
import org.hotline.analysis.Estimate;
import org.hotline.analysis.Metric;
import org.hotline.analysis.PairResult;
import org.hotline.bots.Strategies;
import org.hotline.bots.Strategy;
import org.hotline.bots.TeamView.RevealedTurn;
import org.hotline.engine.GameState;
import org.hotline.engine.Order;
import org.hotline.exercise.Channel;
import org.hotline.exercise.EventPayload;
import org.hotline.exercise.ExerciseEvent;
import org.hotline.exercise.ExerciseSummary;
import org.hotline.exercise.Exercises;
import org.hotline.exercise.Phase;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What-if from an exercise (issue 14, point 4): from the state after a turn, as its log recorded it,
 * a strategy pair plays on over N seeds; the answer puts the distribution beside the path the teams
 * actually took. Small enough to answer at once (at most {@link #MAX_RUNS} runs).
 */
@RestController
class WhatIf {

    static final int MAX_RUNS = 2000;

    record Request(String exerciseId, Integer turn, String washington, String moscow, Integer runs, Long seed) {
    }

    record Actual(int turn, double tension, boolean conflict, Phase phase) {
    }

    /**
     * @param actualMetrics the path the teams took, measured as the runs are over the same turns (after
     *                      {@code fromTurn}, up to where the exercise stands); null where it has no value
     */
    record Answer(String exerciseId, int fromTurn, long seed, Actual actual, Map<Metric, Double> actualMetrics, PairResult whatIf,
                  String summary) {
    }

    private final Exercises exercises;

    WhatIf(Exercises exercises) {
        this.exercises = exercises;
    }

    @PostMapping("/api/analyses/what-if")
    @ResponseStatus(HttpStatus.OK)
    Answer run(@AuthenticationPrincipal Caller caller, @RequestBody Request request) {
        if (request == null || request.exerciseId() == null || request.turn() == null || request.runs() == null) {
            throw new AccessRefused(400, "INVALID", "exerciseId, turn, washington, moscow and runs are required");
        }
        ExerciseSummary exercise = exercises.summary(request.exerciseId())
                .orElseThrow(() -> new AccessRefused(404, "UNKNOWN_EXERCISE", "No exercise '" + request.exerciseId() + "'"));
        allowed(caller, exercise);
        if (request.runs() < 1 || request.runs() > MAX_RUNS) {
            throw new AccessRefused(400, "INVALID", "runs: 1 to " + MAX_RUNS + " for a what-if");
        }
        Scenario scenario = exercises.scenario(exercise.id()).orElseThrow();
        List<ExerciseEvent> log = exercises.events(exercise.id(), 0, EnumSet.allOf(Channel.class));
        GameState start = null;
        GameState latest = null;
        List<GameState> after = new ArrayList<>();
        int[] lessHardline = new int[2];
        int[] played = new int[2];
        Map<Side, List<RevealedTurn>> history = new HashMap<>(Map.of(Side.WASHINGTON, new ArrayList<>(), Side.MOSCOW, new ArrayList<>()));
        double tension = scenario.tension();
        boolean conflict = false;
        for (ExerciseEvent event : log) {
            if (event.payload() instanceof EventPayload.StateFull full) {
                latest = full.state();
                if (full.state().turn() == request.turn() && event.turn() <= request.turn()) {
                    start = full.state();
                } else if (full.state().turn() > request.turn()) {
                    after.add(full.state());
                }
            } else if (event.payload() instanceof EventPayload.ResultsPublished results) {
                Map<String, Move> w = moves(results.orders().get(Side.WASHINGTON));
                Map<String, Move> m = moves(results.orders().get(Side.MOSCOW));
                if (results.turn() <= request.turn()) {
                    history.get(Side.WASHINGTON).add(new RevealedTurn(results.turn(), w, m));
                    history.get(Side.MOSCOW).add(new RevealedTurn(results.turn(), m, w));
                } else {
                    for (org.hotline.scenario.Issue issue : scenario.issues()) {
                        Match.count(w.getOrDefault(issue.id(), Move.HOLD), 0, lessHardline, played);
                        Match.count(m.getOrDefault(issue.id(), Move.HOLD), 1, lessHardline, played);
                    }
                }
            } else if (event.payload() instanceof EventPayload.StatePublic p) {
                tension = p.tension();
                conflict = p.conflict();
            }
        }
        if (start == null || start.conflict() || start.turn() >= scenario.turns()) {
            throw new AccessRefused(400, "INVALID", "This exercise has no state after turn " + request.turn()
                    + " to continue from (it has played " + exercise.turn() + " turns)");
        }
        Strategy w;
        Strategy m;
        try {
            w = Strategies.bundled().create(String.valueOf(request.washington()), scenario);
            m = Strategies.bundled().create(String.valueOf(request.moscow()), scenario);
        } catch (IllegalArgumentException e) {
            throw new AccessRefused(400, "INVALID", e.getMessage());
        }
        long seed = request.seed() != null ? request.seed() : 1;
        Match match = new Match(scenario, w, m);
        Tally tally = new Tally();
        for (int run = 0; run < request.runs(); run++) {
            tally.add(match.play(start, new ArrayList<>(history.get(Side.WASHINGTON)), new ArrayList<>(history.get(Side.MOSCOW)),
                    Match.runSeed(seed, run)));
        }
        PairResult result = tally.result(w.spec().id(), m.spec().id());
        String summary = summary(exercise.phase() == Phase.ENDED, tension, conflict, result, request.turn());
        double firstAgreement = Double.NaN;
        for (GameState state : after) {
            if (Double.isNaN(firstAgreement) && state.agreements().size() > start.agreements().size()) {
                firstAgreement = state.turn();
            }
        }
        double[] path = match.metrics(latest, firstAgreement, lessHardline, played);
        Map<Metric, Double> actualMetrics = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            double value = path[metric.ordinal()];
            actualMetrics.put(metric, Double.isNaN(value) ? null : value);
        }
        return new Answer(exercise.id(), request.turn(), seed, new Actual(exercise.turn(), tension, conflict, exercise.phase()), actualMetrics,
                result, summary);
    }

    /**
     * The answer in a sentence, its figures to one decimal as the page's table gives them (a sentence
     * saying 41 beside a table saying 41.4 reads as two different answers).
     */
    static String summary(boolean ended, double tension, boolean conflict, PairResult result, int fromTurn) {
        Estimate e = result.get(Metric.END_TENSION);
        return String.format(Locale.ROOT, "Your path %s at tension %.1f%s; %s against %s %s ends at %s over %d runs (conflict in %.1f%%).",
                ended ? "ended" : "stands", tension, conflict ? " in conflict" : "", result.washington(), result.moscow(),
                fromTurn == 0 ? "from the start" : "from turn " + fromTurn,
                e.n() == 0 ? "none" : String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", e.mean(), e.low(), e.high()), result.runs(),
                100 * result.get(Metric.CONFLICT_RATE).mean());
    }

    /** The exercise's own facilitator at any time; analysts once it has ended (as for its review). */
    private static void allowed(Caller caller, ExerciseSummary exercise) {
        if (caller == null) {
            throw new AccessRefused(401, "UNAUTHORIZED", "A valid token is required");
        }
        boolean owner = caller.facilitator() && exercise.owner().equals(caller.username());
        boolean analyst = caller.kind() == Caller.Kind.ACCOUNT && caller.accountRoles().contains(Role.ANALYST) && exercise.phase() == Phase.ENDED;
        if (!owner && !analyst) {
            throw new AccessRefused(403, "FORBIDDEN", "A what-if is for the exercise's facilitator, and for analysts once it has ended");
        }
    }

    private static Map<String, Move> moves(Map<String, Order> orders) {
        Map<String, Move> moves = new HashMap<>();
        if (orders != null) {
            orders.forEach((issue, order) -> moves.put(issue, order.move()));
        }
        return moves;
    }
}
