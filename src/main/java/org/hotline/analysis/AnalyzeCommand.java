package org.hotline.analysis;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.analysis.internal.ResultTables;
import org.hotline.bots.Strategies;
import org.hotline.scenario.ScenarioCatalog;
import org.hotline.scenario.ScenarioFiles;

/**
 * {@code java -jar hotline.jar analyze ...}: an options analysis on the command line, with no web
 * server. Prints the table (and the throughput on standard error); writes CSV on request.
 */
public final class AnalyzeCommand {

    static final String USAGE = """
            usage: java -jar hotline.jar analyze --scenario ID --washington S1,S2 --moscow S3,S4 --runs N --seed S
                   [--threads N] [--csv FILE] [--set RULEBOOK.KEY=VALUE]... [--context VARIABLE=VALUE]... [--scenarios FOLDER]
            Every Washington strategy plays every Moscow strategy over the same N seeds; the figures are the same
            whatever --threads says (default: the number of cores).""";

    private AnalyzeCommand() {
    }

    /** Runs the command; returns the process exit code (0 done, 2 bad arguments, 1 failure). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, Double> rulebook = new LinkedHashMap<>();
        Map<String, Double> context = new LinkedHashMap<>();
        try {
            parse(args, single, rulebook, context);
            for (String required : List.of("scenario", "washington", "moscow", "runs", "seed")) {
                if (!single.containsKey(required)) {
                    throw new IllegalArgumentException("--" + required + " is required");
                }
            }
            int threads = single.containsKey("threads") ? whole("threads", single.get("threads"), 1, 256)
                    : Runtime.getRuntime().availableProcessors();
            AnalysisRequest request = new AnalysisRequest(single.get("scenario"), ids(single.get("washington")), ids(single.get("moscow")),
                    whole("runs", single.get("runs"), 1, AnalysisRequest.MAX_RUNS), number("seed", single.get("seed")), rulebook, context);
            ScenarioCatalog catalog = single.containsKey("scenarios") ? ScenarioFiles.load(Path.of(single.get("scenarios")))
                    : ScenarioFiles.loadBundled();
            OptionsAnalysis analysis = OptionsAnalysis.prepare(request, catalog, Strategies.bundled());
            long start = System.nanoTime();
            AnalysisResult result = analysis.run(threads, done -> { }, () -> false);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.print(ResultTables.text(result));
            err.printf(java.util.Locale.ROOT, "%,d runs in %.2f s on %d thread%s: %,.0f runs/s%n", analysis.totalRuns(), seconds, threads,
                    threads == 1 ? "" : "s", analysis.totalRuns() / seconds);
            if (single.containsKey("csv")) {
                Files.writeString(Path.of(single.get("csv")), ResultTables.csv(result), StandardCharsets.UTF_8);
                err.println("CSV written to " + single.get("csv"));
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("analyze: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("analyze: cannot write " + single.get("csv") + ": " + e.getMessage());
            return 1;
        }
    }

    private static void parse(String[] args, Map<String, String> single, Map<String, Double> rulebook, Map<String, Double> context) {
        List<String> known = List.of("scenario", "washington", "moscow", "runs", "seed", "threads", "csv", "scenarios");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException(arg.startsWith("--") ? arg + " needs a value" : "unexpected '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = args[++i];
            if (name.equals("set") || name.equals("context")) {
                int eq = value.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--" + name + " takes NAME=VALUE, not '" + value + "'");
                }
                (name.equals("set") ? rulebook : context).put(value.substring(0, eq).strip(),
                        decimal("--" + name + " " + value.substring(0, eq), value.substring(eq + 1)));
            } else if (known.contains(name)) {
                if (single.put(name, value) != null) {
                    throw new IllegalArgumentException(arg + " is given twice");
                }
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
    }

    private static List<String> ids(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static int whole(String name, String text, int min, int max) {
        long value = number(name, text);
        if (value < min || value > max) {
            throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max + ", not " + text);
        }
        return (int) value;
    }

    private static long number(String name, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, not '" + text + "'");
        }
    }

    private static double decimal(String name, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, not '" + text + "'");
        }
    }
}
