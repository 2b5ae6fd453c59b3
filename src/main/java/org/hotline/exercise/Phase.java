package org.hotline.exercise;

/** Phases of an exercise: LOBBY before the start, five per turn, ENDED at the end (docs/design.md section 2). */
public enum Phase {
    LOBBY, BRIEFING, DELIBERATION, ORDERS, ADJUDICATION, RESULTS, ENDED;

    /** Phases a deadline may close (adjudication waits for the engine or the facilitator). */
    public boolean timed() {
        return this == BRIEFING || this == DELIBERATION || this == ORDERS || this == RESULTS;
    }

    /** Phases in which teams talk, propose and draft. */
    public boolean open() {
        return this == BRIEFING || this == DELIBERATION || this == ORDERS;
    }
}
