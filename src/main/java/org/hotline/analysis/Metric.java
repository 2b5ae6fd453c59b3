package org.hotline.analysis;

/** What every run reports at its end (or, for the turn metrics, when it happened). */
public enum Metric {
    END_TENSION("end tension", Kind.MEAN),
    CONFLICT_RATE("conflict rate", Kind.RATE),
    CONFLICT_TURN("turn of conflict (runs in conflict)", Kind.MEAN),
    CORE_AGREEMENTS("agreements in force, core issues", Kind.MEAN),
    OTHER_AGREEMENTS("agreements in force, other issues", Kind.MEAN),
    FIRST_AGREEMENT_TURN("turn of first agreement (runs with one)", Kind.MEAN),
    BURDEN("Washington burden", Kind.MEAN),
    STRAIN("Moscow strain", Kind.MEAN),
    WASHINGTON_TRUST("Washington trust", Kind.MEAN),
    MOSCOW_TRUST("Moscow trust", Kind.MEAN),
    PERCEIVED_RESOLVE("Moscow's perceived resolve of Washington", Kind.MEAN),
    WASHINGTON_COOPERATION("Washington cooperation (share of less-hardline moves)", Kind.MEAN),
    MOSCOW_COOPERATION("Moscow cooperation (share of less-hardline moves)", Kind.MEAN),
    WASHINGTON_INTERESTS("score: Washington interests", Kind.MEAN),
    WASHINGTON_SECURITY("score: Washington security", Kind.MEAN),
    WASHINGTON_COSTS("score: Washington costs", Kind.MEAN),
    MOSCOW_INTERESTS("score: Moscow interests", Kind.MEAN),
    MOSCOW_SECURITY("score: Moscow security", Kind.MEAN),
    MOSCOW_COSTS("score: Moscow costs", Kind.MEAN),
    STABILITY("score: shared stability", Kind.MEAN);

    public enum Kind { MEAN, RATE }

    private final String label;
    private final Kind kind;

    Metric(String label, Kind kind) {
        this.label = label;
        this.kind = kind;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** Lower-case with underscores, for CSV and JSON. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
