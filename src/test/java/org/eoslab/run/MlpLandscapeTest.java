package org.eoslab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.eoslab.config.MlpParameters;
import org.eoslab.metrics.Landscape;
import org.eoslab.metrics.LandscapeSurface;
import org.eoslab.metrics.MlpSurface;
import org.eoslab.numerics.Vectors;
import org.junit.jupiter.api.Test;

/**
 * The ReLU network's landscape (issue 26): its plane is the loss of exact forward passes, its slope and curvature
 * along a direction match central differences of them, and the view's slice through the sharper recent iterate has
 * the Lanczos sharpness as its curvature.
 */
class MlpLandscapeTest {
    private static final MlpParameters SMALL = MlpParameters.defaults().withSamples(200).withHidden(32).withDepth(3)
            .withEta(2).withSharpnessEvery(0).withSteps(120);

    @Test
    void thePlaneIsForwardPassesWithTheGradientsSlopeAndTheHessiansCurvature() {
        MlpTrainer t = new MlpTrainer(SMALL);
        while (t.step() < 60 && t.advance()) {}
        MlpSurface surface = new MlpSurface(t.mlp());
        double[] w = new double[surface.dimension()];
        surface.copyCurrent(w);
        surface.measureAt(w);
        Random rng = new Random(3);
        double[] u = unit(rng, w.length), v = unit(rng, w.length);
        LandscapeSurface.Plane plane = surface.plane(u, v);
        assertEquals(t.snapshot().loss(), plane.loss(0, 0), 1e-12 * t.snapshot().loss(), "the loss at the iterate itself");
        double h = 1e-5, at = plane.loss(0, 0), plus = plane.loss(h, 0), minus = plane.loss(-h, 0);
        assertEquals((plus - minus) / (2 * h), plane.slope(), 1e-5 * Math.max(1, Math.abs(plane.slope())), "slope");
        assertEquals((plus - 2 * at + minus) / (h * h), plane.curvature(), 1e-3 * Math.abs(plane.curvature()), "curvature");
        assertTrue(plane.loss(0, 0.5) != at, "the second direction moves the loss");
    }

    @Test
    void theSliceGoesThroughTheSharperIterateWithItsSharpnessAsCurvature() {
        MlpTrainer t = new MlpTrainer(SMALL);
        while (t.step() < 100 && t.advance()) {}
        t.landscape(201, 61);                                   // from here on the recent iterates are kept
        while (t.step() < SMALL.steps() && t.advance()) {}
        Landscape l = t.landscape(201, 61).orElseThrow();
        assertTrue(l.step() == SMALL.steps() || l.step() == SMALL.steps() - 1, "the newest or the one before: " + l.step());
        assertEquals(16, l.iterateX().length);
        assertEquals(41, l.x().length, "a forward pass per point: the slice is capped");
        assertEquals(15, l.planeX().length);
        assertEquals(l.sharpness(), l.curvature(), 1e-3 * l.sharpness(), "u₁ᵀHu₁ = λ_max to Lanczos' tolerance");
        double lo = Double.POSITIVE_INFINITY;
        for (double s : l.slice()) lo = Math.min(lo, s);
        assertTrue(lo <= l.loss() + 1e-15, "the slice passes through (or below) the iterate's loss");
    }

    private static double[] unit(Random rng, int n) {
        double[] u = new double[n];
        for (int i = 0; i < n; i++) u[i] = rng.nextGaussian();
        double norm = Vectors.norm(u);
        for (int i = 0; i < n; i++) u[i] /= norm;
        return u;
    }
}
