package org.eoslab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The cascade of one mode's map (L = 3, σ* = 1, sum loss): Lyapunov exponents and period-doubling points
 * against independent numbers (a plain iteration of the map in double precision, a finite difference, and
 * Feigenbaum's constant).
 */
class ChaosTest {
    static final int L = 3;
    static final double ETA1 = Theory.onsetLearningRate(1.0, L, 1.0);

    private static ScalarMap map(double ratio) {
        return new ScalarMap(1.0, L, ratio * ETA1, 1.0);
    }

    @Test
    void theSlopeIsTheDerivativeOfTheStep() {
        ScalarMap g = map(1.2);
        for (double w : new double[] {0.3, 0.8, 1.0, 1.15}) {
            double h = 1e-6;
            double fd = (g.step(w + h) - g.step(w - h)) / (2 * h);
            assertEquals(fd, g.slope(w), 1e-8, "w = " + w);
        }
    }

    @Test
    void lyapunovIsNegativeOnOrbitsAndPositiveInChaos() {
        assertEquals(-0.82, map(1.1).lyapunov(20_000, 200_000), 0.01, "period 2 at 1.1·η₁");
        double chaos = map(1.33).lyapunov(20_000, 200_000);
        assertTrue(chaos > 0.1 && chaos < 0.25, "chaos at 1.33·η₁: " + chaos);
        assertTrue(map(1.35).lyapunov(20_000, 200_000) < 0, "the period-6 window at 1.35·η₁");
        // the window's orbit really is period 6: the iterates repeat every 6 steps and not sooner
        ScalarMap g = map(1.35);
        double w = g.settle(100_000);
        double[] x = new double[64];
        for (int t = 0; t < x.length; t++) {
            x[t] = w;
            w = g.step(w);
        }
        assertEquals(6, PeriodDetector.period(x, 0, x.length, 32, 1e-9));
        // on a periodic orbit the exponent is ln|multiplier| / period
        ScalarMap.Cycle two = map(1.1).cycle(map(1.1).settle(10_000), 2);
        assertEquals(Math.log(Math.abs(two.multiplier())) / 2, map(1.1).lyapunov(20_000, 200_000), 1e-9);
    }

    @Test
    void theDoublingPointsConvergeAtFeigenbaumsRate() {
        double[] points = PeriodDoublings.universal(L, 32);
        double[] expected = {1.0, 1.2445, 1.3004, 1.3125, 1.3151};
        assertEquals(expected.length, points.length);
        for (int k = 0; k < expected.length; k++) assertEquals(expected[k], points[k], 2e-4, "doubling " + k);
        double[] ratios = PeriodDoublings.ratios(points);
        assertEquals(PeriodDoublings.FEIGENBAUM_DELTA, ratios[1], 0.03 * PeriodDoublings.FEIGENBAUM_DELTA, "second ratio");
        // each point separates the periods a long plain iteration finds just below and just above it
        for (int k = 1; k < 4; k++) {
            int p = 1 << k;
            assertEquals(p, periodOf(points[k] * (1 - 2e-4)), "period " + p + " just below point " + k);
            assertEquals(2 * p, periodOf(points[k] * (1 + 2e-4)), "period " + 2 * p + " just above point " + k);
        }
    }

    @Test
    void doublingsWithinARangeScaleWithEachModesOnset() {
        double[] s = {2.0, 1.5};
        var found = PeriodDoublings.within(s, L, 1.0, 0.0, 10.0, 8);
        assertEquals(6, found.size(), found.toString());              // 1→2, 2→4, 4→8 for each mode
        double onset2 = Theory.onsetLearningRate(1.5, L, 1.0);
        var second = found.stream().filter(d -> d.mode() == 2 && d.from() == 2).findFirst().orElseThrow();
        assertEquals(4, second.to());
        assertEquals(PeriodDoublings.universal(L, 8)[1] * onset2, second.eta(), 1e-12);
    }

    private static int periodOf(double ratio) {
        ScalarMap g = map(ratio);
        double w = g.settle(2_000_000);
        double[] x = new double[256];
        for (int t = 0; t < x.length; t++) {
            x[t] = w;
            w = g.step(w);
        }
        return PeriodDetector.period(x, 0, x.length, 64, 1e-7);
    }
}
