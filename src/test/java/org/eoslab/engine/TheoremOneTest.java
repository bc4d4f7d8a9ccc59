package org.eoslab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eoslab.config.Parameters;
import org.eoslab.metrics.Columns;
import org.eoslab.metrics.DenseProbe;
import org.eoslab.metrics.ReducedProbe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Theorem 1 (singular-vector invariance): with the identity init the dense engine's singular values are
 * those of the scalar recursion of math.md, the product has rank r exactly, the inner layers keep α on the
 * residual subspace, and P's singular vectors are U*, V*.
 */
class TheoremOneTest {

    @ParameterizedTest(name = "d={0} L={1} eta={2} loss={3}")
    @CsvSource({
            "12, 3, 0.30, sum",     // σ₁ past its onset: a period-2 orbit
            "10, 2, 0.20, sum",
            "8, 4, 0.22, sum",
            "16, 3, 40.0, mean"})
    void denseSingularValuesFollowTheReducedRecursion(int d, int depth, double eta, String loss) {
        Parameters p = Parameters.defaults().withWidth(d).withDepth(depth).withEta(eta)
                .withLoss(org.eoslab.config.LossKind.parse("loss", loss)).withTop(d).validate();
        Target target = Targets.of(p);
        DenseEngine dense = DenseEngine.create(p, target);
        ReducedDynamics reduced = ReducedDynamics.create(p, target);
        Columns columns = new Columns(d, depth, p.rank());
        DenseProbe denseProbe = new DenseProbe(dense, columns);
        ReducedProbe reducedProbe = new ReducedProbe(reduced, columns);
        double[] denseRow = columns.emptyRow();
        double[] reducedRow = columns.emptyRow();
        double scale = target.singularValue(1);
        double worstRelative = 0;
        for (int t = 0; t <= 500; t++) {
            double denseLoss = dense.forward();
            double reducedLoss = reduced.forward();
            denseProbe.measure(t, denseRow);
            reducedProbe.measure(t, reducedRow);
            // (p − s)² cancels: absolute accuracy ε·σ*_1² on top of 1e-12 relative
            assertEquals(reducedLoss, denseLoss, 1e-12 * reducedLoss + 1e-14 * scale * scale, "loss at step " + t);
            for (int i = 1; i <= p.rank(); i++) {
                double expected = reducedRow[columns.sigma(i)];
                double actual = denseRow[columns.sigma(i)];
                // relative to the value; a floor of 1e-13·σ*_1 covers the dense SVD's absolute accuracy
                // while a mode is still tiny (ε·‖P‖ is the best any SVD can do)
                assertEquals(expected, actual, 1e-12 * expected + 1e-13 * scale, "σ_" + i + " at step " + t);
                if (expected > 1e-3 * scale) worstRelative = Math.max(worstRelative, Math.abs(actual - expected) / expected);
            }
            for (int j = p.rank() + 1; j <= d; j++) {
                assertTrue(denseRow[columns.sigma(j)] <= 1e-12 * scale, "residual σ_" + j + " of P stays 0 at step " + t);
                for (int l = 1; l < depth; l++) {
                    assertEquals(p.alpha(), denseRow[columns.layerSigma(l, j)], 1e-12,
                            "inner layer " + l + " keeps α on the residual subspace at step " + t);
                }
            }
            for (int l = 1; l <= depth; l++) {
                for (int i = 1; i <= p.rank(); i++) {
                    double expected = reducedRow[columns.layerMode(l, i)];   // x_i (ℓ = L) or y_i of the recursion
                    assertEquals(expected, denseRow[columns.layerMode(l, i)], 1e-12 * Math.abs(expected) + 1e-13 * scale,
                            "mode " + i + " in layer " + l + " at step " + t);
                }
                if (t > 0) assertTrue(denseRow[columns.basisDistance(l)] <= 1e-12, "layer " + l + " keeps Theorem 1's bases");
            }
            if (t > 0) {
                // exact in theory; numerically an SVD resolves the top-r subspace to ε·σ_1/σ_r (Wedin)
                double bound = Math.toDegrees(1e-14 * reducedRow[columns.sigma(1)] / reducedRow[columns.sigma(p.rank())]);
                assertTrue(denseRow[columns.angleLeft()] <= bound, "left singular vectors = U* at step " + t);
                assertTrue(denseRow[columns.angleRight()] <= bound, "right singular vectors = V* at step " + t);
            }
            dense.step(eta);
            reduced.step(eta);
        }
        assertTrue(worstRelative < 1e-12, "worst relative gap " + worstRelative);
    }
}
