package org.hotline.analysis.internal;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hotline.analysis.Estimate;
import org.hotline.analysis.Metric;
import org.hotline.analysis.PairResult;

/**
 * Sums over a block of runs. Blocks are fixed by seed, never by thread, and are merged in seed order,
 * so the floating-point sums (and every figure) are the same at any thread count.
 */
public final class Tally {

    private static final int METRICS = Metric.values().length;
    private static final double Z95 = 1.959963984540054;

    private final double[] sum = new double[METRICS];
    private final double[] squares = new double[METRICS];
    private final int[] count = new int[METRICS];
    private final int[] tension = new int[PairResult.BINS];
    private final int[] stability = new int[PairResult.BINS];
    private int runs;

    public void add(double[] run) {
        runs++;
        for (int i = 0; i < METRICS; i++) {
            double v = run[i];
            if (!Double.isNaN(v)) {
                sum[i] += v;
                squares[i] += v * v;
                count[i]++;
            }
        }
        tension[bin(run[Metric.END_TENSION.ordinal()])]++;
        stability[bin(run[Metric.STABILITY.ordinal()])]++;
    }

    public void merge(Tally block) {
        runs += block.runs;
        for (int i = 0; i < METRICS; i++) {
            sum[i] += block.sum[i];
            squares[i] += block.squares[i];
            count[i] += block.count[i];
        }
        for (int b = 0; b < PairResult.BINS; b++) {
            tension[b] += block.tension[b];
            stability[b] += block.stability[b];
        }
    }

    public int runs() {
        return runs;
    }

    public PairResult result(String washington, String moscow) {
        Map<Metric, Estimate> metrics = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            metrics.put(metric, estimate(metric));
        }
        return new PairResult(washington, moscow, runs, metrics, list(tension), list(stability));
    }

    private Estimate estimate(Metric metric) {
        int i = metric.ordinal();
        int n = count[i];
        if (n == 0) {
            return Estimate.NONE;
        }
        double mean = sum[i] / n;
        if (metric.kind() == Metric.Kind.RATE) {
            // Wilson's interval: right at rates near 0 and 1, where the normal one is not
            double z2 = Z95 * Z95;
            double centre = (mean + z2 / (2 * n)) / (1 + z2 / n);
            double half = Z95 * Math.sqrt(mean * (1 - mean) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
            return new Estimate(n, mean, mean == 0 ? 0 : Math.max(0, centre - half), mean == 1 ? 1 : Math.min(1, centre + half));
        }
        double variance = n > 1 ? Math.max(0, (squares[i] - n * mean * mean) / (n - 1)) : 0;
        double half = Z95 * Math.sqrt(variance / n);
        return new Estimate(n, mean, mean - half, mean + half);
    }

    private static int bin(double value) {
        int b = (int) Math.floor(value / PairResult.BIN_WIDTH);
        return Math.max(0, Math.min(PairResult.BINS - 1, b));
    }

    private static List<Integer> list(int[] counts) {
        return Arrays.stream(counts).boxed().toList();
    }
}
