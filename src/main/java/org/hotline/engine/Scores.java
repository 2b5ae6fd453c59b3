package org.hotline.engine;

import java.util.Map;
import org.hotline.scenario.Side;

/** Scores reported separately, never as one number (docs/design.md section 4). */
public record Scores(Map<Side, SideScore> sides, double stability) {

    public record SideScore(double interests, double security, double costs) {
    }
}
