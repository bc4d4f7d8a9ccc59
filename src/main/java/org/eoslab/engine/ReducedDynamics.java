package org.eoslab.engine;

import org.eoslab.config.Parameters;

/**
 * The Theorem-1 recursion (math.md, "Theorem 1 — the reduced engine"): with the paper's identity init,
 * mode i of every layer is one scalar w_{i,ℓ}, with w_{i,L}(0) = 0 and w_{i,ℓ}(0) = α, and
 * <pre>
 *   p_i = Π_ℓ w_{i,ℓ},      w_{i,ℓ} ← w_{i,ℓ} − η·c·(p_i − σ*_i)·Π_{j≠ℓ} w_{i,j}
 * </pre>
 * (for equal inner layers this is math.md's x, y recursion). The residual d − r singular values stay 0
 * in the product and α in the inner layers. O(r·L) per step.
 */
public final class ReducedDynamics implements Dynamics {
    private final Target target;
    private final int d;
    private final int r;
    private final int depth;
    private final double c;
    private final double alpha;
    private final double[] s;
    private final double[][] w;        // w[i][ℓ−1]
    private final double[] product;    // p_i from the last forward pass
    private final double[] left;       // scratch: Π_{j<ℓ}
    private boolean forwardCurrent;

    public ReducedDynamics(Target target, int depth, double alpha, double lossScale) {
        this.target = target;
        this.d = target.width();
        this.r = target.rank();
        this.depth = depth;
        this.c = lossScale;
        this.alpha = alpha;
        this.s = target.singularValues();
        this.w = new double[r][depth];
        for (int i = 0; i < r; i++) {
            for (int l = 0; l < depth - 1; l++) w[i][l] = alpha;
            w[i][depth - 1] = 0;
        }
        this.product = new double[r];
        this.left = new double[depth];
    }

    public static ReducedDynamics create(Parameters p, Target target) {
        return new ReducedDynamics(target, p.depth(), p.alpha(), p.loss().scale(target.width()));
    }

    @Override
    public double forward() {
        double sum = 0;
        for (int i = 0; i < r; i++) {
            double p = 1;
            for (int l = 0; l < depth; l++) p *= w[i][l];
            product[i] = p;
            sum += (p - s[i]) * (p - s[i]);
        }
        forwardCurrent = true;
        return 0.5 * c * sum;
    }

    @Override
    public void step(double eta) {
        if (!forwardCurrent) throw new IllegalStateException("forward() must run before step()");
        for (int i = 0; i < r; i++) {
            double g = eta * c * (product[i] - s[i]);
            double[] wi = w[i];
            double run = 1;
            for (int l = 0; l < depth; l++) {     // left[ℓ] = Π_{j<ℓ} w_j
                left[l] = run;
                run *= wi[l];
            }
            double right = 1;                     // Π_{j>ℓ} w_j, all from the same iterate
            for (int l = depth - 1; l >= 0; l--) {
                double old = wi[l];
                wi[l] = old - g * left[l] * right;
                right *= old;
            }
        }
        forwardCurrent = false;
    }

    /** p_i = σ_i of the product for mode i (signed), 1-based, from the last forward pass. */
    public double modeProduct(int i) { return product[i - 1]; }

    /** w_{i,ℓ}: the i-th singular value of layer ℓ, both 1-based (signed). */
    public double modeWeight(int i, int l) { return w[i - 1][l - 1]; }

    public int rank() { return r; }

    public double alpha() { return alpha; }

    @Override
    public double[][] state() {
        double[][] out = new double[r][];
        for (int i = 0; i < r; i++) out[i] = w[i].clone();
        return out;
    }

    @Override
    public void restore(double[][] state) {
        if (state.length != r) throw new IllegalArgumentException("state has " + state.length + " modes, expected " + r);
        for (int i = 0; i < r; i++) {
            if (state[i].length != depth) throw new IllegalArgumentException("mode " + (i + 1) + " has " + state[i].length + " layers, expected " + depth);
            System.arraycopy(state[i], 0, w[i], 0, depth);
        }
        forwardCurrent = false;
    }

    @Override public int width() { return d; }

    @Override public int depth() { return depth; }

    @Override public double lossScale() { return c; }

    @Override public Target target() { return target; }
}
