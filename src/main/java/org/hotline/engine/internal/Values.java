package org.hotline.engine.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Text of a state value for an effect, rounded to two decimals (the record). Values in 0..100 (all of
 * the state's scales) come from a table built once, so that recording an effect builds no string on the
 * hot path. A figure inside a sentence for people (a withheld move's reason) has one decimal instead.
 */
final class Values {

    private static final int STEPS = 10_000;
    private static final String[] TABLE = new String[STEPS + 1];

    static {
        for (int i = 0; i <= STEPS; i++) {
            TABLE[i] = BigDecimal.valueOf(i, 2).toPlainString();
        }
    }

    private Values() {
    }

    static String text(double value) {
        long hundredths = Math.round(value * 100);
        if (hundredths >= 0 && hundredths <= STEPS) {
            return TABLE[(int) hundredths];
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A figure in a reason players and facilitators read: one decimal, as every figure on the pages. */
    static String figure(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    static String text(boolean value) {
        return value ? "true" : "false";
    }
}
