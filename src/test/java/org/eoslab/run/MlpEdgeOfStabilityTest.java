package org.eoslab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eoslab.config.LossKind;
import org.eoslab.config.MlpParameters;
import org.eoslab.engine.mlp.Dataset;
import org.eoslab.engine.mlp.IdxReader;
import org.eoslab.metrics.EdgeOfStabilityStats;
import org.eoslab.metrics.MlpColumns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Paper section 4.2 on the shipped Fashion-MNIST subset (300 images, width 64, depth 4, mean-squared loss):
 * at η = 0.2 sharpness rises to 2/η and hovers there while the loss keeps falling non-monotonically; at
 * η = 0.05 the same network stays far below 2/η and the loss falls monotonically. Whole runs on real data: slow tier.
 */
@org.eoslab.Slow
class MlpEdgeOfStabilityTest {
    private static final int SAMPLES = 300;
    private static Dataset data;

    @BeforeAll
    static void load() {
        data = IdxReader.readBundled(SAMPLES);
    }

    private static List<Snapshot> train(double eta, int steps) {
        MlpParameters p = new MlpParameters(null, SAMPLES, 4, 64, 1.0, false, eta, LossKind.MEAN, 1L, steps, 5, 50);
        MlpTrainer trainer = new MlpTrainer(p, data, true);
        List<Snapshot> rows = new ArrayList<>();
        rows.add(trainer.snapshot());
        for (int t = 0; t < steps; t++) {
            assertTrue(trainer.advance(), "diverged at step " + trainer.divergedAt());
            rows.add(trainer.snapshot());
        }
        return rows;
    }

    private static double[] sharpnessFrom(List<Snapshot> rows, int from) {
        return rows.stream().filter(s -> s.step() >= from && !Double.isNaN(s.sharpness()))
                .mapToDouble(Snapshot::sharpness).sorted().toArray();
    }

    private static int lossIncreasesFrom(List<Snapshot> rows, int from) {
        int rises = 0;
        for (int t = from + 1; t < rows.size(); t++) if (rows.get(t).loss() > rows.get(t - 1).loss()) rises++;
        return rises;
    }

    @Test
    void sharpnessHoversAtTwoOverEtaAtALargeLearningRate() {
        double eta = 0.2;
        List<Snapshot> rows = train(eta, 300);
        double[] s = sharpnessFrom(rows, 150);
        double median = s[s.length / 2];
        assertEquals(2 / eta, median, 0.08 * 2 / eta, "median sharpness over steps 150-300: " + Arrays.toString(s));
        assertTrue(s[s.length - 1] < 1.15 * 2 / eta, "sharpness stays near 2/η: max " + s[s.length - 1]);
        assertTrue(sharpnessFrom(rows, 0)[0] < 0.85 * 2 / eta, "it rose to 2/η from below");
        assertTrue(lossIncreasesFrom(rows, 150) > 0, "the loss is non-monotone at the edge of stability");
        Snapshot last = rows.get(rows.size() - 1);
        assertTrue(last.loss() < 0.5 * rows.get(0).loss(), "and still decreases over the long run");
        assertTrue(last.get(MlpColumns.ACCURACY) > 0.8, "it learns: accuracy " + last.get(MlpColumns.ACCURACY));
    }

    @Test
    void aSmallLearningRateStaysBelowTheEdge() {
        double eta = 0.05;
        List<Snapshot> rows = train(eta, 300);
        double[] s = sharpnessFrom(rows, 150);
        assertTrue(s[s.length - 1] < 0.5 * 2 / eta, "sharpness well below 2/η: max " + s[s.length - 1]);
        assertEquals(0, lossIncreasesFrom(rows, 1), "the loss falls monotonically");
        assertFalse(rows.stream().anyMatch(r -> Double.isNaN(r.loss())));
    }

    /**
     * Paper Fig. 1 / section 4.2's contrast, on settings chosen here (500 Fashion-MNIST images, width 200, depth 4,
     * He × 0.408 ≈ PyTorch's default spread, η = 2): after the sharpness reaches 2/η the top-5 singular values of the
     * penultimate layer move at least ten times more per step than the bottom-5, σ₁ grows at least 10 %, the loss
     * rises on at least a fifth of the steps, and the median sharpness of the second half sits within 0.9-1.8 × 2/η.
     * The ratio is also computed here by hand from the rows, as a check on {@link EdgeOfStabilityStats}.
     */
    @Test
    void atThePyTorchInitScaleTheTopSingularValuesMoveAndTheBottomOnesStayPut() {
        MlpParameters p = new MlpParameters(null, 500, 4, 200, 0.408, false, 2.0, LossKind.MEAN, 1L, 300, 11, 1);
        MlpTrainer trainer = new MlpTrainer(p, IdxReader.readBundled(500), true);
        EdgeOfStabilityStats stats = new EdgeOfStabilityStats(trainer.columns());
        List<Snapshot> rows = new ArrayList<>();
        rows.add(trainer.snapshot());
        stats.add(trainer.snapshot()::get);
        while (trainer.step() < p.steps() && trainer.advance()) {
            rows.add(trainer.snapshot());
            stats.add(trainer.snapshot()::get);
        }
        EdgeOfStabilityStats.Summary m = stats.summary(p.eta());
        assertTrue(m.edgeStep() >= 0 && m.edgeStep() <= 30, "sharpness reaches 2/η early: step " + m.edgeStep());
        MlpColumns c = trainer.columns();
        double top = 0, bottom = 0;
        for (int t = (int) m.edgeStep() + 1; t < rows.size(); t++) {
            for (int j = 1; j <= MlpColumns.K; j++) {
                top += Math.abs(rows.get(t).get(c.top(3, j)) - rows.get(t - 1).get(c.top(3, j)));
                bottom += Math.abs(rows.get(t).get(c.bottom(3, j)) - rows.get(t - 1).get(c.bottom(3, j)));
            }
        }
        assertEquals(top / bottom, m.topToBottomMotion(), 1e-9 * top / bottom, "the statistics add up the same motion");
        assertTrue(m.topToBottomMotion() >= 10, "top-5 move ≥ 10× more per step than bottom-5: " + m.topToBottomMotion());
        assertTrue(m.topGrowth() >= 0.10, "σ₁ of the penultimate layer grows ≥ 10 %: " + m.topGrowth());
        assertTrue(m.lossRiseFraction() >= 0.20, "the loss rises on ≥ 20 % of the steps: " + m.lossRiseFraction());
        assertTrue(m.medianSharpnessOverTwoOverEta() >= 0.9 && m.medianSharpnessOverTwoOverEta() <= 1.8,
                "median sharpness in [0.9, 1.8]·2/η: " + m.medianSharpnessOverTwoOverEta());
    }
}
