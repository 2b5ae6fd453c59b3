package org.hotline.engine.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Text of a state value for an effect, rounded to two decimals. Values in 0..100 (all of the state's
 * scales) come from a table built once, so that recording an effect builds no string on the hot path.
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

    static String text(boolean value) {
        return value ? "true" : "false";
    }
}
