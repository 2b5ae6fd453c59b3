package org.hotline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.hotline.scenario.Context;
import org.hotline.scenario.Inject;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioFiles;
import org.hotline.scenario.Side;
import tools.jackson.databind.json.JsonMapper;

/** Properties over random games: bounds, determinism, no throw on valid orders, bounded emboldening. */
class EngineProperties {

    private static final Adjudicator ENGINE = Adjudicator.create();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Random valid orders: for each issue a move the options allow, now and then a red line. */
    private static Orders randomOrders(Scenario scenario, GameState state, Side side, SplittableRandom random) {
        Map<String, List<Move>> allowed = new LinkedHashMap<>();
        for (MoveOption option : ENGINE.options(scenario, state, side)) {
            if (option.allowed()) {
                allowed.computeIfAbsent(option.issueId(), k -> new ArrayList<>()).add(option.move());
            }
        }
        Map<String, Order> byIssue = new LinkedHashMap<>();
        int limit = scenario.issuesPerTurn() == 0 ? Integer.MAX_VALUE : scenario.issuesPerTurn();
        allowed.forEach((issue, moves) -> {
            if (byIssue.size() < limit) {
                byIssue.put(issue, new Order(issue, moves.get(random.nextInt(moves.size())), random.nextInt(10) == 0, ""));
            }
        });
        return new Orders(side, byIssue);
    }

    private static Map<Side, Map<String, Integer>> randomRatings(Scenario scenario, SplittableRandom random) {
        Map<Side, Map<String, Integer>> ratings = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            Map<String, Integer> bySide = new LinkedHashMap<>();
            scenario.issues().forEach(i -> {
                if (random.nextInt(4) == 0) {
                    bySide.put(i.id(), random.nextInt(5) - 2);
                }
            });
            ratings.put(side, bySide);
        }
        return ratings;
    }

    /** Plays a whole game with random valid orders; the engine's seed and the orders' seed are separate. */
    private static List<Outcome> play(Scenario scenario, long seed, long ordersSeed) {
        SplittableRandom random = new SplittableRandom(ordersSeed);
        List<Outcome> outcomes = new ArrayList<>();
        GameState state = ENGINE.initialState(scenario);
        for (int turn = 0; turn < scenario.turns() && !state.conflict(); turn++) {
            state = ENGINE.openTurn(scenario, state, seed).state();
            TurnInput input = new TurnInput(randomOrders(scenario, state, Side.WASHINGTON, random),
                    randomOrders(scenario, state, Side.MOSCOW, random), List.of(), randomRatings(scenario, random));
            Outcome outcome = ENGINE.adjudicate(scenario, state, input, seed);
            outcomes.add(outcome);
            state = outcome.after();
        }
        return outcomes;
    }

    private static Scenario scenario(double china, double trends, double power, double revisionism, double spoilers) {
        return Fixtures.withContext(new Context(china, trends, power, revisionism, spoilers));
    }

    @Property(tries = 300)
    void everyVariableStaysInBoundsAndValidOrdersNeverThrow(@ForAll long seed, @ForAll long ordersSeed,
            @ForAll @DoubleRange(min = 0, max = 100) double china, @ForAll @DoubleRange(min = 0, max = 100) double trends,
            @ForAll @DoubleRange(min = 1, max = 10) double power, @ForAll @DoubleRange(min = 0, max = 100) double revisionism,
            @ForAll @DoubleRange(min = 0, max = 100) double spoilers) {
        Scenario scenario = scenario(china, trends, power, revisionism, spoilers);
        for (Outcome outcome : play(scenario, seed, ordersSeed)) {
            GameState s = outcome.after();
            assertThat(s.tension()).isBetween(0.0, 100.0);
            for (SideState side : s.sides().values()) {
                for (double v : new double[] {side.trust(), side.threatPerception(), side.domesticSupport(), side.perceivedResolve(),
                        side.strain(), side.burden(), side.allianceCohesion()}) {
                    assertThat(v).isBetween(0.0, 100.0);
                }
            }
            assertThat(s.context().powerRatio()).isBetween(1.0, 10.0);
            for (IssueState issue : s.issues().values()) {
                assertThat(issue.balance()).isBetween(0.0, 100.0);
                boolean inForce = s.agreements().stream().anyMatch(a -> a.inForce() && a.issueId().equals(issue.id()));
                if (issue.status() == IssueStatus.AGREEMENT) {
                    assertThat(inForce).isTrue();
                }
                if (inForce) {
                    // An agreed issue may flare into crisis (or war) without the agreement lapsing (F2).
                    assertThat(issue.status()).isIn(IssueStatus.AGREEMENT, IssueStatus.CRISIS, IssueStatus.CONFLICT);
                }
                assertThat(s.agreements().stream().filter(a -> a.inForce() && a.issueId().equals(issue.id())).count()).isLessThanOrEqualTo(1);
            }
            assertThat(outcome.rolls()).allSatisfy(r -> {
                assertThat(r.odds()).isBetween(0.0, 1.0);
                assertThat(r.draw()).isBetween(0.0, 1.0);
            });
            assertThat(s.conflict()).isEqualTo(s.issues().values().stream().anyMatch(i -> i.status() == IssueStatus.CONFLICT));
        }
    }

    @Provide
    Arbitrary<String> bundledScenarios() {
        return Arbitraries.of(ScenarioFiles.loadBundled().scenarios().stream().map(Scenario::id).toList());
    }

    @Property(tries = 200)
    void bundledScenariosWithTheirInjectsNeverThrowOnValidOrdersAndSimulateAsTheyAdjudicate(@ForAll("bundledScenarios") String scenarioId, @ForAll long seed,
            @ForAll long ordersSeed) {
        Scenario scenario = ScenarioFiles.bundled(scenarioId);
        SplittableRandom random = new SplittableRandom(ordersSeed);
        GameState state = ENGINE.initialState(scenario);
        for (int turn = 0; turn < scenario.turns() && !state.conflict(); turn++) {
            state = ENGINE.openTurn(scenario, state, seed).state();
            for (Inject inject : scenario.injects()) {
                if (inject.trigger() instanceof Inject.OnRelease && !state.firedInjects().contains(inject.id()) && random.nextInt(6) == 0) {
                    state = ENGINE.release(scenario, state, inject).state();
                }
            }
            // Analysis runs use withheld and simulate: they must give what options and adjudicate give.
            for (Side side : Side.values()) {
                Map<Move, String> fromOptions = new LinkedHashMap<>();
                ENGINE.options(scenario, state, side).stream().filter(o -> !o.allowed())
                        .forEach(o -> fromOptions.putIfAbsent(o.move(), o.reason()));
                assertThat(ENGINE.withheld(scenario, state, side)).isEqualTo(fromOptions);
            }
            TurnInput input = new TurnInput(randomOrders(scenario, state, Side.WASHINGTON, random),
                    randomOrders(scenario, state, Side.MOSCOW, random), List.of(), randomRatings(scenario, random));
            Outcome outcome = ENGINE.adjudicate(scenario, state, input, seed);
            assertThat(outcome.after().tension()).isBetween(0.0, 100.0);
            assertThat(ENGINE.narrate(scenario, outcome).byIssue()).hasSize(scenario.issues().size());
            SimulatedTurn simulated = ENGINE.simulate(scenario, state, input, seed);
            assertThat(simulated.turn()).isEqualTo(outcome.turn());
            assertThat(JSON.writeValueAsString(simulated.after())).isEqualTo(JSON.writeValueAsString(outcome.after()));
            assertThat(simulated.issues()).isEqualTo(outcome.issues());
            state = outcome.after();
        }
    }

    @Property(tries = 100)
    void sameSeedAndOrdersGiveTheSameOutcomesByteForByte(@ForAll long seed, @ForAll long ordersSeed) {
        Scenario scenario = Fixtures.withContext(new Context(50, 50, 3, 50, 50));

        String first = JSON.writeValueAsString(play(scenario, seed, ordersSeed));
        String second = JSON.writeValueAsString(play(scenario, seed, ordersSeed));

        assertThat(first).isEqualTo(second);
    }

    @Property(tries = 200)
    void emboldeningNeverExceedsItsConfiguredSensitivity(@ForAll long seed, @ForAll long ordersSeed,
            @ForAll @DoubleRange(min = 0, max = 30) double sensitivity, @ForAll @DoubleRange(min = 1, max = 10) double power,
            @ForAll @IntRange(min = 0, max = 100) int revisionism) {
        Scenario scenario = Fixtures.scenario(new Context(50, 50, power, revisionism, 20), Fixtures.sides(40, 60), 40, List.of(),
                Fixtures.rulebook(Map.of("emboldening.sensitivity", sensitivity)));
        for (Outcome outcome : play(scenario, seed, ordersSeed)) {
            outcome.effects().stream().filter(e -> EffectCause.of(e).orElse(null) == EffectCause.EMBOLDENING).forEach(e -> {
                double drop = Double.parseDouble(e.before()) - Double.parseDouble(e.after());
                assertThat(drop).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(sensitivity + 0.01);
            });
            assertThat(outcome.effects().stream().filter(e -> EffectCause.of(e).orElse(null) == EffectCause.EMBOLDENING).count()).isLessThanOrEqualTo(1);
        }
    }

    @Property(tries = 100)
    void movesTheOptionsAllowAreAcceptedAndOthersRefused(@ForAll long ordersSeed, @ForAll @DoubleRange(min = 0, max = 100) double support) {
        Scenario scenario = Fixtures.withSides(Fixtures.sides(40, support), 40);
        GameState state = ENGINE.initialState(scenario);
        for (MoveOption option : ENGINE.options(scenario, state, Side.WASHINGTON)) {
            TurnInput input = Fixtures.input(Fixtures.orders(Side.WASHINGTON, option.move(), option.issueId()),
                    Fixtures.orders(Side.MOSCOW, Move.HOLD));
            if (option.allowed()) {
                assertThat(ENGINE.adjudicate(scenario, state, input, ordersSeed).turn()).isEqualTo(1);
            } else {
                assertThatThrownBy(() -> ENGINE.adjudicate(scenario, state, input, ordersSeed))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(option.reason());
            }
        }
    }
}
