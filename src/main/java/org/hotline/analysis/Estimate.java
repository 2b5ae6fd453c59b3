package org.hotline.analysis;

/**
 * A mean over the runs where the quantity exists, with its 95% interval (normal approximation for
 * means, Wilson's interval for rates).
 *
 * @param n runs that had the quantity (all runs, except for "turn of conflict" and "turn of first agreement")
 */
public record Estimate(int n, Double mean, Double low, Double high) {

    /** No run had the quantity (no conflict, no agreement): no figures rather than NaN, which JSON cannot carry. */
    public static final Estimate NONE = new Estimate(0, null, null, null);
}
