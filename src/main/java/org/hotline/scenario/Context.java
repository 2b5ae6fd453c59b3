package org.hotline.scenario;

/**
 * Context variables set by the scenario and changed by injects (docs/design.md section 4), 0..100 except
 * powerRatio (stronger over weaker, 1..10).
 */
public record Context(
        double chinaAlignment,
        double trendsAgainstWeaker,
        double powerRatio,
        double revisionism,
        double spoilerRisk) {
}
