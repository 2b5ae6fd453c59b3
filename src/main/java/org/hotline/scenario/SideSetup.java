package org.hotline.scenario;

/**
 * A side's label and starting values. Fields the design tracks for one side only
 * (perceivedResolve and strain for the weaker side, burden and allianceCohesion for the stronger)
 * are ignored on the other.
 */
public record SideSetup(
        String label,
        String brief,
        double trust,
        double threatPerception,
        double domesticSupport,
        boolean champion,
        double perceivedResolve,
        double strain,
        double burden,
        double allianceCohesion) {
}
