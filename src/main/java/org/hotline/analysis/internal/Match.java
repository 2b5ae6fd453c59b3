package org.hotline.analysis.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.analysis.Metric;
import org.hotline.bots.Decision;
import org.hotline.bots.ProposalAnswer;
import org.hotline.bots.Strategy;
import org.hotline.bots.TeamView;
import org.hotline.bots.TeamView.RevealedTurn;
import org.hotline.engine.Adjudicator;
import org.hotline.engine.Agreement;
import org.hotline.engine.GameState;
import org.hotline.engine.IssueOutcome;
import org.hotline.engine.Proposal;
import org.hotline.engine.Scores;
import org.hotline.engine.SimulatedTurn;
import org.hotline.engine.TurnInput;
import org.hotline.scenario.HistoricalTrack;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;

/**
 * One run: two strategies play a scenario to its last turn (or to conflict) through the engine, each
 * deciding from its own team's view; proposals are offered and answered as on the diplomatic channel.
 * Returns the run's value for every {@link Metric} (NaN where a turn metric did not happen).
 */
public final class Match {

    private static final Adjudicator ENGINE = Adjudicator.create();

    private final Scenario scenario;
    private final Map<Side, Strategy> strategies = new EnumMap<>(Side.class);
    private final boolean historyInPlay;

    public Match(Scenario scenario, Strategy washington, Strategy moscow) {
        this.scenario = scenario;
        strategies.put(Side.WASHINGTON, washington);
        strategies.put(Side.MOSCOW, moscow);
        historyInPlay = washington.spec().kind().equals("historical") || moscow.spec().kind().equals("historical");
    }

    /** Plays from the scenario's start. */
    public double[] play(long seed) {
        return play(ENGINE.initialState(scenario), new ArrayList<>(), new ArrayList<>(), seed);
    }

    /**
     * Plays on from a state between turns (a what-if), given each team's revealed history so far.
     * The lists are extended in place.
     */
    public double[] play(GameState start, List<RevealedTurn> washingtonHistory, List<RevealedTurn> moscowHistory, long seed) {
        Map<Side, List<RevealedTurn>> history = new EnumMap<>(Side.class);
        history.put(Side.WASHINGTON, washingtonHistory);
        history.put(Side.MOSCOW, moscowHistory);
        int[] lessHardline = new int[2];
        int[] moves = new int[2];
        double firstAgreement = Double.NaN;
        int agreementsBefore = start.agreements().size();
        GameState state = start;
        while (state.turn() < scenario.turns() && !state.conflict()) {
            state = ENGINE.openTurn(scenario, state, seed).state();
            state = releaseTrackInjects(state);
            Map<Side, TeamView> views = new EnumMap<>(Side.class);
            Map<Side, Decision> decisions = new EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                TeamView view = TeamView.of(scenario, state, side, history.get(side),
                        ENGINE.withheld(scenario, state, side), viewSeed(seed, side, state.turn() + 1));
                views.put(side, view);
                decisions.put(side, strategies.get(side).decide(view));
            }
            List<Proposal> accepted = negotiate(views, decisions);
            SimulatedTurn outcome = ENGINE.simulate(scenario, state,
                    new TurnInput(decisions.get(Side.WASHINGTON).orders(), decisions.get(Side.MOSCOW).orders(), accepted, Map.of()), seed);
            reveal(outcome, history, lessHardline, moves);
            state = outcome.after();
            if (Double.isNaN(firstAgreement) && state.agreements().size() > agreementsBefore) {
                firstAgreement = state.turn();
            }
        }
        return metrics(state, firstAgreement, lessHardline, moves);
    }

    /** Each side may offer one linkage; the other accepts, rejects or counters; a counter goes back once. */
    List<Proposal> negotiate(Map<Side, TeamView> views, Map<Side, Decision> decisions) {
        List<Proposal> accepted = new ArrayList<>(2);
        for (Side proposer : Side.values()) {
            Optional<Proposal> offer = strategies.get(proposer).propose(views.get(proposer));
            if (offer.isEmpty()) {
                continue;
            }
            Side other = proposer.other();
            ProposalAnswer answer = strategies.get(other).answer(views.get(other), offer.get());
            Proposal agreed = null;
            if (answer.kind() == ProposalAnswer.Kind.ACCEPT) {
                agreed = offer.get();
            } else if (answer.kind() == ProposalAnswer.Kind.COUNTER
                    && strategies.get(proposer).answer(views.get(proposer), answer.counter()).kind() == ProposalAnswer.Kind.ACCEPT) {
                agreed = answer.counter();
            }
            if (agreed != null) {
                accepted.add(agreed);
                int turn = views.get(proposer).turn();
                bind(decisions, agreed.from(), agreed.offered(), agreed, turn);
                bind(decisions, agreed.from().other(), agreed.requested(), agreed, turn);
            }
        }
        return accepted;
    }

    private void bind(Map<Side, Decision> decisions, Side side, Map<String, Move> moves, Proposal agreed, int turn) {
        Decision decision = decisions.get(side);
        for (Map.Entry<String, Move> term : moves.entrySet()) {
            if (decision.move(term.getKey()) != term.getValue()) {
                decision = decision.agreed(term.getKey(), term.getValue(), scenario, agreed.from(), turn);
            }
        }
        decisions.put(side, decision);
    }

    /** Held injects the track brought in this turn, when a side replays history (as its facilitator would). */
    private GameState releaseTrackInjects(GameState state) {
        if (!historyInPlay || scenario.track().isEmpty()) {
            return state;
        }
        for (HistoricalTrack.TrackTurn turn : scenario.track().get().turns()) {
            if (turn.turn() == state.turn() + 1 && turn.injects() != null) {
                for (String id : turn.injects()) {
                    if (!state.firedInjects().contains(id) && scenario.inject(id).isPresent()) {
                        state = ENGINE.release(scenario, state, scenario.inject(id).get()).state();
                    }
                }
            }
        }
        return state;
    }

    private static void reveal(SimulatedTurn outcome, Map<Side, List<RevealedTurn>> history, int[] lessHardline, int[] moves) {
        Map<String, Move> washington = new HashMap<>();
        Map<String, Move> moscow = new HashMap<>();
        for (IssueOutcome issue : outcome.issues()) {
            washington.put(issue.issueId(), issue.washingtonMove());
            moscow.put(issue.issueId(), issue.moscowMove());
            count(issue.washingtonMove(), 0, lessHardline, moves);
            count(issue.moscowMove(), 1, lessHardline, moves);
        }
        history.get(Side.WASHINGTON).add(new RevealedTurn(outcome.turn(), washington, moscow));
        history.get(Side.MOSCOW).add(new RevealedTurn(outcome.turn(), moscow, washington));
    }

    static void count(Move move, int side, int[] lessHardline, int[] moves) {
        moves[side]++;
        lessHardline[side] += move.lessHardline() ? 1 : 0;
    }

    /**
     * Every metric of a path's end, measured as a run measures it (the what-if puts the path the
     * teams took beside its runs): cooperation counts from {@code lessHardline} and {@code moves}
     * (index 0 Washington, 1 Moscow), the first agreement's turn or NaN.
     */
    double[] metrics(GameState end, double firstAgreement, int[] lessHardline, int[] moves) {
        double[] m = new double[Metric.values().length];
        m[Metric.END_TENSION.ordinal()] = end.tension();
        m[Metric.CONFLICT_RATE.ordinal()] = end.conflict() ? 1 : 0;
        m[Metric.CONFLICT_TURN.ordinal()] = end.conflict() ? end.turn() : Double.NaN;
        int core = 0;
        int other = 0;
        for (Agreement agreement : end.agreements()) {
            if (agreement.inForce()) {
                boolean isCore = scenario.issue(agreement.issueId()).map(Issue::coreFor).map(s -> !s.isEmpty()).orElse(false);
                core += isCore ? 1 : 0;
                other += isCore ? 0 : 1;
            }
        }
        m[Metric.CORE_AGREEMENTS.ordinal()] = core;
        m[Metric.OTHER_AGREEMENTS.ordinal()] = other;
        m[Metric.FIRST_AGREEMENT_TURN.ordinal()] = firstAgreement;
        m[Metric.BURDEN.ordinal()] = end.side(Side.WASHINGTON).burden();
        m[Metric.STRAIN.ordinal()] = end.side(Side.MOSCOW).strain();
        m[Metric.WASHINGTON_TRUST.ordinal()] = end.side(Side.WASHINGTON).trust();
        m[Metric.MOSCOW_TRUST.ordinal()] = end.side(Side.MOSCOW).trust();
        m[Metric.PERCEIVED_RESOLVE.ordinal()] = end.side(Side.MOSCOW).perceivedResolve();
        m[Metric.WASHINGTON_COOPERATION.ordinal()] = moves[0] == 0 ? Double.NaN : (double) lessHardline[0] / moves[0];
        m[Metric.MOSCOW_COOPERATION.ordinal()] = moves[1] == 0 ? Double.NaN : (double) lessHardline[1] / moves[1];
        Scores scores = ENGINE.score(scenario, end);
        Scores.SideScore w = scores.sides().get(Side.WASHINGTON);
        Scores.SideScore r = scores.sides().get(Side.MOSCOW);
        m[Metric.WASHINGTON_INTERESTS.ordinal()] = w.interests();
        m[Metric.WASHINGTON_SECURITY.ordinal()] = w.security();
        m[Metric.WASHINGTON_COSTS.ordinal()] = w.costs();
        m[Metric.MOSCOW_INTERESTS.ordinal()] = r.interests();
        m[Metric.MOSCOW_SECURITY.ordinal()] = r.security();
        m[Metric.MOSCOW_COSTS.ordinal()] = r.costs();
        m[Metric.STABILITY.ordinal()] = scores.stability();
        return m;
    }

    /** Run i's seed: a SplitMix64 step from the analysis seed, so runs are independent and reproducible. */
    public static long runSeed(long seed, long run) {
        return mix(seed + 0x9E3779B97F4A7C15L * (run + 1));
    }

    private static long viewSeed(long seed, Side side, int turn) {
        return mix(seed ^ (side.ordinal() + 1L) * 0xD1B54A32D192ED03L ^ turn * 0x8CB92BA72F3D8DD7L);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
