package org.eoslab.metrics;

import java.util.Arrays;

/**
 * The steady state of one mode from its last values: the period (1, 2, 4, …, or any p ≤ 64; 0 = none up to
 * 64; −1 = diverged), the distinct orbit values (ascending) and the amplitude max − min.
 */
public record OrbitAnalysis(int period, double[] values, double min, double max) {
    public static final int DIVERGED = -1;

    public double amplitude() { return max - min; }

    public static OrbitAnalysis diverged() {
        return new OrbitAnalysis(DIVERGED, new double[0], Double.NaN, Double.NaN);
    }

    /** Analyses x[0..n), with points of an orbit equal to within {@code tol}. */
    public static OrbitAnalysis of(double[] x, int n, double tol) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            if (!Double.isFinite(x[t])) return diverged();
            lo = Math.min(lo, x[t]);
            hi = Math.max(hi, x[t]);
        }
        int period = PeriodDetector.period(x, 0, n, PeriodDetector.MAX_PERIOD, tol);
        double[] values = period > 0 ? Arrays.copyOfRange(x, n - period, n) : new double[0];
        Arrays.sort(values);
        return new OrbitAnalysis(period, values, lo, hi);
    }

    /** "period 2", "none up to 64", "diverged". */
    public String describePeriod() {
        return switch (period) {
            case DIVERGED -> "diverged";
            case PeriodDetector.NONE -> "none up to " + PeriodDetector.MAX_PERIOD;
            default -> "period " + period;
        };
    }
}
