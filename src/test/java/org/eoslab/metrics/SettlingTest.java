package org.eoslab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Judging an alternation by its decay, on sequences whose fate is known in closed form. */
class SettlingTest {
    /** x_t = s + (−1)^t·A_t with A_t given: the last 128 values and the three window maxima of |x_t − x_{t−1}|. */
    private static OrbitAnalysis judge(java.util.function.IntToDoubleFunction amplitude, int total) {
        double s = 1;
        double[] kept = new double[128];
        double[] windows = new double[3];
        int window = 1000;
        int from = total - 3 * window;
        double previous = Double.NaN;
        for (int t = from; t < total; t++) {
            double x = s + ((t & 1) == 0 ? 1 : -1) * amplitude.applyAsDouble(t);
            if (t > from) windows[Math.min(2, (t - from) / window)] = Math.max(windows[Math.min(2, (t - from) / window)], Math.abs(x - previous));
            previous = x;
            if (t >= total - 128) kept[t - (total - 128)] = x;
        }
        OrbitAnalysis seen = OrbitAnalysis.of(kept, 128, 1e-8);
        return seen.judgedBy(kept, 128, windows, window);
    }

    @Test
    void aGeometricDecayIsConvergingSlowly() {
        OrbitAnalysis o = judge(t -> 0.3 * Math.exp(-2e-5 * t), 20_000);      // multiplier −(1 − 2e-5): below the onset
        assertEquals(1, o.period());
        assertEquals(OrbitAnalysis.Settling.CONVERGING_SLOWLY, o.settling());
    }

    @Test
    void anApproachToANonzeroAmplitudeIsPeriodTwo() {
        // the normal form dA/dt = −A(ε + cA²) with ε = −1e-5, c = 1: A → √(1e-5), from above
        double[] a = new double[20_001];
        a[0] = 0.02;
        for (int t = 1; t < a.length; t++) a[t] = a[t - 1] - a[t - 1] * (-1e-5 + a[t - 1] * a[t - 1]);
        OrbitAnalysis o = judge(t -> a[t], 20_000);
        assertEquals(2, o.period());
        assertEquals(OrbitAnalysis.Settling.SETTLING_SLOWLY, o.settling());
    }

    @Test
    void aSettledCycleAndAnIrregularSequenceAreLeftAlone() {
        OrbitAnalysis settled = judge(t -> 0.3, 20_000);
        assertEquals(2, settled.period());
        assertEquals(OrbitAnalysis.Settling.SETTLED, settled.settling());
        double[] irregular = new double[128];
        java.util.Random r = new java.util.Random(1);
        for (int t = 0; t < irregular.length; t++) irregular[t] = r.nextDouble();
        OrbitAnalysis chaos = OrbitAnalysis.of(irregular, 128, 1e-8);
        assertSame(chaos, chaos.judgedBy(irregular, 128, new double[] {0.9, 0.8, 0.7}, 1000));
    }
}
