package org.eoslab.metrics;

import java.util.Random;
import org.eoslab.engine.FlowModel;
import org.eoslab.numerics.Lanczos;
import org.eoslab.numerics.Vectors;

/**
 * The paper's central flow (Cohen et al., ICLR 2025) on any network's flat parameters, as {@link LandscapeSurface}
 * gives them: the ReLU network's (issue 26), where no exact third derivative exists.
 * <pre>
 *   dw/dt = −η [∇L(w) + ½σ²∇S(w)],   ∇S ≈ (H(w + hu)u − H(w − hu)u)/2h   (u the unit top eigenvector, h = {@link #H})
 *   σ² = max(0, (−2⟨∇S, ∇L⟩ + 2κ(S − 2/η)/η)/‖∇S‖²)  once S passes half of 2/η   (κ = {@link #PULL_BACK})
 * </pre>
 * the same constraint as the linear network's {@code engine.CentralFlow} (S held at 2/η, the integrator's drift
 * pulled back at rate κ). The predicted mean loss is L + ½σ²S. A ReLU network is piecewise linear, so there is no
 * fourth-derivative cycle condition: only the paper's flow. One unit of time is one GD step, in
 * {@code substeps} midpoint steps; each evaluation costs a warm Lanczos and two more Hessian-vector products.
 */
public final class SurfaceFlow implements FlowModel {
    /**
     * The central difference's step along the unit eigenvector. A ReLU network's Hessian jumps wherever an activation
     * flips, so a tiny step measures the jumps (at 1e-4 ‖∇S‖ came out 3× too large, mostly noise); at 1e-2, about the
     * size of GD's oscillation along u, it measures S's slope at that scale: S's own central difference along ∇S at
     * the same step agrees within 1 % (SurfaceFlowTest).
     */
    static final double H = 1e-2;
    static final double PULL_BACK = 4.0;
    static final double NEAR_EDGE = 0.5;
    private static final int MAX_LANCZOS = 80;
    private static final double KICK = 1e-3;

    private final LandscapeSurface surface;
    private final Lanczos lanczos;
    private final Random rng;
    private final int substeps;
    private final double[] w;
    private final double[] start;
    private final double[] shifted;
    private final double[] gradient;
    private final double[] sharpnessGradient;
    private final double[] plus;
    private final double[] velocity;
    private final double[] top;
    private final double[] warm;
    private boolean hasWarm;
    private double loss;
    private double sharpness;
    private double variance;
    private boolean fresh;
    private double freshEta;
    private boolean finite = true;
    private long brokeAt = -1;
    private long time;

    /** The flow from the network's current parameters (call before the run steps: it starts where GD starts). */
    public SurfaceFlow(LandscapeSurface surface, long seed, int substeps) {
        this.surface = surface;
        int n = surface.dimension();
        this.rng = new Random(seed);
        this.lanczos = new Lanczos(n, MAX_LANCZOS, rng);
        this.substeps = substeps;
        this.w = new double[n];
        this.start = new double[n];
        this.shifted = new double[n];
        this.gradient = new double[n];
        this.sharpnessGradient = new double[n];
        this.plus = new double[n];
        this.velocity = new double[n];
        this.top = new double[n];
        this.warm = new double[n];
        surface.copyCurrent(w);
    }

    @Override
    public void measure(double eta) { evaluate(eta); }

    @Override
    public void advance(double eta) {
        if (brokeAt >= 0) return;
        double dt = 1.0 / substeps;
        for (int k = 0; k < substeps && finite; k++) {
            System.arraycopy(w, 0, start, 0, w.length);
            if (!fresh || freshEta != eta) evaluate(eta);
            if (!finite) break;
            move(0.5 * dt);                                          // to the midpoint
            evaluate(eta);
            if (!finite) break;
            System.arraycopy(start, 0, w, 0, w.length);
            move(dt);                                                // the whole step with the midpoint's velocity
        }
        time++;
        if (finite) evaluate(eta);
        if (!finite) brokeAt = time;
    }

    private void move(double dt) {
        for (int i = 0; i < w.length; i++) w[i] += dt * velocity[i];
        fresh = false;
    }

    /** L, ∇L, S and u, ∇S and σ², and the velocity −η[∇L + ½σ²∇S], at w. */
    private void evaluate(double eta) {
        fresh = true;
        freshEta = eta;
        loss = surface.measureAt(w);
        surface.gradient(gradient);
        double edge = 2 / eta;
        try {
            sharpness = topEigenpair(edge);
        } catch (IllegalStateException e) {                          // Lanczos on numbers past double's range
            sharpness = Double.NaN;
        }
        variance = 0;
        if (Double.isFinite(sharpness) && sharpness >= NEAR_EDGE * edge) {
            sharpnessGradient();
            double gs = Vectors.dot(gradient, sharpnessGradient), ss = Vectors.dot(sharpnessGradient, sharpnessGradient);
            // dS/dt = −η[⟨∇S,∇L⟩ + ½σ²‖∇S‖²] ≤ −PULL_BACK·(S − 2/η)
            variance = ss > 0 ? Math.max(0, (-2 * gs + 2 * PULL_BACK * (sharpness - edge) / eta) / ss) : 0;
        }
        for (int i = 0; i < w.length; i++) velocity[i] = -eta * (gradient[i] + 0.5 * variance * sharpnessGradient[i]);
        finite = Double.isFinite(loss) && Double.isFinite(sharpness) && Double.isFinite(variance);
    }

    private double topEigenpair(double scale) {
        double[] startVector = null;
        if (hasWarm) {
            startVector = warm;
            for (int i = 0; i < warm.length; i++) warm[i] = top[i] + KICK * rng.nextGaussian() / Math.sqrt(warm.length);
        }
        Lanczos.Result r = lanczos.largest(surface.hessian()::apply, startVector, surface.tolerance(), scale, top);
        hasWarm = true;
        return r.eigenvalue();
    }

    /** ∇S = D³L(w)[u, u, ·] ≈ (H(w + hu)u − H(w − hu)u)/2h; the surface is measured at w again after. */
    private void sharpnessGradient() {
        shiftedProduct(H, plus);
        shiftedProduct(-H, sharpnessGradient);
        for (int i = 0; i < w.length; i++) sharpnessGradient[i] = (plus[i] - sharpnessGradient[i]) / (2 * H);
        surface.measureAt(w);
    }

    private void shiftedProduct(double h, double[] out) {
        for (int i = 0; i < w.length; i++) shifted[i] = w[i] + h * top[i];
        surface.measureAt(shifted);
        surface.hessian().apply(top, out);
    }

    /** ∇S of the last evaluation (tests). */
    double[] lastSharpnessGradient() { return sharpnessGradient; }

    /** u of the last evaluation (tests). */
    double[] topEigenvector() { return top; }

    /** w(t) (tests). */
    double[] weights() { return w; }

    @Override public long brokeAt() { return brokeAt; }

    @Override public double loss() { return loss; }

    @Override public double sharpness() { return sharpness; }

    @Override public double variance() { return variance; }

    @Override public double predictedLoss() { return loss + 0.5 * variance * sharpness; }

    /** A network without an end-to-end product: none. */
    @Override public double[] singularValues(int k) { return new double[k]; }

    @Override public double[] predictedSingularValues(int k) { return new double[k]; }
}
