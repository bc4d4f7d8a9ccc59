package org.eoslab.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a mode's period doubles: 1→2 at the onset η_i, then 2→4, 4→8, … up the cascade into chaos.
 * Each point is where the multiplier of the period-p orbit of the mode's balanced map ({@link ScalarMap})
 * crosses −1, followed by continuation (Newton from the last orbit point) and located by bisection to
 * 1e-12 relative, not read off a grid. By the map's scale invariance (math.md, "Beyond the period-2
 * orbit") the points are η_i times universal numbers that depend on L only: for L = 3 they are 1, 1.24461,
 * 1.30042, 1.31248, 1.31507; their gaps shrink by Feigenbaum's δ ≈ 4.669.
 */
public final class PeriodDoublings {
    public static final double FEIGENBAUM_DELTA = 4.669201609102990;

    /** Mode {@code mode}'s period goes from {@code from} to {@code to} at {@code eta}. */
    public record Doubling(int mode, int from, int to, double eta) {}

    private PeriodDoublings() {}

    private static final java.util.Map<Long, double[]> UNIVERSAL = new java.util.concurrent.ConcurrentHashMap<>();

    /** The doubling points in units of η_i for depth L, up to period {@code maxPeriod} (a power of 2); cached. */
    public static double[] universal(int depth, int maxPeriod) {
        return UNIVERSAL.computeIfAbsent(((long) depth << 32) | maxPeriod, k -> locate(depth, maxPeriod)).clone();
    }

    private static double[] locate(int depth, int maxPeriod) {
        List<Double> points = new ArrayList<>();
        double onset = Theory.onsetLearningRate(1.0, depth, 1.0);
        points.add(1.0);                                                 // the fixed point's multiplier is 1 − η/η_i·2
        double r = 1.0;
        for (int p = 2; p < maxPeriod; p *= 2) {
            double next = doubling(depth, onset, r, p);
            if (Double.isNaN(next)) break;
            points.add(next);
            r = next;
        }
        return points.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Where the period-p orbit born at r·η₁ loses stability (its multiplier reaches −1), in units of η₁. */
    private static double doubling(int depth, double onset, double born, int p) {
        double r = born * (1 + 1e-4);
        ScalarMap map = new ScalarMap(1.0, depth, r * onset, 1.0);
        ScalarMap.Cycle cycle = map.cycle(map.settle(200_000), p);
        if (cycle == null) return Double.NaN;
        double h = 1e-4 * born;
        while (h > 1e-13 * born) {                                         // march up; halve the step past the crossing
            double next = r + h;
            ScalarMap.Cycle c = new ScalarMap(1.0, depth, next * onset, 1.0).cycle(cycle.w(), p);
            if (c == null || c.multiplier() < -1) {
                h /= 2;
            } else {
                r = next;
                cycle = c;
            }
            if (r > 2 * born) return Double.NaN;
        }
        return r;
    }

    /** Every doubling of each mode of targets {@code s} inside [etaFrom, etaTo]. */
    public static List<Doubling> within(double[] s, int depth, double lossScale, double etaFrom, double etaTo, int maxPeriod) {
        double[] units = universal(depth, maxPeriod);
        List<Doubling> out = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            double onset = Theory.onsetLearningRate(s[i], depth, lossScale);
            for (int k = 0; k < units.length; k++) {
                double eta = units[k] * onset;
                if (eta >= etaFrom && eta <= etaTo) out.add(new Doubling(i + 1, 1 << k, 2 << k, eta));
            }
        }
        return out;
    }

    /** (η₂ₖ − ηₖ)/(η₄ₖ − η₂ₖ) for consecutive doublings (η_p: where period p begins); tends to δ. */
    public static double[] ratios(double[] points) {
        double[] out = new double[Math.max(0, points.length - 2)];
        for (int k = 0; k < out.length; k++) out[k] = (points[k + 1] - points[k]) / (points[k + 2] - points[k + 1]);
        return out;
    }
}
