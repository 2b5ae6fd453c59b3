package org.hotline.scenario;

/**
 * The two seats of every exercise. WASHINGTON is always the stronger side's seat and MOSCOW the weaker
 * side's (docs/design.md section 4); a scenario relabels them for display (e.g. London and St Petersburg).
 */
public enum Side {
    WASHINGTON, MOSCOW;

    public Side other() {
        return this == WASHINGTON ? MOSCOW : WASHINGTON;
    }

    public boolean stronger() {
        return this == WASHINGTON;
    }
}
