package org.hotline.scenario;

/** The brief's two approaches to a conflict of interest, plus keeping the present posture. */
public enum Approach {
    HARDLINE, LESS_HARDLINE, NEITHER
}
