package org.hotline.engine;

/**
 * One side's variables (docs/design.md section 4), 0..100. perceivedResolve (of the stronger side) and
 * strain belong to the weaker side; burden and allianceCohesion to the stronger; the other side
 * carries them unchanged.
 */
public record SideState(
        double trust,
        double threatPerception,
        double domesticSupport,
        boolean champion,
        double perceivedResolve,
        double strain,
        double burden,
        double allianceCohesion) {
}
