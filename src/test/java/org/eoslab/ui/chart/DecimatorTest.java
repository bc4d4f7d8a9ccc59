package org.eoslab.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The decimated view against the raw series: same extremes per bucket, full step range, bounded size. */
class DecimatorTest {

    @Test
    void keepsEveryStepAndTheEnvelopeOfAPeriodTwoSignal() {
        Decimator d = new Decimator(64);
        int n = 10_000;
        for (int t = 0; t < n; t++) d.add(t, (t % 2 == 0 ? 1.0 : 3.0) + t * 1e-4);
        double[] x = new double[128];
        double[] y = new double[128];
        int count = d.fill(x, y);
        assertTrue(count <= 128);
        assertEquals(n - 1, x[count - 1], d.width(), "the last bucket reaches the last step");
        assertEquals(0, x[0]);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            lo = Math.min(lo, y[i]);
            hi = Math.max(hi, y[i]);
            if (i > 0) assertTrue(x[i] > x[i - 1], "steps increase");
        }
        assertEquals(1.0, lo, 0.0);
        assertEquals(3.0 + (n - 1) * 1e-4, hi, 1e-12);
        // every bucket holds both branches of the orbit: the band is preserved, not aliased
        for (int i = 0; i + 1 < count; i += 2) assertTrue(Math.abs(y[i] - y[i + 1]) > 1.5, "bucket " + i / 2);
    }

    @Test
    void bucketExtremesMatchABruteForceScan() {
        Decimator d = new Decimator(16);
        double[] raw = new double[1000];
        java.util.Random rng = new java.util.Random(4);
        for (int t = 0; t < raw.length; t++) {
            raw[t] = rng.nextGaussian();
            d.add(t, raw[t]);
        }
        double[] x = new double[32];
        double[] y = new double[32];
        int count = d.fill(x, y);
        long w = d.width();
        for (int i = 0; i < count; i++) {
            int bucket = (int) (x[i] / w);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int t = (int) (bucket * w); t < Math.min(raw.length, (bucket + 1) * w); t++) {
                lo = Math.min(lo, raw[t]);
                hi = Math.max(hi, raw[t]);
            }
            assertTrue(y[i] == lo || y[i] == hi, "point " + i + " is an extreme of its bucket");
            assertEquals(raw[(int) x[i]], y[i], 0.0, "the point sits at its own step");
        }
    }

    @Test
    void envelopeIsTheLowerBranchWithTheBandUpToTheUpperOne() {
        Decimator d = new Decimator(32);
        int n = 5000;
        for (int t = 0; t < n; t++) d.add(t, t % 2 == 0 ? 1.0 : 3.0);
        double[] x = new double[32];
        double[] low = new double[32];
        double[] span = new double[32];
        int count = d.fillEnvelope(x, low, span);
        assertTrue(count > 16 && count <= 32);
        for (int i = 0; i < count; i++) {
            assertEquals(1.0, low[i], 0.0, "the line follows the lower orbit branch");
            assertEquals(2.0, span[i], 0.0, "the band reaches the upper branch");
            assertEquals(0, ((long) x[i]) % 2, "x is the step of a lower-branch value");
        }
    }

    @Test
    void skipsNotMeasuredValues() {
        Decimator d = new Decimator(8);
        d.add(0, Double.NaN);
        d.add(5, 2.0);
        double[] x = new double[16];
        double[] y = new double[16];
        assertEquals(1, d.fill(x, y));
        assertEquals(5, x[0]);
    }
}
