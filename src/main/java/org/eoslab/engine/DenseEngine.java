package org.eoslab.engine;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.eoslab.config.Parameters;
import org.eoslab.numerics.MatrixOps;
import org.eoslab.numerics.Seeds;

/**
 * Gradient descent on f(Θ) = (c/2)‖W_L⋯W_1 − M*‖_F² with L dense d×d matrices (paper eq. 1-2), every
 * layer updated from the same iterate.
 *
 * <p>Forward: prefix products {@code prefix[j] = W_j⋯W_1} (R_{j+1} in math.md), E = P − M*.
 * Backward (math.md, "Gradient"): with T_ℓ = S_ℓᵀE, T_L = E and T_{ℓ−1} = W_ℓᵀT_ℓ, the gradient is
 * ∇_{W_ℓ} f = c·T_ℓ R_ℓᵀ. Walking ℓ = L..1, T_{ℓ−1} is formed from the old W_ℓ before W_ℓ is updated in
 * place, so a step costs 3(L−1) matrix products and no suffix products. All buffers are allocated here,
 * once; a step allocates nothing. Products run on {@link MatrixOps} (rows split over two cores when large).
 */
public final class DenseEngine implements Dynamics {
    private final int d;
    private final int depth;
    private final double c;
    private final Target target;
    private final DMatrixRMaj[] w;
    private final DMatrixRMaj[] prefix;
    private final DMatrixRMaj residual;
    private final DMatrixRMaj backA;
    private final DMatrixRMaj backB;
    private final MatrixOps ops;
    private boolean forwardCurrent;

    public DenseEngine(Target target, DMatrixRMaj[] initialWeights, double lossScale) {
        this(target, initialWeights, lossScale, true);
    }

    /** @param parallel split large products over two cores (off for engines that run side by side) */
    public DenseEngine(Target target, DMatrixRMaj[] initialWeights, double lossScale, boolean parallel) {
        this.target = target;
        this.d = target.width();
        this.depth = initialWeights.length;
        this.c = lossScale;
        this.w = new DMatrixRMaj[depth];
        for (int l = 0; l < depth; l++) {
            w[l] = initialWeights[l].copy();
        }
        this.prefix = new DMatrixRMaj[depth + 1];
        prefix[1] = w[0];
        for (int j = 2; j <= depth; j++) {
            prefix[j] = new DMatrixRMaj(d, d);
        }
        this.residual = new DMatrixRMaj(d, d);
        this.backA = new DMatrixRMaj(d, d);
        this.backB = new DMatrixRMaj(d, d);
        this.ops = parallel ? MatrixOps.fastest(d) : new MatrixOps(d, false);
    }

    /** The engine of a validated parameter set; the target is passed in (it may come from a file). */
    public static DenseEngine create(Parameters p, Target target) {
        return create(p, target, true);
    }

    /** @param parallel split large products over two cores (off when engines already run side by side) */
    public static DenseEngine create(Parameters p, Target target, boolean parallel) {
        Random rng = Seeds.stream(p.seed(), Seeds.INIT);
        DMatrixRMaj[] w0 = Initialization.create(p.init(), target.width(), p.depth(), p.alpha(), rng);
        return new DenseEngine(target, w0, p.loss().scale(target.width()), parallel);
    }

    @Override
    public double forward() {
        for (int j = 2; j <= depth; j++) {
            ops.mult(w[j - 1], prefix[j - 1], prefix[j]);
        }
        double[] p = prefix[depth].data;
        double[] m = target.matrix().data;
        double[] e = residual.data;
        double sumSquares = 0;
        for (int i = 0; i < e.length; i++) {
            double v = p[i] - m[i];
            e[i] = v;
            sumSquares += v * v;
        }
        forwardCurrent = true;
        return 0.5 * c * sumSquares;
    }

    @Override
    public void step(double eta) {
        backward(-eta * c, null);
        forwardCurrent = false;
    }

    /** ∇_{W_ℓ} f = c·T_ℓ R_ℓᵀ at the last forward pass, into {@code out[ℓ−1]}; the weights are unchanged. */
    public void gradient(DMatrixRMaj[] out) {
        backward(c, out);
    }

    /**
     * Walks ℓ = L..1 with T_L = E, T_{ℓ−1} = W_ℓᵀT_ℓ (formed from the old W_ℓ). With {@code out} null it
     * applies W_ℓ += scale·T_ℓR_ℓᵀ in place (the GD step, scale = −ηc); otherwise it writes
     * scale·T_ℓR_ℓᵀ into out[ℓ−1] and leaves the weights alone.
     */
    private void backward(double scale, DMatrixRMaj[] out) {
        requireForward();
        DMatrixRMaj t = residual;
        DMatrixRMaj next = backA;
        for (int l = depth; l >= 2; l--) {
            ops.multTransA(w[l - 1], t, next);                             // T_{ℓ−1} = W_ℓᵀ T_ℓ
            if (out == null) {
                ops.multAddTransB(scale, t, prefix[l - 1], w[l - 1]);      // W_ℓ −= ηc T_ℓ R_ℓᵀ
            } else {
                ops.multTransB(scale, t, prefix[l - 1], out[l - 1]);
            }
            t = next;
            next = (next == backA) ? backB : backA;
        }
        if (out == null) {
            CommonOps_DDRM.addEquals(w[0], scale, t);                     // R_1 = I
        } else {
            CommonOps_DDRM.scale(scale, t, out[0]);
        }
    }

    private void requireForward() {
        if (!forwardCurrent) {
            throw new IllegalStateException("forward() must run before step() and metric reads");
        }
    }

    /** W_ℓ, 1-based. Read-only: owned by the engine thread. */
    public DMatrixRMaj layer(int l) { return w[l - 1]; }

    /** R_{j+1} = W_j⋯W_1 from the last forward pass (j = 1..L); prefixProduct(L) is P. Read-only. */
    public DMatrixRMaj prefixProduct(int j) {
        requireForward();
        return prefix[j];
    }

    /** P = W_L⋯W_1 from the last forward pass. Read-only. */
    public DMatrixRMaj product() { return prefixProduct(depth); }

    /** E = P − M* from the last forward pass. Read-only. */
    public DMatrixRMaj residual() {
        requireForward();
        return residual;
    }

    /** The products this engine uses; for code running on the engine's thread (HVP, trace). */
    public MatrixOps ops() { return ops; }

    @Override
    public double[][] state() {
        double[][] out = new double[depth][];
        for (int l = 0; l < depth; l++) out[l] = w[l].data.clone();
        return out;
    }

    @Override
    public void restore(double[][] state) {
        if (state.length != depth) throw new IllegalArgumentException("state has " + state.length + " layers, expected " + depth);
        for (int l = 0; l < depth; l++) {
            if (state[l].length != d * d) throw new IllegalArgumentException("layer " + (l + 1) + " has " + state[l].length + " entries, expected " + d * d);
            System.arraycopy(state[l], 0, w[l].data, 0, d * d);
        }
        forwardCurrent = false;
    }

    @Override public int width() { return d; }

    @Override public int depth() { return depth; }

    @Override public double lossScale() { return c; }

    @Override public Target target() { return target; }
}
