package org.hotline.engine;

import java.util.List;

/**
 * One change to one variable, with why and the finding ids behind it.
 *
 * @param variable  a state path as in {@link org.hotline.scenario.VariablePath} ({@code tension},
 *                  {@code moscow.trust}, {@code issue.<id>.balance}, ...), or {@code agreement.<id>} for
 *                  the ledger (none, in force, lapsed), or {@code conflict} when the exercise ends in war
 * @param issueId   the issue whose adjudication caused it, or null for relationship-wide effects
 */
public record Effect(String variable, String before, String after, String reason, List<String> findings,
        String issueId) {
}
