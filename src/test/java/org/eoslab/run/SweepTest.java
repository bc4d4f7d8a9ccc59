package org.eoslab.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eoslab.config.EngineKind;
import org.eoslab.config.Parameters;
import org.eoslab.metrics.OrbitAnalysis;
import org.eoslab.metrics.ScalarMap;
import org.eoslab.metrics.Theory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bifurcation sweep against math.md: onsets, the period-doubling cascade, and a solved 2-cycle. */
class SweepTest {

    static Parameters rankOne(double s, int depth) {
        return Parameters.defaults().withWidth(6).withDepth(depth).withSpectrum(new double[] {s})
                .withEngine(EngineKind.REDUCED).validate();
    }

    static int[] periods(Parameters p, double[] ratios, int transientSteps) throws InterruptedException {
        double eta1 = Theory.onsetLearningRate(p.singularValue(1), p.depth(), 1.0);
        double[] etas = new double[ratios.length];
        for (int i = 0; i < etas.length; i++) etas[i] = ratios[i] * eta1;
        List<Sweep.Point> points = new Sweep(p, etas, transientSteps, 256).run(2);
        int[] out = new int[points.size()];
        for (int i = 0; i < out.length; i++) out[i] = points.get(i).orbits()[0].period();
        return out;
    }

    /** Mode i starts to oscillate at η_i = 2/(L·σ*_i^{2−2/L}), to ±0.1 % (math.md; the paper's constant is wrong for L > 2). */
    @ParameterizedTest(name = "L={0} s={1}")
    @CsvSource({"2, 1.0", "2, 2.5", "3, 1.0", "3, 2.5", "4, 1.0", "4, 2.5"})
    void oscillationStartsAtTheOnset(int depth, double s) throws InterruptedException {
        int[] p = periods(rankOne(s, depth), new double[] {0.997, 0.999, 1.001, 1.003}, 200_000);
        assertArrayEquals(new int[] {1, 1, 2, 2}, p);
    }

    /** math.md's table: period 4 from 1.236 (L=2) / 1.245 (L=3), 8 from 1.288 / 1.301, chaos from 1.303 / 1.316. */
    @ParameterizedTest(name = "L={0}")
    @CsvSource({"2, 1.10, 1.26, 1.295, 1.355", "3, 1.10, 1.27, 1.305, 1.36"})
    void periodDoublingCascade(int depth, double two, double four, double eight, double chaos) throws InterruptedException {
        int[] p = periods(rankOne(1.0, depth), new double[] {two, four, eight, chaos}, 50_000);
        assertArrayEquals(new int[] {2, 4, 8, 0}, p, "periods 2, 4, 8 and none up to 64");
    }

    @Test
    void theTwoCycleSolvesTheTwoStepMap() throws InterruptedException {
        int depth = 3;
        double s = 1.7;
        double eta = 1.12 * Theory.onsetLearningRate(s, depth, 1.0);
        Sweep.Point point = new Sweep(rankOne(s, depth), new double[] {eta}, 30_000, 64).run(1).get(0);
        OrbitAnalysis orbit = point.orbits()[0];
        assertEquals(2, orbit.period());
        // independent: Newton on w = f(f(w)) for the balanced map f(w) = w − η(w^L − s)w^{L−1}
        double w = Math.pow(orbit.values()[0], 1.0 / depth);
        for (int it = 0; it < 60; it++) {
            double h = 1e-7 * w;
            double g = f(f(w, s, eta, depth), s, eta, depth) - w;
            double dg = (f(f(w + h, s, eta, depth), s, eta, depth) - (w + h) - g) / h;
            w -= g / dg;
        }
        double low = Math.pow(w, depth);
        double high = Math.pow(f(w, s, eta, depth), depth);
        double[] solved = {Math.min(low, high), Math.max(low, high)};
        assertArrayEquals(solved, orbit.values(), 1e-9, "the sweep's orbit");
        assertArrayEquals(solved, new ScalarMap(s, depth, eta, 1.0).twoCycle(), 1e-9, "the cobweb's 2-cycle");
    }

    private static double f(double w, double s, double eta, int depth) {
        double wl1 = Math.pow(w, depth - 1);
        return w - eta * (wl1 * w - s) * wl1;
    }

    @Test
    void denseAndReducedSweepsAgreeForTheIdentityInit() throws InterruptedException {
        Parameters p = Parameters.defaults().withWidth(6).withSpectrum(new double[] {2.0, 1.0}).withSharpnessEvery(0);
        double eta1 = Theory.onsetLearningRate(2.0, 3, 1.0);
        double[] etas = Sweep.linspace(0.9 * eta1, 1.25 * eta1, 5);   // all below the cross-mode onset 1.48·η₁
        List<Sweep.Point> reduced = new Sweep(p.withEngine(EngineKind.REDUCED), etas, 4000, 32).run(2);
        List<Sweep.Point> dense = new Sweep(p.withEngine(EngineKind.DENSE), etas, 4000, 32).run(2);
        for (int e = 0; e < etas.length; e++) {
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(reduced.get(e).values()[i], dense.get(e).values()[i], 1e-9,
                        "η = " + etas[e] + ", mode " + (i + 1));
                assertEquals(reduced.get(e).orbits()[i].period(), dense.get(e).orbits()[i].period());
            }
        }
    }

    @Test
    void aDivergedLearningRateIsMarkedAndACancelledSweepStopsEarly() throws InterruptedException {
        Parameters p = rankOne(1.0, 2);
        Sweep.Point far = new Sweep(p, new double[] {3.0}, 1000, 16).run(1).get(0);
        assertEquals(OrbitAnalysis.DIVERGED, far.orbits()[0].period());
        Sweep big = new Sweep(p, Sweep.linspace(0.5, 1.2, 2000), 2_000_000, 16);
        Thread canceller = new Thread(() -> {
            try { Thread.sleep(200); } catch (InterruptedException ignored) { }
            big.cancel();
        });
        canceller.start();
        long t0 = System.nanoTime();
        List<Sweep.Point> points = big.run(2);
        assertTrue(points.size() < 2000 && (System.nanoTime() - t0) < 20e9, "stopped after " + points.size());
    }

    /** The diagram's default range frames mode 1's whole cascade: past math.md's "no period ≤ 64 from about". */
    @ParameterizedTest
    @CsvSource({"2, 1.303", "3, 1.316", "4, 1.320"})
    void theDefaultDiagramRangeFramesTheWholeCascade(int depth, double cascadeEnd) {
        Parameters p = rankOne(1.0, depth);
        double eta1 = Theory.onsetLearningRate(p, 1);
        double[] range = SweepDefaults.bifurcationRange(p);
        assertEquals(0.85, range[0] / eta1, 1e-12);
        assertTrue(range[1] / eta1 > cascadeEnd && range[1] / eta1 < cascadeEnd + 0.1, "to " + range[1] / eta1 + "·η₁");
    }
}
