package org.hotline.analysis;

import java.util.List;
import java.util.Map;

/**
 * One Washington strategy against one Moscow strategy: every metric of {@link Metric}, and the
 * distributions of end tension and stability as counts in bins of width {@link #BIN_WIDTH} from 0.
 */
public record PairResult(String washington, String moscow, int runs, Map<Metric, Estimate> metrics,
        List<Integer> tensionHistogram, List<Integer> stabilityHistogram) {

    public static final int BINS = 20;
    public static final double BIN_WIDTH = 5;

    public Estimate get(Metric metric) {
        return metrics.get(metric);
    }
}
