package org.hotline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.engine.Fixtures.*;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.hotline.scenario.Context;
import org.hotline.scenario.Inject;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One focused test per mechanism of docs/design.md section 6: the direction of its effect and the finding
 * ids it reports. Each compares two situations that differ in one thing.
 */
class MechanismsTest {

    private static final Adjudicator ENGINE = Adjudicator.create();

    private static Outcome turn(Scenario scenario, TurnInput input, long seed) {
        return ENGINE.adjudicate(scenario, ENGINE.initialState(scenario), input, seed);
    }

    private static Outcome turn(Scenario scenario, GameState state, TurnInput input, long seed) {
        return ENGINE.adjudicate(scenario, state, input, seed);
    }

    private static Roll roll(Outcome outcome, RollKind purpose, String issue) {
        return outcome.rolls().stream().filter(r -> r.purpose() == purpose && issue.equals(r.issueId())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + purpose + " roll on " + issue + " in " + outcome.rolls()));
    }

    private static double agreementOdds(Scenario scenario, GameState state, TurnInput input, String issue) {
        return roll(turn(scenario, state, input, 1), RollKind.AGREEMENT, issue).odds();
    }

    private static double agreementOdds(Scenario scenario, TurnInput input, String issue) {
        return agreementOdds(scenario, ENGINE.initialState(scenario), input, issue);
    }

    private static double sum(Outcome outcome, String variable, Predicate<Effect> which) {
        return outcome.effects().stream().filter(e -> e.variable().equals(variable)).filter(which)
                .mapToDouble(e -> Double.parseDouble(e.after()) - Double.parseDouble(e.before())).sum();
    }

    private static double sum(Outcome outcome, String variable, EffectCause cause) {
        return sum(outcome, variable, e -> EffectCause.of(e).orElse(null) == cause);
    }

    private static Effect effect(Outcome outcome, String variable, EffectCause cause) {
        return outcome.effects().stream().filter(e -> e.variable().equals(variable) && EffectCause.of(e).orElse(null) == cause)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no effect " + cause + " on " + variable + " in " + outcome.effects()));
    }

    private static IssueOutcome issue(Outcome outcome, String id) {
        return outcome.issues().stream().filter(i -> i.issueId().equals(id)).findFirst().orElseThrow();
    }

    private static final TurnInput BOTH_NEGOTIATE_ARCTIC =
            input(orders(Side.WASHINGTON, Move.NEGOTIATE, ARCTIC), orders(Side.MOSCOW, Move.NEGOTIATE, ARCTIC));

    @Nested
    class IssueMatrix {

        @Test
        void bothLessHardlineOpensAnAgreementRollWhoseOddsRiseWithTrustAndFallWithMistrust() {
            double trusting = agreementOdds(withSides(sides(70, 55), 45), BOTH_NEGOTIATE_ARCTIC, ARCTIC);
            double mistrustful = agreementOdds(withSides(sides(20, 55), 45), BOTH_NEGOTIATE_ARCTIC, ARCTIC);

            assertThat(trusting).isGreaterThan(mistrustful);
            assertThat(roll(turn(future(), BOTH_NEGOTIATE_ARCTIC, 1), RollKind.AGREEMENT, ARCTIC).findings()).contains("M1", "F5", "F6");
        }

        @Test
        void anAgreementFixesTermsInTheLedgerAndRelievesTensionAndThreat() {
            Outcome agreed = LongStream.range(0, 50).mapToObj(seed -> turn(withSides(sides(80, 55), 45), BOTH_NEGOTIATE_ARCTIC, seed))
                    .filter(o -> issue(o, ARCTIC).after() == IssueStatus.AGREEMENT).findFirst().orElseThrow();

            assertThat(agreed.after().agreements()).singleElement().satisfies(a -> {
                assertThat(a.issueId()).isEqualTo(ARCTIC);
                assertThat(a.inForce()).isTrue();
                assertThat(a.concludedTurn()).isEqualTo(1);
            });
            assertThat(sum(agreed, "tension", EffectCause.AGREEMENT_CONCLUDED)).isNegative();
            assertThat(sum(agreed, "moscow.threatPerception", EffectCause.AGREEMENT_CONCLUDED)).isNegative();
            assertThat(effect(agreed, "tension", EffectCause.AGREEMENT_CONCLUDED).findings()).contains("B3");
        }

        @Test
        void mutualHardlineSpiralsTensionThreatAndBurden() {
            Outcome spiral = turn(future(), input(orders(Side.WASHINGTON, Move.BUILDUP, EUROPE), orders(Side.MOSCOW, Move.PRESS, EUROPE)), 1);

            assertThat(sum(spiral, "tension", EffectCause.SPIRAL)).isPositive();
            assertThat(sum(spiral, "moscow.threatPerception", EffectCause.SPIRAL)).isPositive();
            assertThat(sum(spiral, "washington.threatPerception", EffectCause.SPIRAL)).isPositive();
            assertThat(sum(spiral, "washington.burden", EffectCause.OWN_BUILDUP)).isPositive();
            assertThat(effect(spiral, "tension", EffectCause.SPIRAL).findings()).contains("B3");
            assertThat(issue(spiral, EUROPE).findings()).contains("B3", "B2");
        }

        @Test
        void oneSidedConcessionHandsTheBalanceToThePresser() {
            Outcome conceded = turn(future(), input(orders(Side.WASHINGTON, Move.CONCEDE, CYBER), orders(Side.MOSCOW, Move.PRESS, CYBER)), 1);

            assertThat(conceded.after().issue(CYBER).balance()).isLessThan(50);
            assertThat(effect(conceded, "issue.cyber.balance", EffectCause.CONCESSION).findings()).contains("K1", "B1");
            assertThat(issue(conceded, CYBER).findings()).contains("K1", "K2");
        }

        @Test
        void anHonouredLinkageProposalRaisesTheOddsOnItsIssues() {
            Proposal trade = new Proposal("border-for-reparations", Side.WASHINGTON, Map.of(ARCTIC, Move.NEGOTIATE),
                    Map.of(IRAN, Move.NEGOTIATE));
            Orders washington = orders(Side.WASHINGTON, Move.NEGOTIATE, ARCTIC, IRAN);
            Orders moscow = orders(Side.MOSCOW, Move.NEGOTIATE, ARCTIC, IRAN);
            GameState start = ENGINE.initialState(future());

            double linked = agreementOdds(future(), start, new TurnInput(washington, moscow, List.of(trade), Map.of()), IRAN);
            double unlinked = agreementOdds(future(), start, input(washington, moscow), IRAN);

            assertThat(linked).isGreaterThan(unlinked);
            Outcome reneged = turn(future(), new TurnInput(washington, orders(Side.MOSCOW, Move.PRESS, IRAN), List.of(trade), Map.of()), 1);
            assertThat(effect(reneged, "washington.trust", EffectCause.PROPOSAL_RENEGED).findings()).contains("M3");
        }

        @Test
        void facilitatorRatingsOfArgumentsShiftTheOdds() {
            GameState start = ENGINE.initialState(future());
            TurnInput rated = new TurnInput(BOTH_NEGOTIATE_ARCTIC.washington(), BOTH_NEGOTIATE_ARCTIC.moscow(), List.of(),
                    Map.of(Side.WASHINGTON, Map.of(ARCTIC, 2)));
            TurnInput panned = new TurnInput(BOTH_NEGOTIATE_ARCTIC.washington(), BOTH_NEGOTIATE_ARCTIC.moscow(), List.of(),
                    Map.of(Side.WASHINGTON, Map.of(ARCTIC, -2)));

            assertThat(agreementOdds(future(), start, rated, ARCTIC)).isGreaterThan(agreementOdds(future(), start, BOTH_NEGOTIATE_ARCTIC, ARCTIC))
                    .isGreaterThan(agreementOdds(future(), start, panned, ARCTIC));
        }
    }

    @Test
    void policyMixHardlineOnACoreIssuePoisonsOutreachOnPeripheralOnes() {
        Orders moscow = orders(Side.MOSCOW, Move.NEGOTIATE, ARCTIC);
        TurnInput pressCore = input(merge(orders(Side.WASHINGTON, Move.NEGOTIATE, ARCTIC), orders(Side.WASHINGTON, Move.PRESS, UKRAINE)), moscow);
        TurnInput pressPeriphery = input(merge(orders(Side.WASHINGTON, Move.NEGOTIATE, ARCTIC), orders(Side.WASHINGTON, Move.PRESS, CYBER)), moscow);

        assertThat(agreementOdds(future(), pressCore, ARCTIC)).isLessThan(agreementOdds(future(), pressPeriphery, ARCTIC))
                .isLessThan(agreementOdds(future(), BOTH_NEGOTIATE_ARCTIC, ARCTIC));
        Outcome core = turn(future(), pressCore, 1);
        Outcome periphery = turn(future(), pressPeriphery, 1);
        assertThat(sum(core, "moscow.trust", EffectCause.READING_OF_MOVES))
                .isLessThan(sum(periphery, "moscow.trust", EffectCause.READING_OF_MOVES));
        assertThat(issue(core, ARCTIC).findings()).contains("M2", "R4");
    }

    @Test
    void unresolvedCorePressureGrowsOnceSharedInterestIssuesAreSettled() {
        TurnInput hold = input(orders(Side.WASHINGTON, Move.HOLD), orders(Side.MOSCOW, Move.HOLD));
        GameState start = ENGINE.initialState(future());
        Inject settled = new Inject("settled", "Shared issues settled", "", new Inject.OnRelease(), List.of(
                new Inject.Change("issue.new-start.status", null, "AGREEMENT"), new Inject.Change("issue.iran.status", null, "AGREEMENT"),
                new Inject.Change("issue.arctic.status", null, "AGREEMENT")), Inject.Audience.ALL, List.of());

        Outcome open = turn(future(), start, hold, 1);
        Outcome fruitGone = turn(future(), ENGINE.release(future(), start, settled).state(), hold, 1);

        double before = sum(open, "tension", EffectCause.CORE_UNRESOLVED);
        assertThat(before).isPositive();
        assertThat(sum(fruitGone, "tension", EffectCause.CORE_UNRESOLVED)).isGreaterThan(before);
        assertThat(effect(open, "tension", EffectCause.CORE_UNRESOLVED).findings()).contains("F1", "R2");
        assertThat(effect(fruitGone, "tension", EffectCause.CORE_UNRESOLVED).findings()).contains("CS4");
        assertThat(open.after().issue(UKRAINE).turnsUnresolved()).isEqualTo(1);
        assertThat(open.after().issue(ARCTIC).turnsUnresolved()).isZero();
    }

    @Test
    void durableGainsLapseOnlyWithASmallCappedHazardLowerWhenInstitutional() {
        Inject agreed = new Inject("agreed", "Agreed", "", new Inject.OnRelease(), List.of(
                new Inject.Change("issue.new-start.status", null, "AGREEMENT"), new Inject.Change("issue.arctic.status", null, "AGREEMENT"),
                new Inject.Change("tension", null, "100")), Inject.Audience.ALL, List.of());
        GameState state = ENGINE.release(future(), ENGINE.initialState(future()), agreed).state();
        TurnInput pressBoth = input(orders(Side.WASHINGTON, Move.PRESS, NEW_START, ARCTIC), orders(Side.MOSCOW, Move.PRESS, NEW_START, ARCTIC));

        Outcome outcome = turn(future(), state, pressBoth, 1);

        double cap = future().rulebook().value("lapse.cap");
        Roll institutional = roll(outcome, RollKind.AGREEMENT_LAPSE, NEW_START);
        Roll plain = roll(outcome, RollKind.AGREEMENT_LAPSE, ARCTIC);
        assertThat(plain.odds()).isEqualTo(cap);
        assertThat(institutional.odds()).isLessThan(plain.odds());
        assertThat(plain.findings()).containsExactly("F2");
        double calm = roll(turn(future(), ENGINE.release(future(), ENGINE.initialState(future()), new Inject("a", "A", "",
                new Inject.OnRelease(), List.of(new Inject.Change("issue.arctic.status", null, "AGREEMENT"), new Inject.Change("tension", null, "10")),
                Inject.Audience.ALL, List.of())).state(), input(orders(Side.WASHINGTON, Move.HOLD), orders(Side.MOSCOW, Move.HOLD)), 1),
                RollKind.AGREEMENT_LAPSE, ARCTIC).odds();
        assertThat(calm).isLessThan(plain.odds());
    }

    @Nested
    class Emboldening {

        private final TurnInput concedeUnderPressure =
                input(orders(Side.WASHINGTON, Move.CONCEDE, UKRAINE, EUROPE), orders(Side.MOSCOW, Move.PRESS, UKRAINE, EUROPE));

        private double erosion(Scenario scenario) {
            return -sum(turn(scenario, concedeUnderPressure, 1), "moscow.perceivedResolve", EffectCause.EMBOLDENING);
        }

        @Test
        void unreciprocatedConcessionsErodePerceivedResolveNeverBeyondTheSensitivity() {
            double erosion = erosion(future());

            assertThat(erosion).isPositive().isLessThanOrEqualTo(future().rulebook().value("emboldening.sensitivity"));
            assertThat(erosion(withRules(Map.of("emboldening.sensitivity", 20.0)))).isGreaterThan(erosion);
            assertThat(effect(turn(future(), concedeUnderPressure, 1), "moscow.perceivedResolve",
                    EffectCause.EMBOLDENING).findings()).contains("K2", "F3", "M5", "M6");
        }

        @Test
        void aWeakerOrStatusQuoRivalIsLessEasilyEmboldened() {
            Context c = futureContext();
            double base = erosion(withContext(c));
            double weaker = erosion(withContext(new Context(c.chinaAlignment(), c.trendsAgainstWeaker(), 8, c.revisionism(), c.spoilerRisk())));
            double statusQuo = erosion(withContext(new Context(c.chinaAlignment(), c.trendsAgainstWeaker(), c.powerRatio(), 0, c.spoilerRisk())));

            assertThat(weaker).isLessThan(base);
            assertThat(statusQuo).isLessThan(base);
        }

        @Test
        void reciprocatedNegotiationDoesNotEmbolden() {
            Outcome talks = turn(future(), input(everywhere(Side.WASHINGTON, Move.NEGOTIATE), everywhere(Side.MOSCOW, Move.NEGOTIATE)), 1);

            assertThat(sum(talks, "moscow.perceivedResolve", EffectCause.EMBOLDENING)).isZero();
        }
    }

    @Test
    void constituenciesChampionsGainSupportAndOutreachWhileTheRivalCompetesCausesBacklash() {
        Outcome agreed = LongStream.range(0, 50).mapToObj(seed -> turn(withSides(sides(80, 55), 45), BOTH_NEGOTIATE_ARCTIC, seed))
                .filter(o -> issue(o, ARCTIC).after() == IssueStatus.AGREEMENT).findFirst().orElseThrow();
        assertThat(agreed.after().side(Side.WASHINGTON).champion()).isTrue();
        assertThat(sum(agreed, "washington.domesticSupport", EffectCause.VISIBLE_SUCCESS)).isPositive();
        assertThat(effect(agreed, "moscow.champion", EffectCause.CHAMPION_MADE).findings()).containsExactly("F4");

        Outcome backlash = turn(future(), input(orders(Side.WASHINGTON, Move.NEGOTIATE, ARCTIC, IRAN, NEW_START),
                orders(Side.MOSCOW, Move.PRESS, CYBER, SANCTIONS)), 1);
        Effect loss = effect(backlash, "washington.domesticSupport", EffectCause.BACKLASH);
        assertThat(Double.parseDouble(loss.after())).isLessThan(Double.parseDouble(loss.before()));
        assertThat(loss.findings()).contains("F4", "CS3");
    }

    @Test
    void trendsAgainstTheWeakerSideRaiseItsReciprocationAndAHostileTriangleLowersIt() {
        Context c = futureContext();
        double base = agreementOdds(withContext(c), BOTH_NEGOTIATE_ARCTIC, ARCTIC);
        Context rising = new Context(c.chinaAlignment(), 90, c.powerRatio(), c.revisionism(), c.spoilerRisk());
        double trends = agreementOdds(withContext(rising), BOTH_NEGOTIATE_ARCTIC, ARCTIC);
        double undamped = agreementOdds(scenario(rising, sides(25, 55), 45, List.of(), rulebook(Map.of("trends.damping", 0.0))),
                BOTH_NEGOTIATE_ARCTIC, ARCTIC);
        double damped = agreementOdds(scenario(rising, sides(25, 55), 45, List.of(), rulebook(Map.of("trends.damping", 0.9))),
                BOTH_NEGOTIATE_ARCTIC, ARCTIC);
        double noTriangle = agreementOdds(withContext(new Context(0, c.trendsAgainstWeaker(), c.powerRatio(), c.revisionism(), c.spoilerRisk())),
                BOTH_NEGOTIATE_ARCTIC, ARCTIC);

        assertThat(trends).isGreaterThan(base);
        assertThat(undamped).as("F5 is damped when the stronger side imposes the costs").isGreaterThan(damped);
        assertThat(noTriangle).isGreaterThan(base);
        assertThat(effect(turn(future(), BOTH_NEGOTIATE_ARCTIC, 1), "moscow.strain", EffectCause.TRENDS).findings()).contains("F5");
    }

    @Test
    void spoilersImplementOutreachOnlyInPartAndFlareIssuesWithProxyIncidents() {
        Context c = futureContext();
        Scenario spoiled = withContext(new Context(c.chinaAlignment(), c.trendsAgainstWeaker(), c.powerRatio(), c.revisionism(), 100));
        Scenario clean = withContext(new Context(c.chinaAlignment(), c.trendsAgainstWeaker(), c.powerRatio(), c.revisionism(), 0));
        TurnInput drawdown = input(orders(Side.WASHINGTON, Move.DRAWDOWN, EUROPE), orders(Side.MOSCOW, Move.HOLD));

        List<Outcome> runs = LongStream.range(0, 40).mapToObj(seed -> turn(spoiled, drawdown, seed)).toList();
        Outcome partial = runs.stream().filter(o -> o.rolls().stream().anyMatch(r -> r.purpose().spoilers() && r.success()))
                .findFirst().orElseThrow();
        Outcome full = turn(clean, drawdown, 1);
        assertThat(sum(partial, "washington.burden", EffectCause.OWN_DRAWDOWN)).isGreaterThan(sum(full, "washington.burden", EffectCause.OWN_DRAWDOWN));
        assertThat(issue(partial, EUROPE).findings()).contains("M4");
        assertThat(full.rolls()).noneMatch(r -> r.purpose().spoilers() || (r.purpose() == RollKind.PROXY_INCIDENT || r.purpose() == RollKind.PROXY_INCIDENT_ISSUE));
        Outcome incident = runs.stream().filter(o -> o.rolls().stream().anyMatch(r -> r.purpose() == RollKind.PROXY_INCIDENT && r.success()))
                .findFirst().orElseThrow();
        assertThat(sum(incident, "tension", EffectCause.PROXY_INCIDENT)).isPositive();
    }

    @Nested
    class Credibility {

        @Test
        void keepingARedLineUnderPressureRaisesPerceivedResolve() {
            Orders redLine = new Orders(Side.WASHINGTON, Map.of(EUROPE, new Order(EUROPE, Move.HOLD, true, "")));
            Outcome kept = turn(future(), input(redLine, orders(Side.MOSCOW, Move.PRESS, EUROPE)), 1);

            assertThat(sum(kept, "moscow.perceivedResolve", EffectCause.RED_LINE_KEPT)).isPositive();
            assertThat(kept.after().issue(EUROPE).redLines()).containsExactly(Side.WASHINGTON);
            assertThat(effect(kept, "tension", EffectCause.RED_LINE_DECLARED).findings()).contains("M3");
        }

        @Test
        void breakingARedLineCostsMoreThanAPlainConcession() {
            Orders declare = new Orders(Side.WASHINGTON, Map.of(EUROPE, new Order(EUROPE, Move.HOLD, true, "")));
            GameState declared = turn(future(), input(declare, orders(Side.MOSCOW, Move.HOLD)), 1).after();
            GameState plain = turn(future(), input(orders(Side.WASHINGTON, Move.HOLD, EUROPE), orders(Side.MOSCOW, Move.HOLD)), 1).after();
            TurnInput concede = input(orders(Side.WASHINGTON, Move.CONCEDE, EUROPE), orders(Side.MOSCOW, Move.PRESS, EUROPE));

            Outcome broken = turn(future(), declared, concede, 2);
            Outcome conceded = turn(future(), plain, concede, 2);

            double brokenLoss = -sum(broken, "moscow.perceivedResolve", e -> EffectCause.of(e).orElseThrow() == EffectCause.RED_LINE_BROKEN_RESOLVE_DOUBTED
                    || EffectCause.of(e).orElseThrow() == EffectCause.EMBOLDENING);
            double plainLoss = -sum(conceded, "moscow.perceivedResolve", e -> EffectCause.of(e).orElseThrow() == EffectCause.EMBOLDENING);
            assertThat(brokenLoss).isGreaterThan(plainLoss);
            assertThat(effect(broken, "washington.domesticSupport", EffectCause.RED_LINE_BROKEN_AUDIENCE_COST).findings()).contains("M3");
            assertThat(broken.after().issue(EUROPE).redLines()).isEmpty();
        }

        @Test
        void costlyMovesMoveTrustMoreThanCheapTalk() {
            double costly = sum(turn(future(), input(orders(Side.WASHINGTON, Move.DRAWDOWN, EUROPE), orders(Side.MOSCOW, Move.HOLD)), 1),
                    "moscow.trust", EffectCause.READING_OF_MOVES);
            double cheap = sum(turn(future(), input(orders(Side.WASHINGTON, Move.NEGOTIATE, EUROPE), orders(Side.MOSCOW, Move.HOLD)), 1),
                    "moscow.trust", EffectCause.READING_OF_MOVES);

            assertThat(costly).isGreaterThan(cheap).isGreaterThan(0);
        }
    }

    @Test
    void misperceptionReadsSomeMovesAsHarsherAndTheOutcomeShowsBoth() {
        Scenario suspicious = withRules(Map.of("misperception.chance", 0.5));
        TurnInput outreach = input(everywhere(Side.WASHINGTON, Move.NEGOTIATE), everywhere(Side.MOSCOW, Move.NEGOTIATE));

        Outcome outcome = turn(suspicious, outreach, 3);

        assertThat(outcome.issues()).anySatisfy(i -> {
            assertThat(i.washingtonMove()).isEqualTo(Move.NEGOTIATE);
            assertThat(i.washingtonMoveAsReadByMoscow()).isEqualTo(Move.HOLD);
            assertThat(i.findings()).contains("M1");
        });
        assertThat(turn(withRules(Map.of("misperception.chance", 0.0)), outreach, 3).issues())
                .allSatisfy(i -> assertThat(i.washingtonMoveAsReadByMoscow()).isEqualTo(i.washingtonMove()));
        assertThat(ENGINE.narrate(suspicious, outcome).byIssue().values()).anyMatch(t -> t.contains("read as HOLD [M1]"));
    }

    @Test
    void escalationPastTheCrisisThresholdMakesCrisesAndForceInCrisisCanEndInConflict() {
        Scenario tense = withSides(sides(25, 55), 85);
        TurnInput force = input(orders(Side.WASHINGTON, Move.PRESS, EUROPE), orders(Side.MOSCOW, Move.FORCE, EUROPE));

        List<Outcome> runs = LongStream.range(0, 100).mapToObj(seed -> turn(tense, force, seed)).toList();

        assertThat(runs).allSatisfy(o -> assertThat(issue(o, EUROPE).after()).isIn(IssueStatus.CRISIS, IssueStatus.CONFLICT));
        long conflicts = runs.stream().filter(o -> o.after().conflict()).count();
        assertThat(conflicts).isBetween(20L, 95L);
        Outcome war = runs.stream().filter(o -> o.after().conflict()).findFirst().orElseThrow();
        assertThat(roll(war, RollKind.ESCALATION, EUROPE).findings()).containsExactly("B3");
        assertThat(war.after().tension()).isEqualTo(100);
        assertThat(ENGINE.options(tense, war.after(), Side.WASHINGTON)).noneMatch(MoveOption::allowed);
        long calmConflicts = LongStream.range(0, 100).mapToObj(seed -> turn(future(), force, seed)).filter(o -> o.after().conflict()).count();
        assertThat(calmConflicts).isLessThan(conflicts);
    }

    @Test
    void injectsChangeContextAndIssuesWithTheirFindings() {
        Inject leadership = new Inject("leader", "Leadership change in Moscow", "", new Inject.OnRelease(), List.of(
                new Inject.Change("moscow.champion", null, "false"), new Inject.Change("context.revisionism", 15.0, null),
                new Inject.Change("issue.ukraine.balance", -5.0, null)), Inject.Audience.ALL, List.of("CS4"));
        GameState champion = ENGINE.release(future(), ENGINE.initialState(future()), new Inject("c", "c", "", new Inject.OnRelease(),
                List.of(new Inject.Change("moscow.champion", null, "true")), Inject.Audience.ALL, List.of())).state();

        TurnStart start = ENGINE.release(future(), champion, leadership);

        assertThat(start.state().side(Side.MOSCOW).champion()).isFalse();
        assertThat(start.state().context().revisionism()).isEqualTo(80);
        assertThat(start.state().issue(UKRAINE).balance()).isEqualTo(45);
        assertThat(start.effects()).hasSize(3).allSatisfy(e -> assertThat(e.findings()).containsExactly("CS4"));
    }
}
