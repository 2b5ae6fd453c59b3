package org.hotline.analysis;

import java.util.List;
import java.util.Map;
import org.hotline.bots.StrategySpec;

/**
 * Everything needed to reproduce a result years later (docs/design.md section 10): the scenario and the
 * effective rulebook with content hashes, the changes applied, the strategies with their parameters,
 * the seeds and the software version.
 *
 * @param seedRule how run i's seed derives from {@code seed}
 */
public record Provenance(String scenarioId, String scenarioTitle, String scenarioHash, String rulebookVersion, String rulebookHash,
        Map<String, Double> rulebookChanges, Map<String, Double> contextChanges, String strategiesHash,
        List<StrategySpec> strategies, long seed, int runs, String seedRule, String hotlineVersion) {
}
