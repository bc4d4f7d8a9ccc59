package org.eoslab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.eoslab.config.Parameters;
import org.eoslab.engine.DenseEngine;
import org.eoslab.engine.HessianVectorProduct;
import org.eoslab.engine.LossPlane;
import org.eoslab.engine.Target;
import org.eoslab.engine.Targets;
import org.junit.jupiter.api.Test;

/**
 * Issue 26's landscape: the loss on a plane as an exact polynomial against forward passes, its slope and curvature
 * against the gradient and the Hessian-vector product, the slice's curvature at the iterate against Lanczos's
 * sharpness (1e-6), and a period-2 run's iterates on alternate walls of the valley.
 */
class LandscapeTest {
    private static final Parameters DEFAULT = Parameters.defaults();   // the default preset: σ₁ in a period-2 orbit

    private static DMatrixRMaj[] gaussian(int depth, int d, Random rng) {
        DMatrixRMaj[] out = new DMatrixRMaj[depth];
        for (int l = 0; l < depth; l++) {
            out[l] = new DMatrixRMaj(d, d);
            for (int i = 0; i < d * d; i++) out[l].data[i] = rng.nextGaussian() / d;
        }
        return out;
    }

    private static DMatrixRMaj[] layers(DenseEngine e) {
        DMatrixRMaj[] w = new DMatrixRMaj[e.depth()];
        for (int l = 1; l <= e.depth(); l++) w[l - 1] = e.layer(l).copy();
        return w;
    }

    private static double frobeniusDot(DMatrixRMaj[] a, DMatrixRMaj[] b) {
        double s = 0;
        for (int l = 0; l < a.length; l++) for (int i = 0; i < a[l].data.length; i++) s += a[l].data[i] * b[l].data[i];
        return s;
    }

    @Test
    void thePlanesPolynomialIsTheLossOfAForwardPass() {
        for (int depth = 2; depth <= 4; depth++) {
            Parameters p = DEFAULT.withWidth(7).withDepth(depth).withAlpha(0.5);
            Target target = Targets.of(p);
            DenseEngine engine = DenseEngine.create(p, target);
            Random rng = new Random(depth);
            DMatrixRMaj[] w = layers(engine), u = gaussian(depth, 7, rng), v = gaussian(depth, 7, rng);
            LossPlane plane = LossPlane.of(w, u, v, target.matrix(), engine.lossScale());
            for (double[] ab : new double[][] {{0, 0}, {0.3, -0.2}, {-1, 0.5}, {2, 1.5}}) {
                DMatrixRMaj[] moved = new DMatrixRMaj[depth];
                for (int l = 0; l < depth; l++) {
                    moved[l] = w[l].copy();
                    CommonOps_DDRM.addEquals(moved[l], ab[0], u[l]);
                    CommonOps_DDRM.addEquals(moved[l], ab[1], v[l]);
                }
                double direct = new DenseEngine(target, moved, engine.lossScale(), false).forward();
                assertEquals(direct, plane.loss(ab[0], ab[1]), 1e-12 * Math.max(1, direct), "L = " + depth + " at " + ab[0] + ", " + ab[1]);
            }
        }
    }

    @Test
    void theSlicesSlopeAndCurvatureAreTheGradientAndTheHessianAlongIt() {
        Parameters p = DEFAULT.withWidth(9).withAlpha(0.7);
        Target target = Targets.of(p);
        DenseEngine engine = DenseEngine.create(p, target);
        engine.forward();
        DMatrixRMaj[] u = gaussian(3, 9, new Random(5));
        DMatrixRMaj[] g = gaussian(3, 9, new Random(6)), hu = gaussian(3, 9, new Random(7));
        engine.gradient(g);
        HessianVectorProduct hvp = new HessianVectorProduct(engine);
        hvp.prepare();
        hvp.apply(u, hu);
        LossPlane line = LossPlane.of(layers(engine), u, null, target.matrix(), engine.lossScale());
        double slope = frobeniusDot(g, u), curvature = frobeniusDot(u, hu);
        assertEquals(slope, line.slope(), 1e-12 * Math.abs(slope));
        assertEquals(curvature, line.curvature(), 1e-12 * Math.abs(curvature));
    }

    /** The default preset at step 3000: σ₁ alternates 1.377 ↔ 2.427, the iterates bounce across the valley. */
    @Test
    void aPeriodTwoRunsIteratesAlternateSidesAndTheSliceCurvatureIsTheSharpness() {
        DenseEngine engine = DenseEngine.create(DEFAULT, Targets.of(DEFAULT));
        LandscapeProbe probe = new LandscapeProbe(new DenseSurface(engine), 1);
        engine.forward();
        for (int t = 1; t <= 3000; t++) {
            engine.step(DEFAULT.eta());
            double loss = engine.forward();
            if (t > 3000 - LandscapeProbe.RECENT) probe.observe(t, loss);
        }
        Landscape view = probe.measure(DEFAULT.eta(), 101, 21);
        assertEquals(view.sharpness(), view.curvature(), 1e-6 * view.sharpness(), "the slice's curvature at s = 0 is λ_max");
        double[] x = view.iterateX();
        assertEquals(LandscapeProbe.RECENT, x.length);
        for (int i = 1; i < x.length; i++) {
            assertTrue(x[i] * x[i - 1] < 0, "iterates " + (i - 1) + ", " + i + " on opposite sides: " + x[i - 1] + ", " + x[i]);
        }
        assertEquals(2999, view.step(), "through the sharper of the last two iterates (the high branch, S > 2/η)");
        assertTrue(view.sharpness() > 2 / DEFAULT.eta(), "sharpness " + view.sharpness());
        assertEquals(view.iterateLoss()[x.length - 2], view.loss());
        assertEquals(x[x.length - 2], view.current());
        for (int i = 2; i < x.length; i++) {
            assertEquals(x[i - 2], x[i], 1e-3 * Math.abs(x[i]), "a 2-cycle: the same wall every other step");
        }
        assertEquals(view.loss(), view.quadratic(view.current(), view.sharpness()), 0, "the quadratics touch the slice at the iterate");
    }
}
