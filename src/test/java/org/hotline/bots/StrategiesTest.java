package org.hotline.bots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.bots.Views.FUTURE;
import static org.hotline.bots.Views.rivalPlays;
import static org.hotline.bots.Views.turn;
import static org.hotline.bots.Views.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.bots.TeamView.RevealedTurn;
import org.hotline.engine.Proposal;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioFiles;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;

/** Each strategy's rule on crafted histories (issue 14, point 7), with the parameters of exercises/strategies.yaml. */
class StrategiesTest {

    private static final Strategies BUNDLED = Strategies.bundled();
    private static final List<String> STEP_ISSUES = List.of("arctic", "sanctions"); // Washington's least salient non-core issues

    @Test
    void gritKeepsItsStepsForItsPatienceThenStops() {
        Strategy grit = BUNDLED.create("grit", FUTURE);
        for (int unanswered = 0; unanswered <= 4; unanswered++) {
            Decision decision = grit.decide(view(Side.WASHINGTON, rivalPlays(Move.PRESS, unanswered)));
            for (String issue : STEP_ISSUES) {
                if (unanswered < 3) {
                    assertThat(decision.move(issue)).as("step on %s after %d unanswered turns", issue, unanswered).isEqualTo(Move.CONCEDE);
                    assertThat(decision.lines().get(issue).reason()).contains("unilateral step");
                } else {
                    assertThat(decision.move(issue)).as("after %d unanswered turns (patience 3) the steps stop", unanswered)
                            .isEqualTo(Move.PRESS);
                }
            }
            // no steps on core issues or beyond its two small steps; pressure there is answered in proportion
            assertThat(decision.move("ukraine")).isEqualTo(unanswered == 0 ? Move.HOLD : Move.PRESS);
            assertThat(decision.move("iran")).isEqualTo(unanswered == 0 ? Move.HOLD : Move.PRESS);
        }
    }

    @Test
    void gritMatchesReciprocationAndWidensItsSteps() {
        Strategy grit = BUNDLED.create("grit", FUTURE);
        List<RevealedTurn> history = new ArrayList<>(rivalPlays(Move.PRESS, 4));
        Map<String, Move> answered = new HashMap<>(Views.everywhere(Move.HOLD));
        answered.put("iran", Move.NEGOTIATE);
        history.add(turn(5, Map.of(), answered));
        Decision decision = grit.decide(view(Side.WASHINGTON, history));
        assertThat(decision.move("iran")).as("reciprocation matched").isEqualTo(Move.NEGOTIATE);
        // steps resume after reciprocation, widened by one issue (the next least salient: cyber)
        assertThat(decision.move("arctic")).isEqualTo(Move.CONCEDE);
        assertThat(decision.move("sanctions")).isEqualTo(Move.CONCEDE);
        assertThat(decision.move("cyber")).isEqualTo(Move.CONCEDE);
        assertThat(decision.move("ukraine")).as("holding answered with holding").isEqualTo(Move.HOLD);
    }

    @Test
    void titForTatMirrorsEachIssueSeparately() {
        Strategy tft = Views.bundledWith("forgiveness: 0.1", "forgiveness: 0").create("tit-for-tat", FUTURE);
        assertThat(tft.decide(view(Side.MOSCOW, List.of())).lines().values()).allMatch(l -> l.move() == Move.NEGOTIATE);
        Map<String, Move> washington = new HashMap<>(Views.everywhere(Move.HOLD));
        washington.put("ukraine", Move.BUILDUP);
        washington.put("iran", Move.NEGOTIATE);
        washington.put("arctic", Move.DRAWDOWN);
        washington.put("cyber", Move.PRESS);
        Decision decision = tft.decide(view(Side.MOSCOW, List.of(turn(1, Views.everywhere(Move.NEGOTIATE), washington))));
        assertThat(decision.move("ukraine")).isEqualTo(Move.PRESS);
        assertThat(decision.move("cyber")).isEqualTo(Move.PRESS);
        assertThat(decision.move("iran")).isEqualTo(Move.NEGOTIATE);
        assertThat(decision.move("arctic")).isEqualTo(Move.NEGOTIATE);
        assertThat(decision.move("sanctions")).isEqualTo(Move.HOLD);
        assertThat(decision.lines().get("ukraine").reason()).contains("BUILDUP").contains("in kind");
    }

    @Test
    void generousTitForTatForgivesAtTheFilesRateAndTheSameSeedForgivesTheSameWay() {
        Strategy tft = BUNDLED.create("tit-for-tat", FUTURE);
        List<RevealedTurn> pressed = rivalPlays(Move.PRESS, 1);
        int forgiven = 0;
        int answers = 0;
        for (long seed = 0; seed < 500; seed++) {
            Decision decision = tft.decide(view(Side.MOSCOW, pressed, Map.of(), seed));
            assertThat(tft.decide(view(Side.MOSCOW, pressed, Map.of(), seed))).isEqualTo(decision);
            for (Decision.Line line : decision.lines().values()) {
                answers++;
                forgiven += line.move() == Move.NEGOTIATE ? 1 : 0;
            }
        }
        assertThat((double) forgiven / answers).as("forgiveness 0.1").isBetween(0.07, 0.13);
    }

    @Test
    void coreFirstPaysEarlyForTheRivalsCoreConcernsThenNegotiatesAndAnswersPersistentPressure() {
        Strategy coreFirst = BUNDLED.create("core-first", FUTURE);
        Decision first = coreFirst.decide(view(Side.WASHINGTON, List.of()));
        for (String core : List.of("ukraine", "european-security", "missile-defence")) {
            assertThat(first.move(core)).isEqualTo(Move.DRAWDOWN);
        }
        assertThat(first.move("new-start-successor")).isEqualTo(Move.NEGOTIATE);
        assertThat(first.move("cyber")).isEqualTo(Move.HOLD);
        Decision third = coreFirst.decide(view(Side.WASHINGTON, rivalPlays(Move.HOLD, 2)));
        assertThat(third.move("ukraine")).isEqualTo(Move.NEGOTIATE);
        Decision pressed = coreFirst.decide(view(Side.WASHINGTON, rivalPlays(Move.BUILDUP, 3)));
        assertThat(pressed.move("ukraine")).isEqualTo(Move.PRESS);
        assertThat(pressed.lines().get("ukraine").reason()).contains("3 turns");
    }

    @Test
    void limitedDealsWithSharedInterestsOnly() {
        Decision decision = BUNDLED.create("limited", FUTURE).decide(view(Side.WASHINGTON, rivalPlays(Move.PRESS, 2)));
        FUTURE.issues().forEach(issue -> assertThat(decision.move(issue.id())).as(issue.id())
                .isEqualTo(issue.sharedInterest() ? Move.NEGOTIATE : Move.HOLD));
    }

    @Test
    void alwaysHardlineNeverMovesOffPressure() {
        Decision decision = BUNDLED.create("always-hardline", FUTURE).decide(view(Side.MOSCOW, rivalPlays(Move.CONCEDE, 3)));
        assertThat(decision.move("ukraine")).isEqualTo(Move.BUILDUP);
        assertThat(decision.move("iran")).isEqualTo(Move.PRESS);
    }

    @Test
    void theExploiterPressesWhereWashingtonConcededUnreturnedAndEverywhereOnceResolveReadsLow() {
        Strategy exploiter = BUNDLED.create("exploit-concessions", FUTURE);
        assertThat(exploiter.decide(view(Side.MOSCOW, List.of())).lines().values()).allMatch(l -> l.move() == Move.NEGOTIATE);
        Map<String, Move> washington = new HashMap<>(Views.everywhere(Move.HOLD));
        washington.put("arctic", Move.CONCEDE);              // Moscow held
        washington.put("ukraine", Move.DRAWDOWN);            // Moscow only talked
        washington.put("european-security", Move.DRAWDOWN);  // Moscow drew down too: returned in kind
        washington.put("iran", Move.NEGOTIATE);
        washington.put("cyber", Move.PRESS);
        Map<String, Move> moscow = new HashMap<>(Views.everywhere(Move.HOLD));
        moscow.put("ukraine", Move.NEGOTIATE);
        moscow.put("european-security", Move.DRAWDOWN);
        List<RevealedTurn> history = List.of(turn(1, moscow, washington));
        Decision decision = exploiter.decide(view(Side.MOSCOW, history));
        assertThat(decision.move("arctic")).isEqualTo(Move.PRESS);
        assertThat(decision.lines().get("arctic").reason()).contains("CONCEDE", "answered only with HOLD", "for nothing");
        assertThat(decision.move("ukraine")).as("talk does not pay for a drawdown").isEqualTo(Move.PRESS);
        assertThat(decision.move("european-security")).as("a concession returned in kind is a deal, not weakness").isEqualTo(Move.NEGOTIATE);
        assertThat(decision.move("iran")).isEqualTo(Move.NEGOTIATE);
        assertThat(decision.move("cyber")).isEqualTo(Move.PRESS);
        assertThat(decision.move("sanctions")).isEqualTo(Move.HOLD);

        // Moscow's perceived resolve of Washington below the file's 55 (from 65 at the start): it presses wherever no agreement binds it
        TeamView calm = view(Side.MOSCOW, history);
        org.hotline.engine.SideState own = calm.own();
        TeamView emboldened = new TeamView(calm.side(), calm.scenarioId(), calm.turn(), calm.turns(), calm.issues(), calm.tension(),
                calm.statuses(), java.util.Set.of("iran"), new org.hotline.engine.SideState(own.trust(), own.threatPerception(),
                own.domesticSupport(), own.champion(), 40, own.strain(), own.burden(), own.allianceCohesion()), history, Map.of(), Map.of(), 1);
        Decision bold = exploiter.decide(emboldened);
        assertThat(bold.move("european-security")).isEqualTo(Move.PRESS);
        assertThat(bold.move("sanctions")).isEqualTo(Move.PRESS);
        assertThat(bold.lines().get("sanctions").reason()).contains("resolve as low (40, below 55)");
        assertThat(bold.move("iran")).as("an agreement in force binds it").isEqualTo(Move.NEGOTIATE);

        // Washington holds no reading of Moscow's resolve: played by Washington, only the concession rule applies
        assertThat(exploiter.decide(view(Side.WASHINGTON, rivalPlays(Move.HOLD, 1))).lines().values()).allMatch(l -> l.move() == Move.HOLD);
    }

    @Test
    void withheldMovesAreNeverUsedAndTheReasonSaysWhy() {
        Map<Move, String> withheld = Map.of(Move.CONCEDE, "domestic support below 30", Move.DRAWDOWN, "domestic support below 30",
                Move.ACQUIESCE, "domestic support below 30");
        for (StrategySpec spec : BUNDLED.specs()) {
            if (spec.kind().equals("historical")) {
                continue;
            }
            Strategy strategy = BUNDLED.create(spec.id(), FUTURE);
            for (long seed = 0; seed < 20; seed++) {
                Decision decision = strategy.decide(view(Side.WASHINGTON, rivalPlays(Move.NEGOTIATE, (int) (seed % 4)), withheld, seed));
                assertThat(decision.lines().values()).as(spec.id()).noneMatch(l -> withheld.containsKey(l.move()));
                assertThat(decision.argument()).as(spec.id() + " argues in one sentence").isNotBlank().doesNotContain("\n");
                assertThat(decision.lines().values()).allMatch(l -> !l.reason().isBlank());
            }
        }
        Decision coreFirst = BUNDLED.create("core-first", FUTURE).decide(view(Side.WASHINGTON, List.of(), withheld, 1));
        assertThat(coreFirst.move("ukraine")).isEqualTo(Move.NEGOTIATE);
        assertThat(coreFirst.lines().get("ukraine").reason()).contains("DRAWDOWN is withheld (domestic support below 30)");
    }

    @Test
    void proposalsAreAnsweredByTheWouldDoItAnywayRule() {
        Proposal offer = BUNDLED.create("core-first", FUTURE).propose(view(Side.WASHINGTON, List.of())).orElseThrow();
        assertThat(offer.offered()).containsEntry("ukraine", Move.DRAWDOWN);
        assertThat(offer.requested()).containsEntry("new-start-successor", Move.NEGOTIATE);

        TeamView moscow = view(Side.MOSCOW, List.of());
        assertThat(BUNDLED.create("tit-for-tat", FUTURE).answer(moscow, offer).kind()).isEqualTo(ProposalAnswer.Kind.ACCEPT);
        ProposalAnswer hardline = BUNDLED.create("always-hardline", FUTURE).answer(moscow, offer);
        assertThat(hardline.kind()).isEqualTo(ProposalAnswer.Kind.REJECT);
        assertThat(hardline.reason()).contains("PRESS on new-start-successor");

        Proposal wide = new Proposal("p1", Side.WASHINGTON, Map.of("iran", Move.NEGOTIATE),
                Map.of("new-start-successor", Move.NEGOTIATE, "sanctions", Move.CONCEDE));
        ProposalAnswer limited = BUNDLED.create("limited", FUTURE).answer(moscow, wide);
        assertThat(limited.kind()).isEqualTo(ProposalAnswer.Kind.COUNTER);
        assertThat(limited.counter().offered()).isEqualTo(Map.of("new-start-successor", Move.NEGOTIATE));
        assertThat(limited.counter().requested()).isEqualTo(Map.of("iran", Move.NEGOTIATE));

        // GRIT takes a request it would not make when the offer pays on one of its own core concerns
        Proposal paid = new Proposal("p2", Side.WASHINGTON, Map.of("ukraine", Move.DRAWDOWN), Map.of("cyber", Move.CONCEDE));
        assertThat(BUNDLED.create("grit", FUTURE).answer(view(Side.MOSCOW, rivalPlays(Move.PRESS, 4)), paid).kind())
                .isEqualTo(ProposalAnswer.Kind.ACCEPT);
        assertThat(BUNDLED.create("limited", FUTURE).answer(moscow, paid).kind()).isEqualTo(ProposalAnswer.Kind.REJECT);
        Proposal pressure = new Proposal("p3", Side.WASHINGTON, Map.of("ukraine", Move.PRESS), Map.of("iran", Move.NEGOTIATE));
        assertThat(BUNDLED.create("always-less-hardline", FUTURE).answer(moscow, pressure).kind()).isEqualTo(ProposalAnswer.Kind.REJECT);
    }

    @Test
    void historicalPlaysTheTrackAndRefusesAScenarioWithoutOne() {
        assertThatThrownBy(() -> BUNDLED.create("historical", FUTURE)).hasMessageContaining("has no historical track");
        Scenario reset = ScenarioFiles.bundled("cs4-reset");
        Strategy historical = BUNDLED.create("historical", reset);
        TeamView view = TeamView.of(reset, org.hotline.engine.Adjudicator.create().initialState(reset), Side.WASHINGTON, List.of(),
                Map.of(), 3);
        Map<String, Move> track = reset.track().orElseThrow().turns().get(0).moves(Side.WASHINGTON);
        Decision decision = historical.decide(view);
        track.forEach((issue, move) -> assertThat(decision.move(issue)).isEqualTo(move));
    }

    @Test
    void randomIsReproducibleFromTheSeedAndVaries() {
        Strategy random = BUNDLED.create("random", FUTURE);
        Decision a = random.decide(view(Side.WASHINGTON, List.of(), Map.of(), 11));
        assertThat(random.decide(view(Side.WASHINGTON, List.of(), Map.of(), 11))).isEqualTo(a);
        long distinct = java.util.stream.LongStream.range(0, 30).mapToObj(s -> random.decide(view(Side.WASHINGTON, List.of(), Map.of(), s)))
                .distinct().count();
        assertThat(distinct).isGreaterThan(20);
        assertThat(random.decide(view(Side.WASHINGTON, List.of(), Map.of(), 5)).lines().values()).noneMatch(l -> l.move() == Move.FORCE);
    }

    @Test
    void aBrokenFileIsRefusedWithItsProblemNamed() {
        assertThatThrownBy(() -> Views.bundledWith("patience: 3\n      steps", "patience: soon\n      steps").create("grit", FUTURE))
                .hasMessageContaining("'grit', parameter 'patience' must be a whole number");
        assertThatThrownBy(() -> Strategies.read("strategies:\n  - id: Core First\n", "x.yaml")).hasMessageContaining("lower case with hyphens");
        assertThatThrownBy(() -> Strategies.read("strategies:\n  - id: bold\n    kind: bolder\n", "x.yaml")).hasMessageContaining("kind 'bolder'");
        assertThatThrownBy(() -> BUNDLED.create("nice", FUTURE)).hasMessageContaining("Unknown strategy 'nice'");
    }

    @Test
    void theTeamViewHoldsOnlyItsOwnSidesVariables() {
        TeamView view = TeamView.of(FUTURE, Views.START, Side.MOSCOW, List.of(), Map.of(), 1);
        assertThat(view.own()).isEqualTo(Views.START.side(Side.MOSCOW));
        assertThat(TeamView.class.getRecordComponents()).extracting(c -> c.getType().getSimpleName())
                .doesNotContain("GameState", "Scenario", "Outcome");
    }
}
