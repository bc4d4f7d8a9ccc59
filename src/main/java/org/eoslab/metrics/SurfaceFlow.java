package org.eoslab.metrics;

import org.eoslab.engine.MidpointFlow;
import org.eoslab.numerics.Vectors;
import org.eoslab.numerics.WarmLanczos;

/**
 * The paper's central flow (Cohen et al., ICLR 2025) on any network's flat parameters, as {@link LandscapeSurface}
 * gives them: the ReLU network's (issue 26), where no exact third derivative exists.
 * <pre>
 *   dw/dt = −η [∇L(w) + ½σ²∇S(w)],   ∇S ≈ (H(w + hu)u − H(w − hu)u)/2h   (u the unit top eigenvector, h = {@link #H})
 *   σ² = max(0, (−2⟨∇S, ∇L⟩ + 2κ(S − 2/η)/η)/‖∇S‖²)  once S passes half of 2/η   (κ = {@link MidpointFlow#PULL_BACK})
 * </pre>
 * the same integrator and constraint as the linear network's {@code engine.CentralFlow} ({@link MidpointFlow}: S held
 * at 2/η, the integrator's drift pulled back at rate κ). The predicted mean loss is L + ½σ²S. A ReLU network is
 * piecewise linear, so there is no fourth-derivative cycle condition: only the paper's flow. One unit of time is one
 * GD step, in {@code substeps} midpoint steps; each evaluation costs a warm Lanczos and two more Hessian-vector
 * products.
 */
public final class SurfaceFlow extends MidpointFlow {
    /**
     * The central difference's step along the unit eigenvector. A ReLU network's Hessian jumps wherever an activation
     * flips, so a tiny step measures the jumps (at 1e-4 ‖∇S‖ came out 3× too large, mostly noise); at 1e-2, about the
     * size of GD's oscillation along u, it measures S's slope at that scale: S's own central difference along ∇S at
     * the same step agrees within 1 % (SurfaceFlowTest).
     */
    static final double H = 1e-2;
    private static final int MAX_LANCZOS = 80;

    private final LandscapeSurface surface;
    private final WarmLanczos eigen;
    private final double[] w;
    private final double[] start;
    private final double[] shifted;
    private final double[] gradient;
    private final double[] sharpnessGradient;
    private final double[] plus;
    private final double[] velocity;
    private double loss;
    private double sharpness;
    private double variance;
    private boolean finite = true;

    /** The flow from the network's current parameters (call before the run steps: it starts where GD starts). */
    public SurfaceFlow(LandscapeSurface surface, long seed, int substeps) {
        super(substeps);
        this.surface = surface;
        int n = surface.dimension();
        this.eigen = new WarmLanczos(n, MAX_LANCZOS, seed);
        this.w = new double[n];
        this.start = new double[n];
        this.shifted = new double[n];
        this.gradient = new double[n];
        this.sharpnessGradient = new double[n];
        this.plus = new double[n];
        this.velocity = new double[n];
        surface.copyCurrent(w);
    }

    @Override protected boolean finite() { return finite; }

    @Override protected void saveStart() { System.arraycopy(w, 0, start, 0, w.length); }

    @Override protected void restoreStart() { System.arraycopy(start, 0, w, 0, w.length); }

    @Override
    protected void move(double dt) {
        for (int i = 0; i < w.length; i++) w[i] += dt * velocity[i];
    }

    /** L, ∇L, S and u, ∇S and σ², and the velocity −η[∇L + ½σ²∇S], at w. */
    @Override
    protected void evaluate(double eta) {
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
            variance = edgeVariance(gs, ss, sharpness, edge, eta);
        }
        for (int i = 0; i < w.length; i++) velocity[i] = -eta * (gradient[i] + 0.5 * variance * sharpnessGradient[i]);
        finite = Double.isFinite(loss) && Double.isFinite(sharpness) && Double.isFinite(variance);
    }

    private double topEigenpair(double scale) {
        return eigen.largest(surface.hessian()::apply, surface.tolerance(), scale);
    }

    /** ∇S = D³L(w)[u, u, ·] ≈ (H(w + hu)u − H(w − hu)u)/2h; the surface is measured at w again after. */
    private void sharpnessGradient() {
        shiftedProduct(H, plus);
        shiftedProduct(-H, sharpnessGradient);
        for (int i = 0; i < w.length; i++) sharpnessGradient[i] = (plus[i] - sharpnessGradient[i]) / (2 * H);
        surface.measureAt(w);
    }

    private void shiftedProduct(double h, double[] out) {
        double[] u = eigen.vector();
        for (int i = 0; i < w.length; i++) shifted[i] = w[i] + h * u[i];
        surface.measureAt(shifted);
        surface.hessian().apply(u, out);
    }

    /** ∇S of the last evaluation (tests). */
    double[] lastSharpnessGradient() { return sharpnessGradient; }

    /** u of the last evaluation (tests). */
    double[] topEigenvector() { return eigen.vector(); }

    /** w(t) (tests). */
    double[] weights() { return w; }

    @Override public double loss() { return loss; }

    @Override public double sharpness() { return sharpness; }

    @Override public double variance() { return variance; }

    @Override public double predictedLoss() { return loss + 0.5 * variance * sharpness; }

    /** A network without an end-to-end product: none. */
    @Override public double[] singularValues(int k) { return new double[k]; }

    @Override public double[] predictedSingularValues(int k) { return new double[k]; }
}
