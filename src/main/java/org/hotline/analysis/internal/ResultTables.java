package org.hotline.analysis.internal;

import java.util.List;
import java.util.Locale;
import org.hotline.analysis.AnalysisResult;
import org.hotline.analysis.Estimate;
import org.hotline.analysis.Metric;
import org.hotline.analysis.PairResult;
import org.hotline.analysis.Provenance;

/** An analysis result as text for the terminal and as CSV (one row per pair and metric). */
public final class ResultTables {

    /** The metrics of the pairwise tables, as a tournament shows its scores. */
    private static final List<Metric> PAIRWISE = List.of(Metric.END_TENSION, Metric.CONFLICT_RATE, Metric.CORE_AGREEMENTS,
            Metric.OTHER_AGREEMENTS, Metric.STABILITY);

    private ResultTables() {
    }

    public static String text(AnalysisResult result) {
        Provenance p = result.provenance();
        StringBuilder out = new StringBuilder();
        out.append(p.hotlineVersion()).append(" options analysis: ").append(p.scenarioTitle()).append(" (").append(p.scenarioId())
                .append(")\n");
        out.append("  scenario sha256 ").append(p.scenarioHash()).append('\n');
        out.append("  rulebook ").append(p.rulebookVersion()).append(" sha256 ").append(p.rulebookHash())
                .append(p.rulebookChanges().isEmpty() ? "" : ", changed: " + p.rulebookChanges()).append('\n');
        if (!p.contextChanges().isEmpty()) {
            out.append("  context changed: ").append(p.contextChanges()).append('\n');
        }
        out.append("  strategies.yaml sha256 ").append(p.strategiesHash()).append('\n');
        p.strategies().forEach(s -> out.append("    ").append(s.id()).append(' ').append(new java.util.TreeMap<>(s.parameters()))
                .append('\n'));
        out.append("  ").append(String.format(Locale.ROOT, "%,d", p.runs())).append(" runs per pair, seed ").append(p.seed())
                .append(" (").append(p.seedRule()).append(")\n\n");
        for (PairResult pair : result.pairs()) {
            out.append("Washington ").append(pair.washington()).append(" vs Moscow ").append(pair.moscow()).append('\n');
            for (Metric metric : Metric.values()) {
                Estimate e = pair.get(metric);
                out.append(String.format(Locale.ROOT, "  %-56s %s%n", metric.label(), estimate(metric, e)));
            }
            out.append('\n');
        }
        List<String> rows = result.pairs().stream().map(PairResult::washington).distinct().toList();
        List<String> columns = result.pairs().stream().map(PairResult::moscow).distinct().toList();
        for (Metric metric : PAIRWISE) {
            out.append("Pairwise: ").append(metric.label()).append(" (rows Washington, columns Moscow)\n");
            out.append(String.format(Locale.ROOT, "  %-22s", ""));
            columns.forEach(c -> out.append(String.format(Locale.ROOT, "%26s", c)));
            out.append('\n');
            for (String row : rows) {
                out.append(String.format(Locale.ROOT, "  %-22s", row));
                for (String column : columns) {
                    Estimate e = result.pair(row, column).orElseThrow().get(metric);
                    out.append(String.format(Locale.ROOT, "%26s", estimate(metric, e)));
                }
                out.append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String estimate(Metric metric, Estimate e) {
        if (e.n() == 0) {
            return "none";
        }
        String f = metric.kind() == Metric.Kind.RATE || metric.name().endsWith("COOPERATION") ? "%.3f" : "%.1f";
        String text = String.format(Locale.ROOT, f + " [" + f + ", " + f + "]", e.mean(), e.low(), e.high());
        return metric == Metric.CONFLICT_TURN || metric == Metric.FIRST_AGREEMENT_TURN ? text + " n=" + e.n() : text;
    }

    public static String csv(AnalysisResult result) {
        Provenance p = result.provenance();
        StringBuilder out = new StringBuilder("scenario,washington,moscow,metric,n,mean,low95,high95,runs,seed,scenario_sha256,"
                + "rulebook_sha256,strategies_sha256,hotline_version\n");
        for (PairResult pair : result.pairs()) {
            for (Metric metric : Metric.values()) {
                Estimate e = pair.get(metric);
                out.append(String.join(",", p.scenarioId(), pair.washington(), pair.moscow(), metric.key(), String.valueOf(e.n()),
                        number(e.mean()), number(e.low()), number(e.high()), String.valueOf(pair.runs()), String.valueOf(p.seed()),
                        p.scenarioHash(), p.rulebookHash(), p.strategiesHash(), '"' + p.hotlineVersion().replace("\"", "\"\"") + '"'))
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.6f", value);
    }
}
