package org.hotline.engine;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.LongStream;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioFiles;
import org.hotline.scenario.Side;

/**
 * The probes an analyst runs before trusting the engine: extreme and typical strategies on the future
 * scenario over seeds 0..299, summarised as one row each (see AnalystProbesTest for what they must show).
 */
final class AnalystProbes {

    static final int SEEDS = 300;
    static final Scenario FUTURE = ScenarioFiles.bundled(ScenarioFiles.DEFAULT_SCENARIO);

    /** The policy mix of all four cases: talks on shared interests, one BUILDUP on force posture, sanctions kept. */
    static final Games.Policy MIXED = (issue, state, last) -> issue.sharedInterest() ? Move.NEGOTIATE
            : issue.id().equals("european-security") ? Move.BUILDUP : Move.HOLD;

    /** Talks everywhere, and on Moscow's core issues the concern paid for (a drawdown or concession). */
    static final Games.Policy CORE_FIRST = (issue, state, last) -> !issue.coreFor(Side.MOSCOW) ? Move.NEGOTIATE
            : issue.id().equals("european-security") || issue.id().equals("missile-defence") ? Move.DRAWDOWN : Move.CONCEDE;

    enum Probe {
        ALL_TALK("all talk (both NEGOTIATE everywhere)", Games.always(Move.NEGOTIATE), Games.always(Move.NEGOTIATE)),
        ALL_HARDLINE("all hardline (both PRESS everywhere)", Games.always(Move.PRESS), Games.always(Move.PRESS)),
        ALL_HOLD("hold everything (both HOLD)", Games.always(Move.HOLD), Games.always(Move.HOLD)),
        CONCEDE_ALL("concede everything (Washington CONCEDE, Moscow PRESS)", Games.always(Move.CONCEDE), Games.always(Move.PRESS)),
        CONCEDE_RECIPROCATED("concede everything v. a reciprocating Moscow", Games.always(Move.CONCEDE), Games.reciprocating(Side.MOSCOW)),
        MIXED_MIX("the cases' policy mix v. a reciprocating Moscow", MIXED, Games.reciprocating(Side.MOSCOW)),
        CORE_PAID("core concerns paid for v. a reciprocating Moscow", CORE_FIRST, Games.reciprocating(Side.MOSCOW));

        final String label;
        final Games.Policy washington;
        final Games.Policy moscow;

        Probe(String label, Games.Policy washington, Games.Policy moscow) {
            this.label = label;
            this.washington = washington;
            this.moscow = moscow;
        }
    }

    /** One probe's 300 runs, summarised. */
    record Summary(Probe probe, List<Games.Run> runs) {

        double conflictRate() {
            return share(r -> r.end().conflict() ? 1 : 0);
        }

        double meanConflictTurn() {
            return runs.stream().filter(r -> r.end().conflict()).mapToDouble(r -> r.end().turn()).average().orElse(Double.NaN);
        }

        double coreSettled() {
            return share(r -> FUTURE.issues().stream().filter(i -> i.coreFor(Side.MOSCOW))
                    .filter(i -> inForce(r.end(), i.id())).count());
        }

        double share(ToDoubleFunction<Games.Run> value) {
            return runs.stream().mapToDouble(value).average().orElseThrow();
        }

        double mean(ToDoubleFunction<GameState> value) {
            return share(r -> value.applyAsDouble(r.end()));
        }

        double interests(Side side) {
            return share(r -> Games.ENGINE.score(FUTURE, r.end()).sides().get(side).interests());
        }

        double agreementRate() {
            int made = runs.stream().mapToInt(r -> r.agreementRolls()[0]).sum();
            int won = runs.stream().mapToInt(r -> r.agreementRolls()[1]).sum();
            return made == 0 ? 0 : (double) won / made;
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %.0f%% | %.1f | %.1f | %.2f | %.1f | %.1f / %.1f | %.1f | %.1f | %.1f | %.1f |",
                    probe.label, 100 * conflictRate(), meanConflictTurn(), mean(GameState::tension), coreSettled(),
                    mean(s -> s.agreements().stream().filter(Agreement::inForce).count()),
                    interests(Side.WASHINGTON), interests(Side.MOSCOW),
                    mean(s -> s.side(Side.WASHINGTON).burden()), mean(s -> s.side(Side.MOSCOW).strain()),
                    mean(s -> s.side(Side.MOSCOW).perceivedResolve()), mean(s -> s.side(Side.WASHINGTON).domesticSupport()));
        }
    }

    static final String HEADER = "| probe (future scenario, 300 seeds) | conflict | mean war turn | end tension | core settled (of 3) "
            + "| agreements in force | interests W / M | W burden | M strain | M's view of W resolve | W support |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|";

    private AnalystProbes() {
    }

    static Summary run(Scenario scenario, Probe probe) {
        return new Summary(probe, LongStream.range(0, SEEDS).mapToObj(seed -> Games.play(scenario, seed, probe.washington, probe.moscow)).toList());
    }

    static boolean inForce(GameState state, String issueId) {
        return state.agreements().stream().anyMatch(a -> a.inForce() && a.issueId().equals(issueId));
    }

    static boolean core(Issue issue) {
        return issue.coreFor(Side.MOSCOW);
    }

    public static void main(String[] args) {
        System.out.println(HEADER);
        for (Probe probe : Probe.values()) {
            System.out.println(run(FUTURE, probe).row());
        }
    }
}
