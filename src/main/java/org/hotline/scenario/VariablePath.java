package org.hotline.scenario;

import java.util.Locale;
import java.util.Map;

/**
 * A state variable named in a scenario file: what an inject changes and what a triggered inject
 * watches (docs/scenarios.md, "Variable paths"). Sides are named by seat (washington, moscow) even
 * where the scenario relabels them.
 *
 * <ul>
 *   <li>{@code tension}</li>
 *   <li>{@code washington.<field>}, {@code moscow.<field>}: trust, threatPerception, domesticSupport,
 *       perceivedResolve, strain, burden, allianceCohesion (0..100), champion (true/false)</li>
 *   <li>{@code context.<field>}: chinaAlignment, trendsAgainstWeaker, revisionism, spoilerRisk (0..100),
 *       powerRatio (1..10)</li>
 *   <li>{@code issue.<id>.balance} (0..100), {@code issue.<id>.status} (an {@link IssueStatus})</li>
 *   <li>{@code agreement.<id>.lapse} (set true: the agreement in force on that issue lapses)</li>
 * </ul>
 *
 * @param side    for {@link Scope#SIDE}, otherwise null
 * @param issueId for {@link Scope#ISSUE} and {@link Scope#AGREEMENT}, otherwise null
 * @param field   the variable within its scope (null for tension)
 */
public record VariablePath(Scope scope, Side side, String issueId, String field) {

    public enum Scope { TENSION, SIDE, CONTEXT, ISSUE, AGREEMENT }

    /** NUMBER takes delta or set (a number); FLAG and STATUS take set only. */
    public enum Kind { NUMBER, FLAG, STATUS }

    private static final Map<String, Kind> SIDE_FIELDS = Map.of(
            "trust", Kind.NUMBER, "threatPerception", Kind.NUMBER, "domesticSupport", Kind.NUMBER,
            "perceivedResolve", Kind.NUMBER, "strain", Kind.NUMBER, "burden", Kind.NUMBER,
            "allianceCohesion", Kind.NUMBER, "champion", Kind.FLAG);
    private static final Map<String, Kind> CONTEXT_FIELDS = Map.of(
            "chinaAlignment", Kind.NUMBER, "trendsAgainstWeaker", Kind.NUMBER, "powerRatio", Kind.NUMBER,
            "revisionism", Kind.NUMBER, "spoilerRisk", Kind.NUMBER);
    private static final Map<String, Kind> ISSUE_FIELDS = Map.of("balance", Kind.NUMBER, "status", Kind.STATUS);

    /**
     * Reads a path. The issue id is not checked here (the scenario defines them).
     *
     * @throws IllegalArgumentException with a message saying what is wrong and what would be right
     */
    public static VariablePath parse(String text) {
        String[] parts = text.strip().split("\\.", -1);
        switch (parts[0]) {
            case "tension":
                if (parts.length == 1) {
                    return new VariablePath(Scope.TENSION, null, null, null);
                }
                break;
            case "washington", "moscow":
                if (parts.length == 2 && SIDE_FIELDS.containsKey(parts[1])) {
                    return new VariablePath(Scope.SIDE, Side.valueOf(parts[0].toUpperCase(Locale.ROOT)), null, parts[1]);
                }
                throw new IllegalArgumentException("unknown side variable '" + text + "'; a side has " + String.join(", ", SIDE_FIELDS.keySet()));
            case "context":
                if (parts.length == 2 && CONTEXT_FIELDS.containsKey(parts[1])) {
                    return new VariablePath(Scope.CONTEXT, null, null, parts[1]);
                }
                throw new IllegalArgumentException("unknown context variable '" + text + "'; the context has " + String.join(", ", CONTEXT_FIELDS.keySet()));
            case "issue":
                if (parts.length == 3 && !parts[1].isEmpty() && ISSUE_FIELDS.containsKey(parts[2])) {
                    return new VariablePath(Scope.ISSUE, null, parts[1], parts[2]);
                }
                throw new IllegalArgumentException("unknown issue variable '" + text + "'; use issue.<id>.balance or issue.<id>.status");
            case "agreement":
                if (parts.length == 3 && !parts[1].isEmpty() && parts[2].equals("lapse")) {
                    return new VariablePath(Scope.AGREEMENT, null, parts[1], "lapse");
                }
                throw new IllegalArgumentException("unknown agreement variable '" + text + "'; use agreement.<issue id>.lapse");
            default:
                break;
        }
        throw new IllegalArgumentException("unknown variable '" + text
                + "'; expected tension, washington.<field>, moscow.<field>, context.<field>, issue.<id>.balance|status or agreement.<id>.lapse");
    }

    public Kind kind() {
        return switch (scope) {
            case TENSION -> Kind.NUMBER;
            case SIDE -> SIDE_FIELDS.get(field);
            case CONTEXT -> CONTEXT_FIELDS.get(field);
            case ISSUE -> ISSUE_FIELDS.get(field);
            case AGREEMENT -> Kind.FLAG;
        };
    }

    /** Lowest value of a NUMBER variable. */
    public double min() {
        return "powerRatio".equals(field) ? 1 : 0;
    }

    /** Highest value of a NUMBER variable. */
    public double max() {
        return "powerRatio".equals(field) ? 10 : 100;
    }

    @Override
    public String toString() {
        return switch (scope) {
            case TENSION -> "tension";
            case SIDE -> side.name().toLowerCase(Locale.ROOT) + "." + field;
            case CONTEXT -> "context." + field;
            case ISSUE -> "issue." + issueId + "." + field;
            case AGREEMENT -> "agreement." + issueId + ".lapse";
        };
    }
}
