package org.hotline.analysis;

import java.util.List;
import java.util.Optional;

/** A finished analysis: its provenance and one result per pair, Washington strategies outer, Moscow inner. */
public record AnalysisResult(Provenance provenance, List<PairResult> pairs) {

    public Optional<PairResult> pair(String washington, String moscow) {
        return pairs.stream().filter(p -> p.washington().equals(washington) && p.moscow().equals(moscow)).findFirst();
    }
}
