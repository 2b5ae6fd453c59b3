package org.hotline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.bots.Strategies;
import org.hotline.scenario.ScenarioFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options analysis: reproducible at any thread count, provenance recorded, changes applied, bad input refused. */
class OptionsAnalysisTest {

    private static final AnalysisRequest REQUEST = new AnalysisRequest("future-after-ukraine", List.of("core-first", "limited", "grit"),
            List.of("tit-for-tat", "always-hardline"), 600, 7, Map.of(), Map.of());

    private static OptionsAnalysis prepare(AnalysisRequest request) {
        return OptionsAnalysis.prepare(request, ScenarioFiles.loadBundled(), Strategies.bundled());
    }

    @Test
    void theSameSeedGivesIdenticalResultsOnOneAndFourThreads() {
        AnalysisResult one = prepare(REQUEST).run(1, done -> { }, () -> false);
        AnalysisResult four = prepare(REQUEST).run(4, done -> { }, () -> false);
        assertThat(four).isEqualTo(one);
        assertThat(one.pairs()).hasSize(6);
        AnalysisResult otherSeed = prepare(new AnalysisRequest(REQUEST.scenarioId(), REQUEST.washington(), REQUEST.moscow(), 600, 8,
                Map.of(), Map.of())).run(2, done -> { }, () -> false);
        assertThat(otherSeed).as("a different seed draws different dice").isNotEqualTo(one);
    }

    @Test
    void everyPairReportsEveryMetricWithItsIntervalAndDistribution() {
        AnalysisResult result = prepare(REQUEST).run(2, done -> { }, () -> false);
        PairResult pair = result.pair("core-first", "tit-for-tat").orElseThrow();
        assertThat(pair.runs()).isEqualTo(600);
        assertThat(pair.metrics()).containsOnlyKeys(Metric.values());
        Estimate tension = pair.get(Metric.END_TENSION);
        assertThat(tension.n()).isEqualTo(600);
        assertThat(tension.low()).isLessThan(tension.mean());
        assertThat(tension.high()).isGreaterThan(tension.mean());
        assertThat(pair.tensionHistogram().stream().mapToInt(Integer::intValue).sum()).isEqualTo(600);
        Estimate conflict = pair.get(Metric.CONFLICT_RATE);
        assertThat(conflict.low()).isBetween(0.0, conflict.mean());
        assertThat(conflict.high()).isBetween(conflict.mean(), 1.0);
        Provenance p = result.provenance();
        assertThat(p.scenarioHash()).hasSize(64);
        assertThat(p.rulebookHash()).hasSize(64);
        assertThat(p.strategiesHash()).isEqualTo(Strategies.bundled().contentHash());
        assertThat(p.strategies()).extracting(s -> s.id()).containsExactly("core-first", "limited", "grit", "tit-for-tat", "always-hardline");
        assertThat(p.strategies().get(2).parameters()).containsEntry("patience", "3");
        assertThat(p.seed()).isEqualTo(7);
        assertThat(p.hotlineVersion()).startsWith("Hotline");
    }

    @Test
    void rulebookAndContextChangesMoveTheResultAndTheRulebookHash() {
        AnalysisRequest base = new AnalysisRequest("future-after-ukraine", List.of("limited"), List.of("tit-for-tat"), 300, 3, Map.of(), Map.of());
        AnalysisRequest detached = new AnalysisRequest("future-after-ukraine", List.of("limited"), List.of("tit-for-tat"), 300, 3,
                Map.of("emboldening.sensitivity", 10.0), Map.of("chinaAlignment", 10.0));
        AnalysisResult a = prepare(base).run(1, done -> { }, () -> false);
        AnalysisResult b = prepare(detached).run(1, done -> { }, () -> false);
        assertThat(b.provenance().rulebookHash()).isNotEqualTo(a.provenance().rulebookHash());
        assertThat(b.provenance().scenarioHash()).isEqualTo(a.provenance().scenarioHash());
        assertThat(b.provenance().contextChanges()).containsEntry("chinaAlignment", 10.0);
        assertThat(b.pairs().get(0).get(Metric.OTHER_AGREEMENTS).mean()).as("F6: a detached Moscow agrees more")
                .isGreaterThan(a.pairs().get(0).get(Metric.OTHER_AGREEMENTS).mean());
    }

    @Test
    void badRequestsAreRefusedInPlainWords() {
        assertThatThrownBy(() -> prepare(new AnalysisRequest("nowhere", List.of("grit"), List.of("grit"), 10, 1, Map.of(), Map.of())))
                .hasMessageContaining("Unknown scenario 'nowhere'");
        assertThatThrownBy(() -> prepare(new AnalysisRequest("future-after-ukraine", List.of("grit"), List.of(), 10, 1, Map.of(), Map.of())))
                .hasMessageContaining("Moscow needs 1 to 8 strategies");
        assertThatThrownBy(() -> prepare(new AnalysisRequest("future-after-ukraine", List.of("grit"), List.of("grit"), 0, 1, Map.of(), Map.of())))
                .hasMessageContaining("Runs per pair must be between 1");
        assertThatThrownBy(() -> prepare(new AnalysisRequest("future-after-ukraine", List.of("grit"), List.of("grit"), 10, 1,
                Map.of("emboldening.sensitivity", -5.0), Map.of()))).hasMessageContaining("must be between");
        assertThatThrownBy(() -> prepare(new AnalysisRequest("future-after-ukraine", List.of("grit"), List.of("grit"), 10, 1,
                Map.of(), Map.of("oilPrice", 5.0)))).hasMessageContaining("no variable 'oilPrice'");
        assertThatThrownBy(() -> prepare(new AnalysisRequest("future-after-ukraine", List.of("historical"), List.of("grit"), 10, 1,
                Map.of(), Map.of()))).hasMessageContaining("has no historical track");
    }

    @Test
    void progressIsReportedAndACancelledRunStops() {
        AtomicLong seen = new AtomicLong();
        prepare(REQUEST).run(2, seen::set, () -> false);
        assertThat(seen.get()).isEqualTo(REQUEST.totalRuns());
        AtomicLong progress = new AtomicLong();
        assertThatThrownBy(() -> prepare(REQUEST).run(2, progress::set, () -> progress.get() >= 500))
                .isInstanceOf(CancellationException.class);
        assertThat(progress.get()).isLessThan(REQUEST.totalRuns());
    }

    @Test
    void theCommandLinePrintsTheTableAndWritesCsvAndRefusesBadArguments(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path csv = dir.resolve("result.csv");
        int code = AnalyzeCommand.run(new String[] {"--scenario", "future-after-ukraine", "--washington", "core-first,limited",
                "--moscow", "tit-for-tat", "--runs", "200", "--seed", "7", "--threads", "2", "--csv", csv.toString(),
                "--set", "emboldening.sensitivity=8"}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("Washington core-first vs Moscow tit-for-tat", "Pairwise: end tension", "emboldening.sensitivity=8.0",
                "scenario sha256");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(1 + 2 * Metric.values().length);
        assertThat(rows.get(1)).startsWith("future-after-ukraine,core-first,tit-for-tat,end_tension,200,");

        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        assertThat(AnalyzeCommand.run(new String[] {"--scenario", "future-after-ukraine", "--washington", "grit", "--moscow", "grit",
                "--runs", "lots", "--seed", "1"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(bad, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(bad.toString(StandardCharsets.UTF_8)).contains("--runs needs a whole number, not 'lots'").contains("usage:");
    }

    /** R6 in the comparison: the exploiting Moscow takes what GRIT concedes, and has nothing to take from talks alone. */
    @Test
    void theExploitingMoscowPressesGritsConcessionsAndPlaysAsTitForTatAgainstTalksAlone() {
        AnalysisResult result = prepare(new AnalysisRequest("future-after-ukraine", List.of("grit", "always-less-hardline"),
                List.of("tit-for-tat", "exploit-concessions"), 200, 7, Map.of(), Map.of())).run(1, done -> { }, () -> false);
        PairResult tft = result.pair("grit", "tit-for-tat").orElseThrow();
        PairResult exploited = result.pair("grit", "exploit-concessions").orElseThrow();
        assertThat(exploited.get(Metric.MOSCOW_COOPERATION).high()).isLessThan(tft.get(Metric.MOSCOW_COOPERATION).low());
        assertThat(exploited.get(Metric.MOSCOW_INTERESTS).low()).as("K1: the concessions taken").isGreaterThan(tft.get(Metric.MOSCOW_INTERESTS).high());
        assertThat(exploited.get(Metric.END_TENSION).low()).isGreaterThan(tft.get(Metric.END_TENSION).high());
        assertThat(result.pair("always-less-hardline", "exploit-concessions").orElseThrow().metrics())
                .isEqualTo(result.pair("always-less-hardline", "tit-for-tat").orElseThrow().metrics());
    }
}
