package org.hotline.analysis;

import java.util.List;
import java.util.Map;

/**
 * What to compare: every Washington strategy against every Moscow strategy on one scenario, over
 * {@code runs} seeds derived from {@code seed}.
 *
 * @param rulebook rulebook entries to change (key to value, e.g. emboldening.sensitivity for R6)
 * @param context  context variables to change (chinaAlignment, trendsAgainstWeaker, powerRatio,
 *                 revisionism, spoilerRisk)
 */
public record AnalysisRequest(String scenarioId, List<String> washington, List<String> moscow, int runs, long seed,
        Map<String, Double> rulebook, Map<String, Double> context) {

    public static final int MAX_RUNS = 1_000_000;
    public static final int MAX_STRATEGIES_PER_SIDE = 8;

    public AnalysisRequest {
        washington = washington == null ? List.of() : List.copyOf(washington);
        moscow = moscow == null ? List.of() : List.copyOf(moscow);
        rulebook = rulebook == null ? Map.of() : Map.copyOf(rulebook);
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    public long totalRuns() {
        return (long) washington.size() * moscow.size() * runs;
    }
}
