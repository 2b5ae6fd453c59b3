package org.hotline.scenario.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotline.scenario.Brief;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioFiles;
import org.hotline.scenario.ScenarioProblem;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;

/** Side briefs a player can act on (issue 8, point 10): structured, complete, figures from the scenario. */
class BriefsTest {

    private static final List<String> BUNDLED = List.of("future-after-ukraine", "cs1-anglo-russian", "cs2-postwar-order",
            "cs3-detente", "cs4-reset");

    private static ScenarioLibrary bundled() {
        return ExerciseLoader.load(Fixtures.file("exercises/rulebook.yaml"), Fixtures.file("exercises/findings.yaml"),
                BUNDLED.stream().map(id -> Fixtures.file("exercises/" + id + ".yaml")).toList(), ScenarioFiles.DEFAULT_SCENARIO);
    }

    @Test
    void everyBundledBriefHasEverySection() {
        ScenarioLibrary library = bundled();
        assertThat(library.problems()).isEmpty();
        for (String id : BUNDLED) {
            Scenario scenario = library.find(id).orElseThrow();
            for (Side side : Side.values()) {
                Brief brief = scenario.sides().get(side).briefing();
                assertThat(brief.summary()).as(id + " " + side).isNotBlank().isEqualTo(scenario.sides().get(side).brief());
                assertThat(brief.priorities()).as(id + " " + side + " priorities").isNotEmpty();
                assertThat(brief.redLines()).as(id + " " + side + " red lines").isNotEmpty();
                assertThat(brief.bargainingChips()).as(id + " " + side + " bargaining chips").isNotEmpty();
                assertThat(brief.linkages()).as(id + " " + side + " linkages").isNotEmpty();
                assertThat(brief.constraints()).as(id + " " + side + " constraints").isNotEmpty();
                assertThat(brief.toString()).as(id + " " + side).doesNotContain("{");
            }
        }
    }

    @Test
    void theFutureBriefsCoverEveryIssueAndQuoteTheFiguresThePlayerWillSee() {
        Scenario future = bundled().find("future-after-ukraine").orElseThrow();
        List<String> issues = future.issues().stream().map(i -> i.id()).toList();
        assertThat(issues).contains("arctic", "cyber");
        for (Side side : Side.values()) {
            Brief brief = future.sides().get(side).briefing();
            assertThat(brief.issuesCovered()).as(side.name()).containsAll(issues);
            String support = BriefReader.figure(future.sides().get(side).domesticSupport());
            String threshold = BriefReader.figure(future.rulebook().value("constraint.threshold"));
            assertThat(brief.constraints()).as(side.name())
                    .anySatisfy(point -> assertThat(point.text()).contains("starts at " + support).contains("Below " + threshold + ",")
                            .contains("CONCEDE, DRAWDOWN and ACQUIESCE"));
        }
    }

    @Test
    void aPlainTextBriefIsASummaryOnly() {
        Scenario valid = Fixtures.load(Fixtures.file("fixtures/scenarios/valid.yaml")).find("valid").orElseThrow();
        assertThat(valid.sides().get(Side.MOSCOW).briefing()).isEqualTo(Brief.summaryOnly("The weaker side."));
    }

    @Test
    void unknownPlaceholdersIssuesAndFieldsAreRefusedWithLineAndField() {
        String valid = text("fixtures/scenarios/valid.yaml");
        String broken = valid.replace("    brief: The weaker side.\n", """
                    brief:
                      summary: Support starts at {start.domesticSuport}.
                      priorities:
                        - issues: [alpha, gamma]
                          text: Alpha first.
                      redLine: [No.]
                """);
        List<ScenarioProblem> problems = Fixtures.load(Fixtures.text("broken.yaml", broken)).problems();
        assertThat(problems).extracting(ScenarioProblem::field, ScenarioProblem::message).contains(
                org.assertj.core.groups.Tuple.tuple("sides.moscow.brief.summary",
                        "unknown placeholder {start.domesticSuport}; use {start.<field>}, {rule.<rulebook key>}, {context.<field>} or {tension}"),
                org.assertj.core.groups.Tuple.tuple("sides.moscow.brief.priorities[0].issues[1]",
                        "unknown issue 'gamma'; this scenario's issues are alpha, beta"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("sides.moscow.brief.redLine");
            assertThat(p.message()).startsWith("unknown field 'redLine'");
            assertThat(p.line()).isPositive();
            assertThat(p.file()).isEqualTo("broken.yaml");
        });
    }

    @Test
    void placeholdersAreFilledFromTheEffectiveRulebookAndTheSidesStart() {
        String valid = text("fixtures/scenarios/valid.yaml");
        String structured = valid.replace("    brief: The weaker side.\n", """
                    brief:
                      summary: Weaker.
                      constraints:
                        - text: Support {start.domesticSupport}, misreadings {rule.misperception.chance}, tension {tension}.
                """);
        Scenario scenario = Fixtures.load(Fixtures.text("structured.yaml", structured)).find("valid").orElseThrow();
        assertThat(scenario.sides().get(Side.MOSCOW).briefing().constraints()).extracting(Brief.Point::text)
                .containsExactly("Support 50, misreadings 0.10, tension 50.");
    }

    private static String text(String resource) {
        return Fixtures.file(resource).text().get();
    }
}
