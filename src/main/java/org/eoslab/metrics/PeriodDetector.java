package org.eoslab.metrics;

/** The period of the tail of a sequence: the smallest p with x(t) = x(t − p) over a window. */
public final class PeriodDetector {
    public static final int MAX_PERIOD = 64;
    /** Returned when no period up to the maximum fits. */
    public static final int NONE = 0;

    private PeriodDetector() {}

    /**
     * Smallest p in 1..maxPeriod such that |x[t] − x[t−p]| ≤ tol for every t in [from + p, to), or
     * {@link #NONE}. The window must hold at least 2·maxPeriod values for a period to count.
     */
    public static int period(double[] x, int from, int to, int maxPeriod, double tol) {
        for (int p = 1; p <= maxPeriod && to - from >= 2 * p; p++) {
            if (repeatsWith(x, from, to, p, tol)) return p;
        }
        return NONE;
    }

    private static boolean repeatsWith(double[] x, int from, int to, int p, double tol) {
        for (int t = from + p; t < to; t++) {
            if (!(Math.abs(x[t] - x[t - p]) <= tol)) return false;
        }
        return true;
    }

    /** max − min over [from, to). */
    public static double range(double[] x, int from, int to) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = from; t < to; t++) {
            lo = Math.min(lo, x[t]);
            hi = Math.max(hi, x[t]);
        }
        return hi - lo;
    }
}
