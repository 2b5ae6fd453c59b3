package org.hotline.scenario;

/** The move taxonomy of docs/design.md section 3: one move per team per issue per turn. */
public enum Move {
    BUILDUP(Approach.HARDLINE),
    FORCE(Approach.HARDLINE),
    PRESS(Approach.HARDLINE),
    NEGOTIATE(Approach.LESS_HARDLINE),
    CONCEDE(Approach.LESS_HARDLINE),
    ALLY_OUTREACH(Approach.LESS_HARDLINE),
    DRAWDOWN(Approach.LESS_HARDLINE),
    ACQUIESCE(Approach.LESS_HARDLINE),
    HOLD(Approach.NEITHER);

    private final Approach approach;

    Move(Approach approach) {
        this.approach = approach;
    }

    public Approach approach() {
        return approach;
    }

    public boolean hardline() {
        return approach == Approach.HARDLINE;
    }

    public boolean lessHardline() {
        return approach == Approach.LESS_HARDLINE;
    }

    /**
     * Gives ground to the rival: what a side's domestic politics withhold when its support is low
     * (mechanism 6, F4) and what breaks a declared red line (M3).
     */
    public boolean yields() {
        return this == CONCEDE || this == DRAWDOWN || this == ACQUIESCE;
    }

    /** Costly signals move trust more than cheap talk (M3). */
    public boolean costly() {
        return this == CONCEDE || this == DRAWDOWN;
    }
}
