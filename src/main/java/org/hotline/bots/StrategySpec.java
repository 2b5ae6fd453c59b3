package org.hotline.bots;

import java.util.Map;

/**
 * A strategy as exercises/strategies.yaml defines it: id (lower case with hyphens), display name, the
 * one-sentence argument its team submits, and its parameters (patience, forgiveness, core issues, ...)
 * as written in the file; {@code kind} is the rule it plays (its id unless the file says otherwise, so a
 * variant with other parameters can sit beside the original),, so a result can record exactly what played.
 */
public record StrategySpec(String id, String kind, String name, String argument, String description, Map<String, String> parameters) {
}
