package org.hotline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.hotline.scenario.HistoricalTrack;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioFiles;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md section 7: each case's historical track, played by the engine over {@value #SEEDS} seeds,
 * reproduces the brief's account. The engine does not know which case it plays: these outcomes come
 * from the general mechanisms, the rulebook and each scenario's data. Every threshold below is a
 * share of runs, chosen with a margin under the rate observed (noted beside it) so that the test
 * fails if a change to the rules moves a case away from history, not on noise.
 */
class CalibrationTest {

    static final int SEEDS = 300;
    private static final Adjudicator ENGINE = Adjudicator.create();

    private static List<TrackReplay.Run> runs(String scenarioId) {
        Scenario scenario = ScenarioFiles.bundled(scenarioId);
        return LongStream.range(0, SEEDS).mapToObj(seed -> TrackReplay.play(scenario, seed)).toList();
    }

    private static double share(List<TrackReplay.Run> runs, Predicate<TrackReplay.Run> holds) {
        return (double) runs.stream().filter(holds).count() / runs.size();
    }

    private static boolean inForce(GameState state, String issueId) {
        return state.agreements().stream().anyMatch(a -> a.inForce() && a.issueId().equals(issueId));
    }

    private static boolean concluded(GameState state, String issueId, int fromTurn, int toTurn) {
        return state.agreements().stream().anyMatch(a -> a.issueId().equals(issueId)
                && a.concludedTurn() >= fromTurn && a.concludedTurn() <= toTurn);
    }

    private static double resolve(GameState state) {
        return state.side(Side.MOSCOW).perceivedResolve();
    }

    private static boolean resolveNearStart(TrackReplay.Run run) {
        return Math.abs(resolve(run.end()) - resolve(run.start())) <= 5;
    }

    private static long count(GameState state, String... issues) {
        return List.of(issues).stream().filter(i -> inForce(state, i)).count();
    }

    /** The same scenario and track with one inject taken out: the counterfactual for that inject. */
    private static Scenario without(Scenario s, String injectId) {
        HistoricalTrack track = s.track().orElseThrow();
        HistoricalTrack trackWithout = new HistoricalTrack(track.turns().stream().map(t -> new HistoricalTrack.TrackTurn(t.turn(),
                t.period(), t.events(), t.moves(), t.proposals(), t.injects() == null ? null
                        : t.injects().stream().filter(i -> !i.equals(injectId)).toList(), t.rationale())).toList(), track.source());
        return new Scenario(s.id(), s.title(), s.summary(), s.facilitatorBrief(), s.caseStudy(), s.turns(), s.turnLength(),
                s.issuesPerTurn(), s.sides(), s.tension(), s.context(), s.issues(),
                s.injects().stream().filter(i -> !i.id().equals(injectId)).toList(), s.allowedMoves(), Optional.of(trackWithout),
                s.rulebook(), s.source());
    }

    private static void report(String scenario, String claim, double observed) {
        System.out.printf("calibration %s: %s %.3f%n", scenario, claim, observed);
    }

    @Test
    void cs1TheConventionHoldsWithoutWarFearEasesBurdenStaysAndFrictionReturns() {
        List<TrackReplay.Run> runs = runs("cs1-anglo-russian");

        double conflict = share(runs, r -> r.end().conflict());
        double convention = share(runs, r -> List.of("persia", "afghanistan", "tibet").stream()
                .filter(i -> concluded(r.end(), i, 4, 5)).count() >= 2);
        double stays = share(runs, r -> count(r.end(), "persia", "afghanistan", "tibet") >= 2);
        double fearEases = share(runs, r -> r.end().side(Side.WASHINGTON).threatPerception()
                < r.afterTurn(3).side(Side.WASHINGTON).threatPerception());
        double burdenStays = share(runs, r -> r.end().side(Side.WASHINGTON).burden() >= r.start().side(Side.WASHINGTON).burden());
        double noEmboldening = share(runs, CalibrationTest::resolveNearStart);
        double friction = share(runs, r -> r.end().tension() > r.afterTurn(5).tension());
        report("CS1", "conflict", conflict);
        report("CS1", "two of Persia/Afghanistan/Tibet concluded at turns 4-5", convention);
        report("CS1", "two of them in force at the end", stays);
        report("CS1", "London's threat perception at the end below its level when talks opened (after turn 3)", fearEases);
        report("CS1", "London's burden does not fall", burdenStays);
        report("CS1", "perceived resolve within 5 of its start", noEmboldening);
        report("CS1", "tension at the end above its level after the Convention (turn 5)", friction);

        assertThat(conflict).as("no war: conflict in under 5% of runs").isLessThan(0.05);
        assertThat(convention).as("the Convention (two of its three settlements) concluded in over 80%").isGreaterThan(0.80);
        assertThat(stays).as("...and still in force at the end in over 70%").isGreaterThan(0.70);
        assertThat(fearEases).as("London's fear for India eases in over 75%").isGreaterThan(0.75);
        assertThat(burdenStays).as("London's burden does not fall in over 90%").isGreaterThan(0.90);
        assertThat(noEmboldening).as("no emboldening: resolve within 5 of its start in over 90%").isGreaterThan(0.90);
        assertThat(friction).as("late injects bring friction back in over 75%").isGreaterThan(0.75);
    }

    @Test
    void cs2EarlyDealsHoldButHardlineMovesElsewhereErodeTrustAndTensionEndsAboveItsStart() {
        List<TrackReplay.Run> runs = runs("cs2-postwar-order");

        double conflict = share(runs, r -> r.end().conflict());
        double earlyDeal = share(runs, r -> concluded(r.end(), "poland", 1, 1) || concluded(r.end(), "germany", 1, 1));
        double dealHolds = share(runs.stream().filter(r -> concluded(r.end(), "poland", 1, 1)).toList(), r -> inForce(r.end(), "poland"));
        double trustFalls = share(runs, r -> r.end().side(Side.MOSCOW).trust() < r.start().side(Side.MOSCOW).trust());
        double tensionUp = share(runs, r -> r.end().tension() > r.start().tension());
        double spheres = share(runs, r -> r.end().issue("poland").balance() < 50 && r.end().issue("balkans").balance() < 50);
        report("CS2", "conflict", conflict);
        report("CS2", "border-for-reparations: Poland or Germany settled at turn 1", earlyDeal);
        report("CS2", "the Polish settlement, once made, still in force at the end", dealHolds);
        report("CS2", "Moscow's trust ends below its start", trustFalls);
        report("CS2", "tension ends above its start", tensionUp);
        report("CS2", "spheres remain: Poland and the Balkans on Moscow's side of the status quo", spheres);

        assertThat(conflict).as("conflict in under 5%").isLessThan(0.05);
        assertThat(earlyDeal).as("an early partial deal in over 85%").isGreaterThan(0.85);
        assertThat(dealHolds).as("early deals hold in over 85% of the runs that made them").isGreaterThan(0.85);
        assertThat(trustFalls).as("outreach read as insincere: trust falls in over 65%").isGreaterThan(0.65);
        assertThat(tensionUp).as("tension ends above its start in over 60%").isGreaterThan(0.60);
        assertThat(spheres).as("the de facto spheres remain in over 90%").isGreaterThan(0.90);
    }

    @Test
    void cs3FrameworksAreConcludedTensionFallsAndDomesticBacklashConstrainsWashington() {
        Scenario cs3 = ScenarioFiles.bundled("cs3-detente");
        List<TrackReplay.Run> runs = runs("cs3-detente");

        double conflict = share(runs, r -> r.end().conflict());
        double arms = share(runs, r -> inForce(r.end(), "arms"));
        double trade = share(runs, r -> concluded(r.end(), "trade", 1, 6));
        double tradeLapsed = share(runs.stream().filter(r -> concluded(r.end(), "trade", 1, 6)).toList(), r -> !inForce(r.end(), "trade"));
        double allies = share(runs, r -> inForce(r.end(), "berlin") || inForce(r.end(), "european-security"));
        double tensionFalls = share(runs, r -> r.afterTurn(4).tension() < r.start().tension());
        double constrained = share(runs, r -> {
            GameState opening = ENGINE.openTurn(cs3, r.afterTurn(5), 0).state();
            return ENGINE.options(cs3, opening, Side.WASHINGTON).stream()
                    .anyMatch(o -> o.move() == Move.CONCEDE && !o.allowed() && o.findings().contains("F4"));
        });
        double noEmboldening = share(runs, CalibrationTest::resolveNearStart);
        report("CS3", "conflict", conflict);
        report("CS3", "arms limitation in force at the end", arms);
        report("CS3", "trade framework concluded", trade);
        report("CS3", "trade framework lapsed by the end, once concluded", tradeLapsed);
        report("CS3", "Berlin or Helsinki (allies' steps) in force at the end", allies);
        report("CS3", "tension after turn 4 below its start", tensionFalls);
        report("CS3", "Washington's concessions withheld by its domestic constraint at turn 6", constrained);
        report("CS3", "perceived resolve within 5 of its start", noEmboldening);

        assertThat(conflict).as("the October war crisis is managed: conflict in under 5%").isLessThan(0.05);
        assertThat(arms).as("arms limitation concluded and in force at the end in over 85%").isGreaterThan(0.85);
        assertThat(trade).as("a trade framework concluded in over 45%").isGreaterThan(0.45);
        assertThat(tradeLapsed).as("the trade agreement lapses (Moscow repudiates it) in over 95% of those").isGreaterThan(0.95);
        assertThat(allies).as("the allies' Berlin or Helsinki step in force in over 75%").isGreaterThan(0.75);
        assertThat(tensionFalls).as("tension falls over the first four turns in over 70%").isGreaterThan(0.70);
        assertThat(constrained).as("backlash constrains Washington's concessions at turn 6 in over 65%").isGreaterThan(0.65);
        assertThat(noEmboldening).as("no emboldening beyond baseline in over 90%").isGreaterThan(0.90);
    }

    @Test
    void cs4SharedAgreementsComeEarlyThenTensionDriftsBackAndNewStartSurvives() {
        Scenario cs4 = ScenarioFiles.bundled("cs4-reset");
        List<TrackReplay.Run> runs = runs("cs4-reset");
        Scenario noLeadershipChange = without(cs4, "putin-return");
        List<TrackReplay.Run> counterfactual = LongStream.range(0, SEEDS).mapToObj(seed -> TrackReplay.play(noLeadershipChange, seed)).toList();

        double conflict = share(runs, r -> r.end().conflict());
        double early = share(runs, r -> List.of("arms", "iran", "transit").stream().filter(i -> concluded(r.end(), i, 1, 4)).count() >= 2);
        double trustRises = share(runs, r -> r.afterTurn(4).side(Side.MOSCOW).trust() > r.start().side(Side.MOSCOW).trust());
        double driftsBack = share(runs, r -> r.end().tension() > r.afterTurn(4).tension());
        double armsSurvive = share(runs, r -> inForce(r.end(), "arms"));
        double noEmboldening = share(runs, CalibrationTest::resolveNearStart);
        double trustWith = runs.stream().mapToDouble(r -> r.afterTurn(8).side(Side.MOSCOW).trust()).average().orElseThrow();
        double trustWithout = counterfactual.stream().mapToDouble(r -> r.afterTurn(8).side(Side.MOSCOW).trust()).average().orElseThrow();
        report("CS4", "conflict", conflict);
        report("CS4", "two of arms/Iran/transit concluded by turn 4", early);
        report("CS4", "Moscow's trust after turn 4 above its start", trustRises);
        report("CS4", "tension at the end above its level after turn 4", driftsBack);
        report("CS4", "New START in force at the end", armsSurvive);
        report("CS4", "perceived resolve within 5 of its start", noEmboldening);
        report("CS4", "mean Moscow trust after turn 8 with the leadership change", trustWith);
        report("CS4", "mean Moscow trust after turn 8 without it", trustWithout);

        assertThat(conflict).as("conflict in under 5%").isLessThan(0.05);
        assertThat(early).as("shared-interest agreements come early in over 70%").isGreaterThan(0.70);
        assertThat(trustRises).as("trust rises over the first four turns in over 85%").isGreaterThan(0.85);
        assertThat(driftsBack).as("with core issues left aside, tension drifts back up in over 85%").isGreaterThan(0.85);
        assertThat(armsSurvive).as("New START still in force at the end in over 80%").isGreaterThan(0.80);
        assertThat(noEmboldening).as("no emboldening in over 90%").isGreaterThan(0.90);
        assertThat(trustWith).as("the leadership change speeds the decline").isLessThan(trustWithout - 5);
    }
}
