package org.eoslab.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eoslab.config.EngineKind;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.LossKind;
import org.eoslab.config.Parameters;
import org.eoslab.metrics.Theory;
import org.junit.jupiter.api.Test;

/** The period map against the sweep it is made of, against math.md's onsets, and the dense engine against the recursion. */
class PeriodMapTest {
    static final Parameters BASE = Parameters.defaults().withWidth(6).withSpectrum(new double[] {1.0}).withAlpha(0.3)
            .withLoss(LossKind.SUM).withEngine(EngineKind.REDUCED);

    @Test
    void everyCellIsTheSweepsRunAtThatEta() throws Exception {
        double[] etas = Sweep.linspace(0.6, 1.0, 9);
        PeriodMap map = new PeriodMap(BASE, PeriodMap.Axis.DEPTH, etas, new double[] {2, 3}, 5000, 64);
        List<PeriodMap.Cell> cells = map.run(2);
        assertEquals(18, cells.size());
        for (int j = 0; j < 2; j++) {
            Parameters row = BASE.withDepth(2 + j);
            List<Sweep.Point> sweep = new Sweep(row, etas, 5000, 64).run(2);
            for (PeriodMap.Cell c : cells) {
                if (c.row() != j) continue;
                Sweep.Point p = sweep.get(c.column());
                assertEquals(p.orbits()[0].period(), c.periods()[0], "depth " + (2 + j) + ", η = " + c.eta());
                assertArrayEquals(p.lyapunov(), c.lyapunov(), 0.0);
            }
        }
    }

    /** Along each row, each mode starts to oscillate within one cell of its η_i(y) (math.md). */
    @Test
    void theOnsetsLieOnMathMdsCurvesWithinOneCell() throws Exception {
        Parameters two = BASE.withSpectrum(new double[] {1.0, 0.8});
        double[] etas = Sweep.linspace(0.5, 1.3, 81);
        double cell = etas[1] - etas[0];
        double[] ys = Sweep.linspace(0.55, 0.95, 5);
        PeriodMap map = new PeriodMap(two, PeriodMap.Axis.RATIO, etas, ys, 20_000, 64);
        List<PeriodMap.Cell> cells = map.run(Runtime.getRuntime().availableProcessors());
        int checked = 0;
        for (int j = 0; j < ys.length; j++) {
            double[] onsets = map.onsets(j);
            assertEquals(Theory.onsetLearningRate(ys[j], 3, 1.0), onsets[1], 1e-15, "η₂ of σ₂* = " + ys[j]);
            for (int m = 0; m < 2; m++) {
                if (onsets[m] < etas[0] || onsets[m] > etas[etas.length - 1]) continue;
                double first = Double.NaN;
                for (int i = 0; i < etas.length && Double.isNaN(first); i++) {
                    for (PeriodMap.Cell c : cells) {
                        if (c.row() == j && c.column() == i && c.periods()[m] != 1) first = c.eta();
                    }
                }
                assertEquals(onsets[m], first, cell, "mode " + (m + 1) + " at y = " + ys[j]);
                checked++;
            }
        }
        assertTrue(checked >= 6, "onsets checked: " + checked);
    }

    /** On a coarse grid the dense engine (real GD on d × d matrices) finds the same attractors as the recursion. */
    @Test
    void theDenseEngineAgreesOnACoarseGrid() throws Exception {
        double[] etas = {0.55, 0.75, 0.86, 0.95};                     // converged, period 2, period 4, chaos (L = 3, η₁ = 2/3)
        double[] ys = {1.0, 1.5};
        PeriodMap reduced = new PeriodMap(BASE, PeriodMap.Axis.SIGMA1, etas, ys, 6000, 64);
        PeriodMap dense = new PeriodMap(BASE.withEngine(EngineKind.DENSE), PeriodMap.Axis.SIGMA1, etas, ys, 6000, 64);
        List<PeriodMap.Cell> a = reduced.run(2);
        List<PeriodMap.Cell> b = dense.run(2);
        int same = 0;
        for (int k = 0; k < a.size(); k++) if (a.get(k).attractor() == b.get(k).attractor()) same++;
        assertTrue(same >= a.size() - 1, same + " of " + a.size() + " cells agree: " + a + " / " + b);
        assertEquals(PeriodMap.Attractor.CONVERGED, a.get(0).attractor());
        assertEquals(PeriodMap.Attractor.PERIOD_2, a.get(1).attractor());
    }

    /** The period-map tour's text, checked on its own problem: mode 1's cascade on every row, mode 2 from η₂(y). */
    @Test
    void theTourPresetsMapShowsWhatItsTextSays() throws Exception {
        Parameters p = org.eoslab.config.Presets.load(java.nio.file.Path.of("presets/tour-period-map.json")).parameters();
        double eta1 = 2.0 / 3;
        assertEquals(eta1, Theory.onsetLearningRate(p, 1), 1e-15);
        double[] ratios = {1.1, 1.28, 1.33};
        int[] modeOne = {2, 4, 0};                                      // period 2, period 4, no period up to 64
        double[] etas = {ratios[0] * eta1, ratios[1] * eta1, ratios[2] * eta1};
        PeriodMap map = new PeriodMap(p, PeriodMap.Axis.RATIO, etas, new double[] {0.6, 0.8, 0.95}, 20_000, 64);
        List<PeriodMap.Cell> cells = map.run(2);
        for (PeriodMap.Cell c : cells) {
            assertEquals(modeOne[c.column()], c.periods()[0], "mode 1 at " + ratios[c.column()] + "·η₁, y = " + c.y());
            double eta2 = eta1 * Math.pow(c.y(), -4.0 / 3);
            assertEquals(c.eta() > eta2, c.periods()[1] != 1, "mode 2 at η = " + c.eta() + " against η₂ = " + eta2);
        }
        PeriodMap.Cell chaos = cells.stream().filter(c -> c.column() == 2 && c.row() == 0).findFirst().orElseThrow();
        assertEquals(PeriodMap.Attractor.CHAOTIC, chaos.attractor(1), "a positive Lyapunov exponent: " + chaos.lyapunov()[0]);
    }

    /**
     * Honest classification near a flip: on the authors' own d = 5 problem (L = 3, σ* = (10, 9.5, 9), sum loss) a
     * fixed transient called still-converging runs "period 2" up to 3.7e-4 below the onset. Judged by how their
     * alternation decays, every run 0.5e-5 to 9.5e-5 below η_i (math.md) is "converging slowly" or settled at
     * period 1, and every run as far above it has period 2: the onsets are found to 1e-5 relative.
     */
    @Test
    void onsetsAreDetectedToOneIn100000() throws Exception {
        Parameters authors = Parameters.defaults().withWidth(5).withSpectrum(new double[] {10, 9.5, 9}).withLoss(LossKind.SUM)
                .withEngine(EngineKind.REDUCED);
        for (int mode = 1; mode <= 3; mode++) {
            double onset = Theory.onsetLearningRate(authors, mode);
            double[] etas = new double[20];
            for (int k = 0; k < 20; k++) etas[k] = onset * (1 + (k - 9.5) * 1e-5);
            List<Sweep.Point> points = new Sweep(authors, etas, 20_000, 128).run(Runtime.getRuntime().availableProcessors());
            int slowly = 0;
            for (Sweep.Point p : points) {
                var orbit = p.orbits()[mode - 1];
                boolean above = p.eta() > onset;
                assertEquals(above ? 2 : 1, orbit.period(), "mode " + mode + " at η/η_i − 1 = " + (p.eta() / onset - 1));
                if (orbit.settling() == org.eoslab.metrics.OrbitAnalysis.Settling.CONVERGING_SLOWLY) slowly++;
            }
            assertTrue(slowly >= 5, "mode " + mode + ": the runs just below the onset are reported as converging slowly (" + slowly + ")");
        }
    }

    /** In units of each row's η₁ the cascade lines up across depths (math.md's scale invariance): period 4 at 1.27·η₁. */
    @Test
    void relativeUnitsLineRowsUpAtTheirOnsets() throws Exception {
        PeriodMap map = new PeriodMap(BASE, PeriodMap.Axis.DEPTH, new double[] {0.9, 1.1, 1.27}, new double[] {2, 3, 4}, 20_000, 64, true);
        for (PeriodMap.Cell c : map.run(2)) {
            double onset = Theory.onsetLearningRate(BASE.withDepth((int) c.y()), 1);
            assertEquals(map.etas()[c.column()] * onset, c.eta(), 1e-15, "the cell's own η");
            assertEquals(new int[] {1, 2, 4}[c.column()], c.periods()[0], "L = " + c.y() + " at " + map.etas()[c.column()] + "·η₁");
        }
        assertEquals(1.0, map.onsetsInX(2)[0], 0.0);
    }

    @Test
    void aRangeThatMakesNoProblemIsRefusedByName() {
        var e = assertThrows(InvalidParameterException.class,
                () -> new PeriodMap(BASE.withSpectrum(new double[] {2.0, 1.5}), PeriodMap.Axis.SIGMA1, new double[] {0.1},
                        new double[] {1.0, 2.0}, 10, 8));
        assertTrue(e.getMessage().contains("y = 1.0 (sigma1)") && e.getMessage().contains("descending"), e.getMessage());
    }
}
