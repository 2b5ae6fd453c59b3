package org.hotline.analysis;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.bots.Strategies;
import org.hotline.scenario.ScenarioFiles;

/**
 * Issue 14, point 6, measured (a benchmark, not a test; it never fails): 100,000 ten-turn runs through
 * the command line of the packaged jar, JVM start included; then the in-process throughput on one and
 * on two threads. Run with {@code mvn -Panalysis-benchmark -DskipTests verify}.
 */
public final class AnalysisBenchmark {

    /** Four pairs that play all ten turns (no conflict ends a run early), 25,000 runs each. */
    private static final List<String> COMMAND = List.of("analyze", "--scenario", "future-after-ukraine", "--washington",
            "core-first,limited,grit,always-less-hardline", "--moscow", "tit-for-tat", "--runs", "25000", "--seed", "7");

    public static void main(String[] args) throws Exception {
        File jar = new File(args[0]);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println("Hotline analysis benchmark on " + cores + " cores; load average at start "
                + String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        for (int attempt = 1; attempt <= 2; attempt++) {
            commandLine(jar, attempt);
        }
        inProcess();
        System.out.printf("load average at the end: %.1f (other processes share this machine; the per-CPU-second figures are "
                + "what the analysis does with the cores it gets)%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void commandLine(File jar, int attempt) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar.getAbsolutePath()));
        command.addAll(COMMAND);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        String summary = new String(process.getErrorStream().readAllBytes()).strip();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            System.out.println("command line failed: " + summary);
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("command line, attempt %d: 100,000 ten-turn runs in %.2f s wall clock, JVM start included (inside: %s)%n",
                attempt, seconds, summary);
    }

    private static void inProcess() {
        AnalysisRequest request = new AnalysisRequest("future-after-ukraine", List.of("core-first", "limited", "grit", "always-less-hardline"),
                List.of("tit-for-tat"), 5000, 11, Map.of(), Map.of());
        OptionsAnalysis analysis = OptionsAnalysis.prepare(request, ScenarioFiles.loadBundled(), Strategies.bundled());
        measure(analysis, 1); // warm-up
        double[] one = measure(analysis, 1);
        double[] two = measure(analysis, 2);
        System.out.printf("in process, 1 thread : %,9.0f runs/s wall clock, %,9.0f runs per CPU-second%n", one[0], one[1]);
        System.out.printf("in process, 2 threads: %,9.0f runs/s wall clock, %,9.0f runs per CPU-second%n", two[0], two[1]);
        System.out.printf("scaling 1 -> 2 threads: %.2fx wall clock (target 1.8x)%n", two[0] / one[0]);
    }

    /** Runs per second of wall clock, and per CPU-second of the process (all its threads). */
    private static double[] measure(OptionsAnalysis analysis, int threads) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        analysis.run(threads, done -> { }, () -> false);
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        return new double[] {analysis.totalRuns() / wall, analysis.totalRuns() / cpuSeconds};
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private AnalysisBenchmark() {
    }
}
