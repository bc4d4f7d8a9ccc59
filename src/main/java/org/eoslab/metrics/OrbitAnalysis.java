package org.eoslab.metrics;

import java.util.Arrays;

/**
 * The steady state of one mode from its last values: the period (1, 2, 4, …, or any p ≤ 64; 0 = none up to
 * 64; −1 = diverged), the distinct orbit values (ascending), the amplitude max − min, and whether the run had
 * settled or was still on its way ({@link Settling}).
 */
public record OrbitAnalysis(int period, double[] values, double min, double max, Settling settling) implements java.io.Serializable {
    public static final int DIVERGED = -1;

    /**
     * How the run stood at the end: settled on its orbit, or near a flip bifurcation where the approach is slow
     * (the multiplier tends to −1): still alternating but converging to the fixed point (period 1), or still
     * settling onto its 2-cycle.
     */
    public enum Settling {
        SETTLED("settled"), CONVERGING_SLOWLY("converging slowly"), SETTLING_SLOWLY("settling slowly");

        private final String label;

        Settling(String label) { this.label = label; }

        public String label() { return label; }
    }

    public OrbitAnalysis(int period, double[] values, double min, double max) {
        this(period, values, min, max, Settling.SETTLED);
    }

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

    /**
     * The same orbit judged by how its alternation decayed over three consecutive windows before the end
     * ({@code amplitudes[k]}: the largest |x_t − x_{t−1}| in window k, each {@code window} steps). Near a flip
     * the amplitude A decays at the rate k = ε + c·A² (the bifurcation's normal form): two rates at two
     * amplitudes give ε, the decay rate at zero amplitude, i.e. −ln|multiplier| of the fixed point. ε > 0: the
     * alternation dies out (period 1, converging slowly); ε ≤ 0: it settles at A² = −ε/c (period 2). A decay
     * that does not slow down is the linear regime, where ε is the rate itself. Runs whose alternation is not
     * still decaying are left as they are.
     */
    public OrbitAnalysis judgedBy(double[] x, int n, double[] amplitudes, int window) {
        if (period == DIVERGED || period == 1 || amplitudes.length < 3 || (period != 2 && period != PeriodDetector.NONE)) return this;
        if (!alternates(x, n)) return this;                                     // chaos, or a longer period
        double a0 = amplitudes[0];
        double a1 = amplitudes[1];
        double a2 = amplitudes[2];
        if (!(a0 > a1 && a1 > a2 && a2 > 0)) return this;                   // not a decaying alternation
        if (a0 - a2 < SIGNIFICANT_DECAY * a0) return this;                   // settled: the rest is rounding
        double k1 = Math.log(a0 / a1) / window;
        double k2 = Math.log(a1 / a2) / window;
        double s1 = a0 * a1;                                                   // A² at the middle of each pair
        double s2 = a1 * a2;
        double c = (k1 - k2) / (s1 - s2);
        // a decay that does not slow down is geometric, to zero: the linear regime, where ε is the rate itself
        double eps = !(c > 0) || !Double.isFinite(c) ? k2 : k1 - c * s1;
        if (eps > 0) return new OrbitAnalysis(1, new double[0], min, max, Settling.CONVERGING_SLOWLY);
        return new OrbitAnalysis(2, period == 2 ? values : new double[0], min, max, period == 2 ? settling : Settling.SETTLING_SLOWLY);
    }

    /** A decay of the alternation smaller than this fraction over the windows is rounding, not an approach. */
    static final double SIGNIFICANT_DECAY = 1e-6;

    /** x[0..n) goes up and down in turn, with a step-to-step swing larger than its drift over two steps. */
    static boolean alternates(double[] x, int n) {
        for (int t = 2; t < n; t++) {
            double d1 = x[t] - x[t - 1];
            double d0 = x[t - 1] - x[t - 2];
            if (!(d1 * d0 < 0) || Math.abs(x[t] - x[t - 2]) > 0.1 * Math.abs(d1)) return false;
        }
        return n > 2;
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
