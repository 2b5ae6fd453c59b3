package org.hotline.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.hotline.analysis.internal.Match;
import org.hotline.analysis.internal.ScenarioChanges;
import org.hotline.analysis.internal.Tally;
import org.hotline.bots.Strategies;
import org.hotline.bots.Strategy;
import org.hotline.bots.StrategySpec;
import org.hotline.scenario.Scenario;
import org.hotline.scenario.ScenarioCatalog;

/**
 * An options analysis ready to run: every Washington strategy against every Moscow strategy over the
 * same seeds. Runs are cut into blocks of {@link #BLOCK} seeds; threads take blocks as they come, but
 * each block is summed in seed order and blocks are merged in seed order, so the figures never depend
 * on the thread count.
 */
public final class OptionsAnalysis {

    public static final int BLOCK = 250;
    public static final String SEED_RULE = "run i (from 0) plays with seed SplitMix64(seed + 0x9E3779B97F4A7C15 * (i + 1)); "
            + "every pair plays the same seeds";

    private final AnalysisRequest request;
    private final Scenario scenario;
    private final List<Strategy> washington;
    private final List<Strategy> moscow;
    private final Provenance provenance;

    private OptionsAnalysis(AnalysisRequest request, Scenario scenario, List<Strategy> washington, List<Strategy> moscow,
            Provenance provenance) {
        this.request = request;
        this.scenario = scenario;
        this.washington = washington;
        this.moscow = moscow;
        this.provenance = provenance;
    }

    /**
     * Checks a request and builds its strategies.
     *
     * @throws IllegalArgumentException with a plain message naming what is wrong
     */
    public static OptionsAnalysis prepare(AnalysisRequest request, ScenarioCatalog catalog, Strategies strategies) {
        Scenario base = catalog.find(request.scenarioId() == null ? "" : request.scenarioId()).orElseThrow(() ->
                new IllegalArgumentException("Unknown scenario '" + request.scenarioId() + "'; the scenarios are "
                        + String.join(", ", catalog.scenarios().stream().map(Scenario::id).toList())));
        if (request.runs() < 1 || request.runs() > AnalysisRequest.MAX_RUNS) {
            throw new IllegalArgumentException("Runs per pair must be between 1 and " + AnalysisRequest.MAX_RUNS + ", not " + request.runs());
        }
        Scenario scenario = ScenarioChanges.apply(base, request.rulebook(), request.context());
        List<Strategy> w = side("Washington", request.washington(), scenario, strategies);
        List<Strategy> m = side("Moscow", request.moscow(), scenario, strategies);
        Map<String, StrategySpec> used = new LinkedHashMap<>();
        for (Strategy s : w) {
            used.put(s.spec().id(), s.spec());
        }
        for (Strategy s : m) {
            used.put(s.spec().id(), s.spec());
        }
        Provenance provenance = new Provenance(scenario.id(), scenario.title(), ScenarioChanges.scenarioHash(base),
                scenario.rulebook().version(), ScenarioChanges.rulebookHash(scenario.rulebook()), request.rulebook(), request.context(),
                strategies.contentHash(), List.copyOf(used.values()), request.seed(), request.runs(), SEED_RULE, version());
        return new OptionsAnalysis(request, scenario, w, m, provenance);
    }

    private static List<Strategy> side(String label, List<String> ids, Scenario scenario, Strategies strategies) {
        if (ids.isEmpty() || ids.size() > AnalysisRequest.MAX_STRATEGIES_PER_SIDE) {
            throw new IllegalArgumentException(label + " needs 1 to " + AnalysisRequest.MAX_STRATEGIES_PER_SIDE + " strategies");
        }
        if (new LinkedHashSet<>(ids).size() != ids.size()) {
            throw new IllegalArgumentException(label + " names a strategy twice");
        }
        List<Strategy> list = new ArrayList<>();
        for (String id : ids) {
            list.add(strategies.create(id, scenario));
        }
        return list;
    }

    /** The version in the jar's manifest; a build run from classes (tests, the IDE) has none. */
    public static String version() {
        String version = OptionsAnalysis.class.getPackage().getImplementationVersion();
        return version != null ? "Hotline " + version : "Hotline (development build, not packaged)";
    }

    public Provenance provenance() {
        return provenance;
    }

    public long totalRuns() {
        return request.totalRuns();
    }

    /**
     * Runs every pair on {@code threads} threads; {@code progress} hears the runs done after each block.
     *
     * @throws CancellationException when {@code cancelled} turns true (checked after every run)
     */
    public AnalysisResult run(int threads, LongConsumer progress, BooleanSupplier cancelled) {
        int pairs = washington.size() * moscow.size();
        int blocks = (request.runs() + BLOCK - 1) / BLOCK;
        Tally[] tallies = new Tally[pairs * blocks];
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int task = next.getAndIncrement(); task < tallies.length && failure.get() == null; task = next.getAndIncrement()) {
                // Tasks take the pairs in turn (block 0 of every pair, then block 1...): the JIT then sees
                // every strategy from the start and compiles the run once, instead of again for each pair.
                int pair = task % pairs;
                int block = task / pairs;
                try {
                    Tally tally = block(pair, block, cancelled);
                    tallies[pair * blocks + block] = tally;
                    progress.accept(done.addAndGet(tally.runs()));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        List<Thread> pool = new ArrayList<>();
        for (int t = 1; t < Math.max(1, threads); t++) {
            Thread thread = new Thread(worker, "analysis-" + t);
            thread.setDaemon(true);
            thread.start();
            pool.add(thread);
        }
        worker.run();
        for (Thread thread : pool) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Interrupted");
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        List<PairResult> results = new ArrayList<>(pairs);
        for (int p = 0; p < pairs; p++) {
            Tally total = new Tally();
            for (int b = 0; b < blocks; b++) {
                total.merge(tallies[p * blocks + b]);
            }
            results.add(total.result(washington.get(p / moscow.size()).spec().id(), moscow.get(p % moscow.size()).spec().id()));
        }
        return new AnalysisResult(provenance, results);
    }

    private Tally block(int pair, int block, BooleanSupplier cancelled) {
        Match match = new Match(scenario, washington.get(pair / moscow.size()), moscow.get(pair % moscow.size()));
        Tally tally = new Tally();
        int end = Math.min(request.runs(), (block + 1) * BLOCK);
        for (int run = block * BLOCK; run < end; run++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("The analysis was cancelled");
            }
            tally.add(match.play(Match.runSeed(request.seed(), run)));
        }
        return tally;
    }
}
