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
import org.eoslab.metrics.MlpColumns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Paper section 4.2 on the shipped Fashion-MNIST subset (300 images, width 64, depth 4, mean-squared loss):
 * at η = 0.2 sharpness rises to 2/η and hovers there while the loss keeps falling non-monotonically; at
 * η = 0.05 the same network stays far below 2/η and the loss falls monotonically.
 */
class MlpEdgeOfStabilityTest {
    private static final int SAMPLES = 300;
    private static Dataset data;

    @BeforeAll
    static void load() {
        data = IdxReader.readBundled(SAMPLES);
    }

    private static List<Snapshot> train(double eta, int steps) {
        MlpParameters p = new MlpParameters(null, SAMPLES, 4, 64, 1.0, eta, LossKind.MEAN, 1L, steps, 5, 50);
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
}
