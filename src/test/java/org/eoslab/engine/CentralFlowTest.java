package org.eoslab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.eoslab.config.Parameters;
import org.eoslab.numerics.Lanczos;
import org.junit.jupiter.api.Test;

/** The central flow's ∇S, the one new derivative it needs, against a difference of Lanczos sharpnesses. */
class CentralFlowTest {
    private static final Parameters DEFAULT = Parameters.defaults();

    static double sharpness(Target target, DMatrixRMaj[] w, double c) {
        DenseEngine e = new DenseEngine(target, w, c, false);
        e.forward();
        DenseHessian h = new DenseHessian(e);
        h.prepare();
        return new Lanczos(h.dimension(), 120, new Random(3)).largest(h::apply, null, 1e-13, null).eigenvalue();
    }

    @Test
    void theSharpnessGradientIsTheDerivativeOfTheSharpness() {
        Target target = Targets.of(DEFAULT);
        DenseEngine gd = DenseEngine.create(DEFAULT, target);
        gd.forward();
        for (int t = 1; t <= 2999; t++) {                         // the high branch of the default preset's orbit
            gd.step(DEFAULT.eta());
            gd.forward();
        }
        CentralFlow flow = new CentralFlow(gd, 1, 4);
        flow.measure(DEFAULT.eta());
        assertTrue(flow.sharpness() > 2 / DEFAULT.eta(), "S = " + flow.sharpness());
        DMatrixRMaj[] grad = flow.sharpnessGradientBlocks();
        Random rng = new Random(9);
        for (int trial = 0; trial < 3; trial++) {
            DMatrixRMaj[] v = new DMatrixRMaj[DEFAULT.depth()], plus = new DMatrixRMaj[v.length], minus = new DMatrixRMaj[v.length];
            double along = 0;
            for (int l = 0; l < v.length; l++) {
                v[l] = new DMatrixRMaj(DEFAULT.width(), DEFAULT.width());
                for (int i = 0; i < v[l].data.length; i++) v[l].data[i] = rng.nextGaussian() / DEFAULT.width();
                plus[l] = gd.layer(l + 1).copy();
                minus[l] = gd.layer(l + 1).copy();
                double eps = 1e-5;
                CommonOps_DDRM.addEquals(plus[l], eps, v[l]);
                CommonOps_DDRM.addEquals(minus[l], -eps, v[l]);
                for (int i = 0; i < v[l].data.length; i++) along += grad[l].data[i] * v[l].data[i];
            }
            double difference = (sharpness(target, plus, gd.lossScale()) - sharpness(target, minus, gd.lossScale())) / 2e-5;
            assertTrue(Math.abs(difference) > 1e-2, "a direction S changes along: " + difference);
            assertEquals(difference, along, 1e-5 * Math.abs(difference), "⟨∇S, v⟩, trial " + trial);
        }
    }

    /** Weights whose product overflows: the flow stops at that step and says so, instead of throwing or looping. */
    @Test
    void aFlowWhoseNumbersOverflowStopsAndSaysWhen() {
        Target target = Targets.of(DEFAULT);
        DMatrixRMaj[] huge = new DMatrixRMaj[DEFAULT.depth()];
        for (int l = 0; l < huge.length; l++) {
            huge[l] = CommonOps_DDRM.identity(DEFAULT.width());
            CommonOps_DDRM.scale(1e110, huge[l]);
        }
        DenseEngine gd = new DenseEngine(target, huge, 1, false);
        CentralFlow flow = new CentralFlow(gd, 1, 2);
        flow.measure(DEFAULT.eta());
        flow.advance(DEFAULT.eta());
        assertEquals(1, flow.brokeAt());
        flow.advance(DEFAULT.eta());
        assertEquals(1, flow.brokeAt(), "it stays stopped");
        assertTrue(Double.isNaN(flow.singularValues(3)[0]), "no singular values of a non-finite product");
    }
}
