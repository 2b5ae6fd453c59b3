package org.hotline.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.analysis.Metric;
import org.hotline.analysis.PairResult;
import org.junit.jupiter.api.Test;

/** The what-if's sentence gives its figures as the page's table does: to one decimal. */
class WhatIfTest {

    private static PairResult runs(double... endTensions) {
        Tally tally = new Tally();
        for (int i = 0; i < endTensions.length; i++) {
            double[] run = new double[Metric.values().length];
            run[Metric.END_TENSION.ordinal()] = endTensions[i];
            run[Metric.CONFLICT_RATE.ordinal()] = i == 0 ? 1 : 0;
            tally.add(run);
        }
        return tally.result("core-first", "tit-for-tat");
    }

    @Test
    void theSentenceGivesTensionAndItsIntervalToOneDecimal() {
        PairResult result = runs(41.0, 41.5, 42.2);
        var e = result.get(Metric.END_TENSION);
        String sentence = WhatIf.summary(false, 38.44, false, result, 2);
        assertThat(sentence).isEqualTo(String.format(java.util.Locale.ROOT,
                "Your path stands at tension 38.4; core-first against tit-for-tat from turn 2 ends at 41.6 [%.1f, %.1f] over 3 runs (conflict in 33.3%%).",
                e.low(), e.high()));
    }

    @Test
    void anEndedPathInConflictFromTheStartSaysSo() {
        assertThat(WhatIf.summary(true, 92.06, true, runs(60, 80), 0))
                .startsWith("Your path ended at tension 92.1 in conflict; core-first against tit-for-tat from the start ends at 70.0 [")
                .endsWith("over 2 runs (conflict in 50.0%).");
    }
}
