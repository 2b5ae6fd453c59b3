package org.hotline.scenario;

/**
 * Where the stronger side's allies stand on an issue (R4, mechanism 13): whether they have a stake,
 * and which approach they prefer. Pushing allies against their preference costs alliance cohesion.
 */
public enum AllyStance {
    /** The allies have no stake here: ALLY_OUTREACH is only talk. */
    NONE,
    /** The allies want a settlement: outreach through them helps, pressure here strains the alliance. */
    FAVOUR_TALKS,
    /** The allies want firmness: urging them to accommodate, or conceding here, strains the alliance. */
    FAVOUR_PRESSURE;

    public boolean stake() {
        return this != NONE;
    }
}
