package org.hotline.scenario.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotline.scenario.ScenarioFiles;
import org.hotline.scenario.ScenarioProblem;
import org.junit.jupiter.api.Test;

class RulebookAndFindingsTest {

    private static final ExerciseLoader.SourceFile FINDINGS = Fixtures.file("exercises/findings.yaml");
    private static final ExerciseLoader.SourceFile VALID = Fixtures.file("fixtures/scenarios/valid.yaml");

    private static ScenarioLibrary load(ExerciseLoader.SourceFile rulebook, ExerciseLoader.SourceFile findings) {
        return ExerciseLoader.load(rulebook, findings, List.of(VALID), ScenarioFiles.DEFAULT_SCENARIO);
    }

    @Test
    void theFindingCatalogueLoadsEveryIdWithItsKindAndCitation() {
        var findings = load(Fixtures.file("fixtures/rulebook.yaml"), FINDINGS).findings();

        assertThat(findings.keySet()).containsExactlyInAnyOrder("B1", "B2", "B3", "B4", "K1", "K2",
                "M1", "M2", "M3", "M4", "M5", "M6", "F1", "F2", "F3", "F4", "F5", "F6",
                "R1", "R2", "R3", "R4", "R5", "R6", "CS1", "CS2", "CS3", "CS4");
        assertThat(findings.get("M4").kind()).isEqualTo("benefit-circumstance");
        assertThat(findings.get("CS2").kind()).isEqualTo("case");
        assertThat(findings.values()).allSatisfy(f -> assertThat(f.citation()).startsWith("brief, section \""));
    }

    @Test
    void aRulebookValueOutsideItsOwnRangeRefusesTheRulebookAndSoEveryScenario() {
        var rulebook = Fixtures.text("rulebook.yaml", """
                version: t
                entries:
                  crisis.threshold:
                    value: 120
                    min: 50
                    max: 100
                    description: Tension above which issues go to crisis.
                    findings: [B3]
                """);

        ScenarioLibrary library = load(rulebook, FINDINGS);

        assertThat(library.scenarios()).isEmpty();
        assertThat(library.problems()).containsExactly(
                new ScenarioProblem("rulebook.yaml", 4, "entries.crisis.threshold.value", "out of range: 120 is not within 50..100"),
                new ScenarioProblem(VALID.name(), 0, "(file)", "not loaded: rulebook.yaml did not load (see its problems)"));
    }

    @Test
    void aRulebookEntryMustNameKnownFindingsAndHaveEveryField() {
        var rulebook = Fixtures.text("rulebook.yaml", """
                version: t
                entries:
                  crisis.threshold:
                    value: 80
                    min: 50
                    max: 100
                    findings: [B3, Q7]
                """);

        assertThat(load(rulebook, FINDINGS).problems()).extracting(ScenarioProblem::toString).contains(
                "rulebook.yaml:3: entries.crisis.threshold.description: missing required field 'description'",
                "rulebook.yaml:7: entries.crisis.threshold.findings[1]: unknown finding id 'Q7'; the catalogue (findings.yaml) has "
                        + "B1, B2, B3, B4, CS1, CS2, CS3, CS4, F1, F2, F3, F4, F5, F6, K1, K2, M1, M2, M3, M4, M5, M6, "
                        + "R1, R2, R3, R4, R5, R6");
    }

    @Test
    void aBrokenFindingCatalogueIsRefusedWhole() {
        var findings = Fixtures.text("findings.yaml", """
                findings:
                  - id: B1
                    kind: benefit
                    title: Concessions
                    text: Something.
                    citation: brief
                  - id: B1
                    kind: benefit
                    title: Again
                    text: Something.
                    citation: brief
                  - id: X
                    kind: rumour
                    title: Bad
                    text: Bad.
                    citation: none
                """);

        ScenarioLibrary library = load(Fixtures.file("fixtures/rulebook.yaml"), findings);

        assertThat(library.findings()).isEmpty();
        assertThat(library.scenarios()).isEmpty();
        assertThat(library.problems()).extracting(ScenarioProblem::toString).contains(
                "findings.yaml:7: findings[1]: duplicate finding id 'B1'",
                "findings.yaml:12: findings[2].id: 'X' is not a finding id such as B1, M6 or CS4",
                "findings.yaml:13: findings[2].kind: unknown finding kind 'rumour'; expected one of BENEFIT, COST, "
                        + "BENEFIT_CIRCUMSTANCE, COST_CIRCUMSTANCE, FINDING, RECOMMENDATION, CASE");
    }

    @Test
    void aMissingRulebookIsReportedAndScenariosWithoutOverridesStillLoad() {
        String withoutOverrides = VALID.text().get().replaceAll("(?s)\nrulebook:.*", "\n").replace("id: valid", "id: plain");
        ScenarioLibrary library = ExerciseLoader.load(null, FINDINGS,
                List.of(Fixtures.text("plain.yaml", withoutOverrides), VALID), ScenarioFiles.DEFAULT_SCENARIO);

        assertThat(library.find("plain")).isPresent();
        assertThat(library.find("valid")).isEmpty();
        assertThat(library.problems()).extracting(ScenarioProblem::toString).containsExactly(
                "exercises/rulebook.yaml: (file): the file is missing: scenarios load without a rulebook and their overrides are refused",
                "fixtures/scenarios/valid.yaml:89: rulebook.misperception.chance: unknown rulebook key 'misperception.chance'; "
                        + "see exercises/rulebook.yaml for the keys");
    }
}
