package org.hotline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.engine.Fixtures.*;

import java.util.List;
import java.util.Map;
import org.hotline.scenario.Inject;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The engine's contract: state in, outcome out, the same every time; refusals with reasons. */
class AdjudicatorTest {

    private final Adjudicator engine = Adjudicator.create();
    private final Scenario future = Fixtures.future();

    @Test
    void initialStateTakesTheScenarioValuesInIssueOrder() {
        GameState state = engine.initialState(future);

        assertThat(state.turn()).isZero();
        assertThat(state.tension()).isEqualTo(45);
        assertThat(state.issues().keySet()).containsExactly(UKRAINE, EUROPE, MISSILE, NEW_START, SANCTIONS, IRAN, ARCTIC, CYBER);
        assertThat(state.side(Side.MOSCOW).threatPerception()).isEqualTo(65);
        assertThat(state.agreements()).isEmpty();
    }

    @Test
    void sameInputsGiveTheSameOutcomeByteForByte() {
        JsonMapper json = JsonMapper.builder().build();
        GameState state = engine.initialState(future);
        TurnInput input = input(everywhere(Side.WASHINGTON, Move.NEGOTIATE), orders(Side.MOSCOW, Move.PRESS, UKRAINE));

        String first = json.writeValueAsString(engine.adjudicate(future, state, input, 42));
        String second = json.writeValueAsString(engine.adjudicate(future, state, input, 42));
        String otherSeed = json.writeValueAsString(engine.adjudicate(future, state, input, 43));

        assertThat(first).isEqualTo(second);
        assertThat(first).isNotEqualTo(otherSeed);
    }

    @Test
    void namedResultCodesTravelAsTheWordsStoredRowsAlwaysCarried() {
        JsonMapper json = JsonMapper.builder().build();
        Outcome outcome = engine.adjudicate(future, engine.initialState(future),
                input(everywhere(Side.WASHINGTON, Move.NEGOTIATE), everywhere(Side.MOSCOW, Move.NEGOTIATE)), 7);

        String text = json.writeValueAsString(outcome);
        assertThat(text).contains("\"purpose\":\"agreement\"").contains("\"reason\":\"both sides reach out\"")
                .doesNotContain("\"purpose\":\"AGREEMENT\"").doesNotContain("BOTH_REACH_OUT");
        assertThat(json.readValue(text, Outcome.class).rolls()).isEqualTo(outcome.rolls());
        assertThat(json.readValue("{\"purpose\":\"misperception: Moscow's move read as harsher\",\"issueId\":\"cyber\","
                + "\"odds\":0.1,\"draw\":0.5,\"success\":false,\"findings\":[\"M1\"]}", Roll.class).purpose())
                .isEqualTo(RollKind.MISPERCEPTION_OF_MOSCOW);
        for (Effect effect : outcome.effects()) {
            assertThat(EffectCause.of(effect)).as(effect.reason()).isPresent();
        }
        assertThat(EffectCause.of(EffectCause.injectReason("A US election"))).contains(EffectCause.INJECT);
        assertThat(EffectCause.of("the facilitator's own words")).isEmpty();
    }

    @Test
    void scoresAnyStateAsItScoresItsOwnOutcomes() {
        GameState state = engine.initialState(future);
        Outcome outcome = engine.adjudicate(future, state,
                input(everywhere(Side.WASHINGTON, Move.NEGOTIATE), everywhere(Side.MOSCOW, Move.NEGOTIATE)), 5);
        assertThat(engine.score(future, outcome.after())).isEqualTo(outcome.scores());

        // A facilitator's edit (here: a calmer relationship) must show in the scores.
        GameState calmer = new GameState(outcome.after().turn(), 5, outcome.after().sides(), outcome.after().context(),
                outcome.after().issues(), outcome.after().agreements(), outcome.after().firedInjects(), false);
        assertThat(engine.score(future, calmer).stability()).isGreaterThan(outcome.scores().stability());
    }

    @Test
    void everyRollIsRecordedWithOddsDrawAndResult() {
        GameState state = engine.initialState(future);
        Outcome outcome = engine.adjudicate(future, state,
                input(everywhere(Side.WASHINGTON, Move.NEGOTIATE), everywhere(Side.MOSCOW, Move.NEGOTIATE)), 7);

        assertThat(outcome.rolls()).isNotEmpty().allSatisfy(roll -> {
            assertThat(roll.odds()).isBetween(0.0, 1.0);
            assertThat(roll.draw()).isBetween(0.0, 1.0);
            assertThat(roll.success()).isEqualTo(roll.draw() < roll.odds());
        });
        assertThat(outcome.rolls()).anySatisfy(roll -> assertThat(roll.purpose()).isEqualTo(RollKind.AGREEMENT));
        assertThat(outcome.turn()).isEqualTo(1);
        assertThat(outcome.after().turn()).isEqualTo(1);
    }

    @Test
    void refusesOrdersNamingAnUnknownIssueOrTooManyIssuesOrTheWrongSide() {
        GameState state = engine.initialState(future);

        assertThatThrownBy(() -> engine.adjudicate(future, state,
                input(orders(Side.WASHINGTON, Move.PRESS, "atlantis"), orders(Side.MOSCOW, Move.HOLD)), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no issue 'atlantis'");
        assertThatThrownBy(() -> engine.adjudicate(future, state,
                input(orders(Side.MOSCOW, Move.PRESS, UKRAINE), orders(Side.MOSCOW, Move.HOLD)), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("marked as MOSCOW");
        TurnInput badRating = new TurnInput(orders(Side.WASHINGTON, Move.HOLD), orders(Side.MOSCOW, Move.HOLD), List.of(),
                Map.of(Side.WASHINGTON, Map.of(UKRAINE, 3)));
        assertThatThrownBy(() -> engine.adjudicate(future, state, badRating, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-2 to +2");
    }

    @Test
    void optionsWithholdConcessionsBelowTheDomesticSupportThreshold() {
        Scenario constrained = withSides(sides(25, 20), 45);
        GameState state = engine.initialState(constrained);

        List<MoveOption> options = engine.options(constrained, state, Side.WASHINGTON);

        assertThat(options).hasSize(8 * Move.values().length);
        assertThat(options).filteredOn(o -> o.move() == Move.CONCEDE)
                .allSatisfy(o -> {
                    assertThat(o.allowed()).isFalse();
                    assertThat(o.reason()).contains("is 20.0, below 40.0").contains("CONCEDE");
                    assertThat(o.findings()).contains("F4");
                });
        assertThat(options).filteredOn(o -> o.move() == Move.NEGOTIATE).allSatisfy(o -> assertThat(o.allowed()).isTrue());
        assertThatThrownBy(() -> engine.adjudicate(constrained, state,
                input(orders(Side.WASHINGTON, Move.DRAWDOWN, EUROPE), orders(Side.MOSCOW, Move.HOLD)), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withhold DRAWDOWN");
        assertThat(engine.options(constrained, state, Side.MOSCOW))
                .filteredOn(o -> o.move() == Move.CONCEDE).allSatisfy(o -> assertThat(o.allowed()).isFalse());
        assertThat(engine.options(future, engine.initialState(future), Side.WASHINGTON)).allSatisfy(o -> assertThat(o.allowed()).isTrue());
    }

    @Test
    void openTurnReleasesScheduledAndTriggeredInjectsOnceEach() {
        Inject scheduled = new Inject("thaw", "US-China thaw", "", new Inject.AtTurn(2),
                List.of(new Inject.Change("context.chinaAlignment", -20.0, null)), Inject.Audience.ALL, List.of("F6", "R3"));
        Inject triggered = new Inject("alarm", "Alarm", "", new Inject.When("tension", Inject.Comparison.ABOVE, 40),
                List.of(new Inject.Change("moscow.champion", null, "true"), new Inject.Change("issue.arctic.status", null, "AGREEMENT")),
                Inject.Audience.ALL, List.of("F4"));
        Scenario scenario = withInjects(List.of(scheduled, triggered));
        GameState state = engine.initialState(scenario);

        TurnStart first = engine.openTurn(scenario, state, 1);
        assertThat(first.released()).extracting(Inject::id).containsExactly("alarm");
        assertThat(first.state().side(Side.MOSCOW).champion()).isTrue();
        assertThat(first.state().issue(ARCTIC).status()).isEqualTo(IssueStatus.AGREEMENT);
        assertThat(first.state().agreements()).extracting(Agreement::issueId).containsExactly(ARCTIC);
        assertThat(first.effects()).extracting(Effect::reason).allMatch(r -> r.equals("inject: Alarm"));

        Outcome turn1 = engine.adjudicate(scenario, first.state(), input(orders(Side.WASHINGTON, Move.HOLD), orders(Side.MOSCOW, Move.HOLD)), 1);
        TurnStart second = engine.openTurn(scenario, turn1.after(), 1);
        assertThat(second.released()).extracting(Inject::id).containsExactly("thaw");
        assertThat(second.state().context().chinaAlignment()).isEqualTo(55);
        assertThat(second.state().firedInjects()).containsExactly("alarm", "thaw");
    }

    @Test
    void facilitatorReleasesAnInjectOnceAndBadPathsAreRefused() {
        GameState state = engine.initialState(future);
        Inject shock = new Inject("oil", "Oil-price collapse", "", new Inject.OnRelease(),
                List.of(new Inject.Change("moscow.strain", 15.0, null), new Inject.Change("agreement.new-start.lapse", null, "true")),
                Inject.Audience.ALL, List.of("F5"));

        TurnStart released = engine.release(future, state, shock);

        assertThat(released.state().side(Side.MOSCOW).strain()).isEqualTo(75);
        assertThat(released.effects()).singleElement().satisfies(e -> {
            assertThat(e.variable()).isEqualTo("moscow.strain");
            assertThat(e.before()).isEqualTo("60.00");
            assertThat(e.after()).isEqualTo("75.00");
            assertThat(e.findings()).containsExactly("F5");
        });
        assertThatThrownBy(() -> engine.release(future, released.state(), shock))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already been released");
        Inject broken = new Inject("bad", "Bad", "", new Inject.OnRelease(),
                List.of(new Inject.Change("moscow.mood", 1.0, null)), Inject.Audience.ALL, List.of());
        assertThatThrownBy(() -> engine.release(future, state, broken))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("moscow.mood");
    }

    @Test
    void narrativeIsBuiltOnDemandAndCitesFindings() {
        GameState state = engine.initialState(future);
        Outcome outcome = engine.adjudicate(future, state,
                input(orders(Side.WASHINGTON, Move.BUILDUP, EUROPE), orders(Side.MOSCOW, Move.PRESS, EUROPE)), 3);

        Narrative narrative = engine.narrate(future, outcome);

        assertThat(narrative.byIssue().keySet()).containsExactly(UKRAINE, EUROPE, MISSILE, NEW_START, SANCTIONS, IRAN, ARCTIC, CYBER);
        assertThat(narrative.byIssue().get(EUROPE)).contains("Washington played BUILDUP")
                .contains("Both played hardline: the spiral raised tension").contains("mutual hardline spiral").contains("B3");
        assertThat(narrative.byIssue().get(ARCTIC)).isEqualTo("arctic: Washington played HOLD; Moscow played HOLD. Neither side moved.");
        assertThat(narrative.summary()).startsWith("Turn 1: tension 45.00 -> ");
    }

    @Test
    void scoresAreReportedPerSideAndStabilityFallsToZeroInConflict() {
        GameState state = engine.initialState(future);
        Outcome quiet = engine.adjudicate(future, state, input(orders(Side.WASHINGTON, Move.HOLD), orders(Side.MOSCOW, Move.HOLD)), 1);
        Outcome pressed = engine.adjudicate(future, state, input(orders(Side.WASHINGTON, Move.BUILDUP, EUROPE), orders(Side.MOSCOW, Move.HOLD)), 1);

        Scores.SideScore washington = pressed.scores().sides().get(Side.WASHINGTON);
        Scores.SideScore moscow = pressed.scores().sides().get(Side.MOSCOW);
        assertThat(washington.interests()).isGreaterThan(quiet.scores().sides().get(Side.WASHINGTON).interests());
        assertThat(moscow.interests()).isLessThan(quiet.scores().sides().get(Side.MOSCOW).interests());
        assertThat(washington.costs()).isGreaterThan(quiet.scores().sides().get(Side.WASHINGTON).costs());
        assertThat(moscow.security()).isLessThan(quiet.scores().sides().get(Side.MOSCOW).security());
        assertThat(pressed.scores().stability()).isLessThan(quiet.scores().stability()).isPositive();

        Scenario tense = withSides(sides(25, 55), 90);
        Outcome war = java.util.stream.LongStream.range(0, 100).mapToObj(seed -> engine.adjudicate(tense, engine.initialState(tense),
                input(orders(Side.WASHINGTON, Move.FORCE, EUROPE), orders(Side.MOSCOW, Move.FORCE, EUROPE)), seed))
                .filter(o -> o.after().conflict()).findFirst().orElseThrow();
        assertThat(war.scores().stability()).isZero();
        assertThat(engine.narrate(tense, war).byIssue().get(EUROPE)).contains("The crisis escalated to conflict.");
    }

    @Test
    void aGameEndsAfterItsLastTurnOrInConflict() {
        GameState state = engine.initialState(future);
        TurnInput hold = input(orders(Side.WASHINGTON, Move.HOLD), orders(Side.MOSCOW, Move.HOLD));
        for (int turn = 0; turn < future.turns(); turn++) {
            state = engine.adjudicate(future, engine.openTurn(future, state, 5).state(), hold, 5).after();
        }
        GameState finished = state;
        assertThat(finished.turn()).isEqualTo(10);
        assertThatThrownBy(() -> engine.adjudicate(future, finished, hold, 5))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("All 10 turns");
        assertThat(engine.options(future, finished, Side.MOSCOW)).noneMatch(MoveOption::allowed);
    }
}
