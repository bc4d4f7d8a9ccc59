package org.eoslab.engine;

/**
 * The integrator every central flow shares (issue 26): the deep linear network's ({@link CentralFlow}) and any
 * network's on its flat parameters ({@code metrics.SurfaceFlow}). One unit of time is one GD step, in
 * {@code substeps} midpoint steps; each evaluation is the subclass's (L, ∇L, S and its eigenvector, ∇S, σ² and the
 * velocity −η[∇L + ½σ²∇S]), and σ² comes from one constraint, {@link #edgeVariance}. A flow whose numbers stop being
 * finite stops, and says at which step.
 */
public abstract class MidpointFlow implements FlowModel {
    /**
     * Near the edge the flow keeps dS/dt ≤ −PULL_BACK·(S − target): on the edge this holds S there against the
     * integrator's drift, and from below it lets S reach the edge at this rate at most, instead of switching σ² on at a
     * threshold (a switch that the midpoint rule's two stages straddle, stalling the flow 1 % below the edge).
     */
    public static final double PULL_BACK = 4.0;
    /** ∇S is formed (and the constraint can act) once S passes this fraction of 2/η. */
    public static final double NEAR_EDGE = 0.5;

    private final int substeps;
    private boolean fresh;                    // the last evaluation is of the current weights
    private double freshEta;
    private long brokeAt = -1;
    private long time;

    protected MidpointFlow(int substeps) {
        this.substeps = substeps;
    }

    /**
     * σ² that keeps S at {@code target} (2/η, or GD's cycle condition): dS/dt = −η[⟨∇S,∇L⟩ + ½σ²‖∇S‖²] ≤
     * −PULL_BACK·(S − target), from ⟨∇S,∇L⟩ = gs and ‖∇S‖² = ss; never negative (below the edge, the gradient flow).
     */
    protected static double edgeVariance(double gs, double ss, double sharpness, double target, double eta) {
        return ss == 0 ? 0 : Math.max(0, (-2 * gs + 2 * PULL_BACK * (sharpness - target) / eta) / ss);
    }

    /** Measures the flow at its current weights (its loss, S and σ²) without moving it. */
    @Override
    public final void measure(double eta) { evaluateAt(eta); }

    /** Integrates one unit of time (one GD step) at learning rate η by the midpoint rule, then measures. */
    @Override
    public final void advance(double eta) {
        if (brokeAt >= 0) return;
        double dt = 1.0 / substeps;
        for (int k = 0; k < substeps; k++) {
            saveStart();
            if (!fresh || freshEta != eta) evaluateAt(eta);          // the last substep's end is this one's start
            if (!finite()) break;
            moveBy(0.5 * dt);                                        // to the midpoint
            evaluateAt(eta);
            if (!finite()) break;
            restoreStart();
            moveBy(dt);                                              // the whole step with the midpoint's velocity
        }
        time++;
        if (finite()) evaluateAt(eta);
        if (!finite()) brokeAt = time;
    }

    /**
     * The step at which the flow's numbers stopped being finite, or −1: a guard, since far past η₁ nothing keeps a
     * flow finite (at 1.3 η₁ on the default problem it leaves the edge, S = 1.21 × 2/η at step 1600, while GD diverges
     * at step 2003).
     */
    @Override
    public final long brokeAt() { return brokeAt; }

    /** Time flowed, in GD steps. */
    public final long time() { return time; }

    private void evaluateAt(double eta) {
        fresh = true;
        freshEta = eta;
        evaluate(eta);
    }

    private void moveBy(double dt) {
        move(dt);
        fresh = false;
    }

    /** At the current weights: L, ∇L, S and u, ∇S, σ² and the velocity; {@link #finite()} tells if they are numbers. */
    protected abstract void evaluate(double eta);

    /** The last evaluation's numbers are finite. */
    protected abstract boolean finite();

    /** w += dt · the last evaluation's velocity. */
    protected abstract void move(double dt);

    /** Keeps w as the start of a midpoint step. */
    protected abstract void saveStart();

    /** Puts w back to the kept start. */
    protected abstract void restoreStart();
}
