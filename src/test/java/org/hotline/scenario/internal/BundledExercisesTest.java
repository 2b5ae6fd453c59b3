package org.hotline.scenario.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioCatalog;
import org.hotline.scenario.ScenarioFiles;
import org.hotline.scenario.Side;
import org.junit.jupiter.api.Test;

class BundledExercisesTest {

    private static final String[] SCENARIOS = {
        "cs1-anglo-russian", "cs2-postwar-order", "cs3-detente", "cs4-reset", "future-after-ukraine"};

    @Test
    void everyBundledFileLoadsWithZeroProblemsAndTheFutureIsTheDefault() {
        ScenarioCatalog catalog = ScenarioFiles.loadBundled();

        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.scenarios()).extracting(Scenario::id).containsExactly(SCENARIOS);
        assertThat(catalog.defaultScenario().id()).isEqualTo("future-after-ukraine");
        assertThat(catalog.findings()).hasSize(4 + 2 + 6 + 6 + 6 + 4);
    }

    @Test
    void theCaseStudiesCarryATrackForEveryTurnAndTheirOwnLabels() {
        ScenarioCatalog catalog = ScenarioFiles.loadBundled();

        for (Scenario scenario : catalog.scenarios()) {
            assertThat(scenario.track().isPresent()).as(scenario.id()).isEqualTo(scenario.caseStudy().isPresent());
            scenario.track().ifPresent(track -> assertThat(track.turns()).hasSize(scenario.turns()));
        }
        Scenario cs1 = ScenarioFiles.bundled("cs1-anglo-russian");
        assertThat(cs1.label(Side.WASHINGTON)).isEqualTo("London");
        assertThat(cs1.label(Side.MOSCOW)).isEqualTo("St Petersburg");
        assertThat(catalog.scenarios()).extracting(Scenario::turns).containsExactly(8, 6, 7, 10, 10);
    }
}
