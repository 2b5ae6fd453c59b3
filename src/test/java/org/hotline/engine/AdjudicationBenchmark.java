package org.hotline.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.scenario.Issue;
import org.hotline.scenario.Move;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioFiles;
import org.hotline.scenario.Side;

/**
 * Full 10-turn adjudicated runs per second on the future scenario, on one thread and on all cores, with
 * a mix of order policies (core-first, limited, hardline, tit-for-tat, random). Every turn is opened
 * (injects) and adjudicated with its effects and rolls recorded; no narrative is built, as in a batch
 * run. Run with {@code mvn -Pbenchmark -DskipTests verify}. A measurement, not a test: it never fails.
 */
public final class AdjudicationBenchmark {

    private static final Adjudicator ENGINE = Adjudicator.create();
    private static final int POLICIES = 5;

    private final Scenario scenario;
    private final List<Issue> issues;
    /** Orders per issue and move, built once: policies pick from them. */
    private final Order[][] orders;
    private final double constraintThreshold;

    private AdjudicationBenchmark(Scenario scenario) {
        this.scenario = scenario;
        this.issues = scenario.issues();
        constraintThreshold = scenario.rulebook().value("constraint.threshold");
        orders = new Order[issues.size()][Move.values().length];
        for (int i = 0; i < issues.size(); i++) {
            for (Move move : Move.values()) {
                orders[i][move.ordinal()] = new Order(issues.get(i).id(), move, false, "");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        AdjudicationBenchmark benchmark = new AdjudicationBenchmark(ScenarioFiles.bundled(ScenarioFiles.DEFAULT_SCENARIO));
        int cores = Runtime.getRuntime().availableProcessors();
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        System.out.println("Hotline adjudication benchmark: scenario " + ScenarioFiles.DEFAULT_SCENARIO + ", 10-turn runs, policy mix "
                + "core-first / limited / hardline / tit-for-tat / random, no narrative");
        benchmark.measure(1, seconds); // warm-up
        print("1 thread", benchmark.measure(1, seconds));
        if (cores > 1) {
            benchmark.measure(cores, seconds / 2); // warm-up
            print(cores + " threads", benchmark.measure(cores, seconds));
        }
        System.out.printf("load average during the run: %.1f on %d cores (other processes share the machine: the CPU-time "
                + "figure is what the engine does per core it gets)%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), cores);
    }

    private static void print(String label, double[] result) {
        System.out.printf("%-10s %,9.0f runs/s wall clock, %,9.0f runs per CPU-second of the benchmark threads%n", label + ":",
                result[0], result[1]);
    }

    /**
     * Runs games on the given number of threads for the given time; returns completed runs per second of
     * wall-clock time, and per second of the benchmark threads' own CPU time.
     */
    private double[] measure(int threads, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long first = t * 1_000_000_000L;
            results.add(pool.submit(() -> {
                long cpuStart = cpu.getCurrentThreadCpuTime();
                long runs = 0;
                long checksum = 0;
                while (!stop.get()) {
                    checksum += play(first + runs);
                    runs++;
                }
                return new long[] {runs, checksum, cpu.getCurrentThreadCpuTime() - cpuStart};
            }));
        }
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        long runs = 0;
        long checksum = 0;
        long cpuNanos = 0;
        for (Future<long[]> result : results) {
            long[] r = result.get();
            runs += r[0];
            checksum += r[1];
            cpuNanos += r[2];
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (checksum == 42) {
            System.out.println(); // keeps the results alive so the JIT cannot drop the work
        }
        return new double[] {runs / elapsed, runs / (cpuNanos / 1e9)};
    }

    /** One full game; the policy pair depends on the seed. Returns a number derived from the result. */
    private long play(long seed) {
        int washington = (int) (seed % POLICIES);
        int moscow = (int) ((seed / POLICIES) % POLICIES);
        GameState state = ENGINE.initialState(scenario);
        Outcome last = null;
        long random = seed * 0x9E3779B97F4A7C15L + 1;
        for (int turn = 0; turn < scenario.turns() && !state.conflict(); turn++) {
            state = ENGINE.openTurn(scenario, state, seed).state();
            random = random * 6364136223846793005L + 1442695040888963407L;
            TurnInput input = new TurnInput(orders(Side.WASHINGTON, washington, state, last, random),
                    orders(Side.MOSCOW, moscow, state, last, random >>> 17), List.of(), Map.of());
            last = ENGINE.adjudicate(scenario, state, input, seed);
            state = last.after();
        }
        return state.agreements().size() + (state.conflict() ? 1000 : 0) + (long) state.tension();
    }

    private Orders orders(Side side, int policy, GameState state, Outcome last, long random) {
        boolean constrained = state.side(side).domesticSupport() < constraintThreshold;
        Map<String, Order> byIssue = new LinkedHashMap<>(issues.size() * 2);
        for (int i = 0; i < issues.size(); i++) {
            Issue issue = issues.get(i);
            Move move = switch (policy) {
                case 0 -> issue.sharedInterest() || issue.coreFor(Side.MOSCOW) ? Move.NEGOTIATE : Move.HOLD;
                case 1 -> issue.sharedInterest() ? Move.NEGOTIATE : Move.HOLD;
                case 2 -> issue.coreFor(Side.MOSCOW) ? Move.BUILDUP : Move.PRESS;
                case 3 -> last == null ? Move.NEGOTIATE : answer(last.issues().get(i).move(side.other()));
                default -> RANDOM_MOVES[(int) ((random >>> (3 * i)) & 7)];
            };
            if (constrained && move == Move.DRAWDOWN) {
                move = Move.NEGOTIATE; // withheld by the domestic constraint (F4)
            }
            byIssue.put(issue.id(), orders[i][move.ordinal()]);
        }
        return new Orders(side, byIssue);
    }

    private static final Move[] RANDOM_MOVES = {Move.HOLD, Move.NEGOTIATE, Move.PRESS, Move.NEGOTIATE, Move.HOLD, Move.BUILDUP,
            Move.DRAWDOWN, Move.ALLY_OUTREACH};

    private static Move answer(Move other) {
        return other.lessHardline() ? Move.NEGOTIATE : other.hardline() ? Move.PRESS : Move.HOLD;
    }
}
