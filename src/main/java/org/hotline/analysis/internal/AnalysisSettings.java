package org.hotline.analysis.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Options analyses run on the server (hotline.analysis.*), kept small so that live exercises come first.
 *
 * @param workers      Analyses run at the same time.
 * @param queue        Analyses that may wait for a worker; beyond that a new one is refused as busy.
 * @param threads      Threads one analysis uses (the figures are the same at any count).
 * @param maxTotalRuns Most runs one analysis may ask for, all pairs together.
 */
@ConfigurationProperties("hotline.analysis")
record AnalysisSettings(@DefaultValue("1") int workers, @DefaultValue("8") int queue, @DefaultValue("1") int threads,
                        @DefaultValue("2000000") long maxTotalRuns) {
}
