package org.hotline.exercise;

/** Who has the last word on a turn's outcome (docs/design.md section 6, adjudication modes). */
public enum Mode {
    AUTOMATIC, REVIEWED, FREE
}
