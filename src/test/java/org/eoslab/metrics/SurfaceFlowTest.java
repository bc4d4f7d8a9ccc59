package org.eoslab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.eoslab.config.MlpParameters;
import org.eoslab.numerics.Lanczos;
import org.eoslab.numerics.Vectors;
import org.eoslab.run.MlpTrainer;
import org.junit.jupiter.api.Test;

/**
 * The ReLU network's central flow (issue 26): its ∇S is the derivative of the Lanczos sharpness itself (central
 * differences of S along ∇S), and below the edge it is the gradient flow, which GD at a small η follows.
 */
class SurfaceFlowTest {
    static final MlpParameters SMALL = MlpParameters.defaults().withSamples(200).withHidden(32).withDepth(3)
            .withSharpnessEvery(0);

    /** λ_max at w, to a tight tolerance, on a surface of its own. */
    static double sharpnessAt(MlpSurface surface, double[] w) {
        surface.measureAt(w);
        double[] v = new double[w.length];
        return new Lanczos(w.length, 200, new Random(5)).largest(surface.hessian()::apply, null, 1e-10, v).eigenvalue();
    }

    @Test
    void theSharpnessGradientIsTheDerivativeOfTheSharpness() {
        MlpTrainer t = new MlpTrainer(SMALL.withEta(2));
        while (t.step() < 40 && t.advance()) {}
        SurfaceFlow flow = new SurfaceFlow(new MlpSurface(t.mlp()), 1, 2);
        double eta = 1.5 / sharpnessAt(new MlpSurface(t.mlp()), flow.weights().clone());   // S = 0.75 × 2/η: ∇S formed
        flow.measure(eta);
        double[] gs = flow.lastSharpnessGradient();
        double norm = Math.sqrt(Vectors.dot(gs, gs));
        assertTrue(norm > 0, "∇S formed past half of 2/η");
        double[] w = flow.weights().clone(), plus = w.clone(), minus = w.clone();
        double eps = SurfaceFlow.H;                     // S's slope at the scale ∇S is averaged over (a ReLU Hessian jumps)
        for (int i = 0; i < w.length; i++) {
            plus[i] += eps * gs[i] / norm;
            minus[i] -= eps * gs[i] / norm;
        }
        MlpSurface probe = new MlpSurface(t.mlp());
        double slope = (sharpnessAt(probe, plus) - sharpnessAt(probe, minus)) / (2 * eps);
        assertEquals(norm, slope, 0.03 * norm, "⟨∇S, ∇S/‖∇S‖⟩ = dS along ∇S");
    }

    /** Far below the edge (S ≪ 2/η at η = 0.05) σ² stays 0: the gradient flow, whose loss GD at this η tracks. */
    @Test
    void belowTheEdgeItIsTheGradientFlowThatGdFollows() {
        MlpTrainer gd = new MlpTrainer(SMALL.withEta(0.05));
        SurfaceFlow flow = new SurfaceFlow(new MlpSurface(gd.mlp()), 1, 2);
        flow.measure(0.05);
        for (int t = 1; t <= 30; t++) {
            gd.advance();
            flow.advance(0.05);
            assertEquals(0, flow.variance(), "σ² below the edge, step " + t);
            assertTrue(flow.sharpness() < 0.5 * 2 / 0.05, "S far below 2/η");
        }
        assertEquals(gd.snapshot().loss(), flow.loss(), 0.01 * gd.snapshot().loss(), "GD's loss and the flow's at step 30");
        assertTrue(gd.snapshot().loss() < 0.99 * new MlpTrainer(SMALL.withEta(0.05)).snapshot().loss(), "the loss has moved");
    }
}
