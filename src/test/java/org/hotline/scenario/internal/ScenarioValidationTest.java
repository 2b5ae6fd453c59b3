package org.hotline.scenario.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.scenario.Inject;
import org.hotline.scenario.IssueStatus;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioProblem;
import org.hotline.scenario.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each broken fixture is fixtures/scenarios/valid.yaml with one defect: refused whole, with file, line and field. */
class ScenarioValidationTest {

    private static final String DIR = "fixtures/scenarios/";

    @Test
    void theValidFixtureLoadsCompletely() {
        ScenarioLibrary library = Fixtures.load(Fixtures.file(DIR + "valid.yaml"));

        assertThat(library.problems()).isEmpty();
        Scenario scenario = library.find("valid").orElseThrow();
        assertThat(scenario.label(Side.MOSCOW)).isEqualTo("Red");
        assertThat(scenario.issue("alpha").orElseThrow().coreFor(Side.MOSCOW)).isTrue();
        assertThat(scenario.issue("beta").orElseThrow().status()).isEqualTo(IssueStatus.CONTESTED);
        assertThat(scenario.inject("shock").orElseThrow().trigger()).isEqualTo(new Inject.AtTurn(2));
        assertThat(scenario.inject("watch").orElseThrow().trigger())
                .isEqualTo(new Inject.When("tension", Inject.Comparison.ABOVE, 80));
        assertThat(scenario.inject("held").orElseThrow().trigger()).isEqualTo(new Inject.OnRelease());
        assertThat(scenario.inject("shock").orElseThrow().changes()).containsExactly(
                new Inject.Change("issue.alpha.status", null, "CRISIS"), new Inject.Change("tension", 5.0, null));
        assertThat(scenario.track().orElseThrow().turns().get(0).moves(Side.MOSCOW))
                .containsEntry("alpha", Move.PRESS).containsEntry("beta", Move.NEGOTIATE);
        assertThat(scenario.rulebook().value("misperception.chance")).isEqualTo(0.1);
        assertThat(scenario.rulebook().value("emboldening.sensitivity")).isEqualTo(0.1);
        assertThat(scenario.allowedMoves()).containsExactlyInAnyOrder(Move.PRESS, Move.NEGOTIATE, Move.HOLD);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-move                | 75 | track.turns[0].moves.moscow.alpha        | unknown move 'PERSUADE'
            empty-move                  | 85 | track.turns[1].moves.moscow.alpha        | expected a move (one of BUILDUP, FORCE, PRESS, NEGOTIATE, CONCEDE, ALLY_OUTREACH, DRAWDOWN, ACQUIESCE, HOLD), found no value
            move-not-allowed            | 85 | track.turns[1].moves.moscow.alpha        | not in this scenario's allowedMoves
            missing-field               | 2  | title                                    | missing required field 'title'
            out-of-range                | 25 | tension                                  | out of range: 140 is not within 0..100
            salience-out-of-range       | 37 | issues[0].salience.moscow                | out of range: 1.9 is not within 0..1
            wrong-type                  | 6  | turns                                    | expected a whole number, found text 'two'
            unknown-field               | 25 | tenson                                   | unknown field 'tenson'
            undefined-issue-in-inject   | 51 | injects[0].changes[0].variable           | issue 'gamma' is not defined
            undefined-issue-in-track    | 74 | track.turns[0].moves.washington.gamma    | issue 'gamma' is not defined
            undefined-issue-in-proposal | 79 | track.turns[0].proposals[0].requested.gamma | issue 'gamma' is not defined
            undefined-issue-in-trigger  | 57 | injects[1].trigger.when                  | issue 'gamma' is not defined
            unknown-inject-in-track     | 86 | track.turns[1].injects[0]                | unknown inject 'aftershock'
            unknown-variable            | 52 | injects[0].changes[1].variable           | unknown variable 'tension.level'
            unknown-override            | 89 | rulebook.misperception.odds              | unknown rulebook key 'misperception.odds'
            override-out-of-range       | 89 | rulebook.misperception.chance            | out of range: 0.9 is not within 0..0.5
            duplicate-issue             | 38 | issues[1]                                | duplicate issue id 'alpha'
            duplicate-inject            | 54 | injects[1]                               | duplicate inject id 'shock'
            duplicate-key               | 26 | tension                                  | the key is given twice
            unknown-finding             | 53 | injects[0].findings[0]                   | unknown finding id 'Z9'
            initial-conflict            | 43 | issues[1].status                         | an issue cannot start in CONFLICT
            unknown-status              | 51 | injects[0].changes[0].set                | unknown issue status 'PANIC'
            trigger-after-last-turn     | 49 | injects[0].trigger.turn                  | out of range: 3 is not within 1..2
            bad-yaml                    | 45 | (yaml)                                   | not valid YAML
            duplicate-track-turn        | 81 | track.turns[1]                           | duplicate track turn 1
            """)
    void aBrokenFileIsRefusedWithItsLineAndField(String fixture, int line, String field, String message) {
        String file = DIR + fixture + ".yaml";

        ScenarioLibrary library = Fixtures.load(Fixtures.file(DIR + "valid.yaml"), Fixtures.file(file));

        assertThat(library.find(fixture)).as("never half-loaded").isEmpty();
        assertThat(library.find("valid")).as("the other files still load").isPresent();
        assertThat(library.problems()).as(library.problems().toString())
                .anySatisfy(problem -> {
                    assertThat(problem.file()).isEqualTo(file);
                    assertThat(problem.line()).isEqualTo(line);
                    assertThat(problem.field()).isEqualTo(field);
                    assertThat(problem.message()).contains(message);
                })
                .allSatisfy(problem -> assertThat(problem.toString()).doesNotContain("Exception", "\tat "));
    }

    @Test
    void aSecondFileWithTheSameScenarioIdIsRefused() {
        ScenarioLibrary library = Fixtures.load(Fixtures.file(DIR + "valid.yaml"),
                Fixtures.text("copy.yaml", textOf(DIR + "valid.yaml")));

        assertThat(library.scenarios()).extracting(Scenario::source).containsExactly(DIR + "valid.yaml");
        assertThat(library.problems()).containsExactly(new ScenarioProblem("copy.yaml", 2, "id",
                "duplicate scenario id 'valid', already used by " + DIR + "valid.yaml"));
    }

    @Test
    void anEmptyFileOrOneThatIsNotAMappingIsRefused() {
        ScenarioLibrary library = Fixtures.load(Fixtures.text("empty.yaml", ""), Fixtures.text("list.yaml", "- a\n- b\n"));

        assertThat(library.scenarios()).isEmpty();
        assertThat(library.problems()).extracting(ScenarioProblem::toString).containsExactly(
                "empty.yaml:1: (file): the file is empty",
                "list.yaml:1: (file): expected a mapping of fields, found a list");
    }

    private static String textOf(String resource) {
        return Fixtures.file(resource).text().get();
    }
}
