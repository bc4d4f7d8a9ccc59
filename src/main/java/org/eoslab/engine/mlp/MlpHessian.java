package org.eoslab.engine.mlp;

import org.eoslab.numerics.HessianOperator;
import org.eoslab.numerics.RectOps;

/**
 * The exact Hessian-vector product of the MLP loss by Pearlmutter's R-operator (the derivative along V of
 * the forward and backward passes; ρ' is a 0/1 mask whose own derivative vanishes almost everywhere):
 * <pre>
 *   rZ_ℓ = V_ℓ H_{ℓ−1} + W_ℓ rH_{ℓ−1} + v_ℓ 1ᵀ,  rH_ℓ = rZ_ℓ ⊙ m_ℓ,  rF = rZ_L   (rH_0 = 0, m_ℓ = 1[Z_ℓ &gt; 0])
 *   G_L = c(F − Y),  rG_L = c·rF
 *   (HV)_{W_ℓ} = rG_ℓ H_{ℓ−1}ᵀ + G_ℓ rH_{ℓ−1}ᵀ,   (HV)_{b_ℓ} = rG_ℓ 1
 *   G_{ℓ−1} = (W_ℓᵀ G_ℓ) ⊙ m_{ℓ−1},  rG_{ℓ−1} = (V_ℓᵀ G_ℓ + W_ℓᵀ rG_ℓ) ⊙ m_{ℓ−1}
 * </pre>
 * (v_ℓ is the bias part of the direction, absent without biases.) Vectors are flat in the order of
 * {@link Mlp#state()}: W_1 … W_L, each row-major, then b_1 … b_L. The G_ℓ do not depend on V: {@link #prepare}
 * computes them once per forward pass (a Lanczos run then saves two of the ten large products of every HVP),
 * leaving about 1.5 steps' worth of products per HVP.
 */
public final class MlpHessian implements HessianOperator {
    private final Mlp mlp;
    private final int n;
    private final int depth;
    private final int[] offset;
    private final double[][] v;       // V_ℓ, then v_ℓ (the bias part)
    private final double[][] hv;      // (HV)_{W_ℓ}, then (HV)_{b_ℓ}
    private final double[][] rh;      // rH_ℓ, ℓ < L
    private final double[] rOut;
    private final double[][] g;       // g[ℓ−1] = G_ℓ at the prepared forward pass
    private final double[] rgA, rgB;
    private final RectOps ops;
    private long preparedAt = -1;     // the forward pass g belongs to

    public MlpHessian(Mlp mlp) {
        this.mlp = mlp;
        this.n = mlp.data().samples();
        this.depth = mlp.depth();
        int blocks = mlp.hasBiases() ? 2 * depth : depth;
        this.offset = new int[blocks + 1];
        this.v = new double[blocks][];
        this.hv = new double[blocks][];
        for (int k = 0; k < blocks; k++) {
            int l = k % depth + 1;
            int size = k < depth ? mlp.rows(l) * mlp.cols(l) : mlp.rows(l);
            offset[k + 1] = offset[k] + size;
            v[k] = new double[size];
            hv[k] = new double[size];
        }
        int hidden = mlp.rows(1);
        this.rh = new double[depth - 1][hidden * n];
        this.rOut = new double[mlp.rows(depth) * n];
        this.g = new double[depth][];
        for (int l = 1; l <= depth; l++) g[l - 1] = new double[mlp.rows(l) * n];
        int widest = Math.max(hidden, mlp.rows(depth)) * n;
        this.rgA = new double[widest];
        this.rgB = new double[widest];
        this.ops = mlp.ops();
    }

    @Override
    public int dimension() { return offset[v.length]; }

    /** G_L = c(F − Y), then G_{ℓ−1} = (W_ℓᵀ G_ℓ) ⊙ m_{ℓ−1}: the backward signals of the current forward pass. */
    @Override
    public void prepare() {
        long forward = mlp.forwards();
        if (forward < 0) throw new IllegalStateException("run the MLP's forward pass first");
        if (forward == preparedAt) return;
        mlp.outputSignal(g[depth - 1]);
        for (int l = depth; l > 1; l--) mlp.signalBelow(l, g[l - 1], g[l - 2]);
        preparedAt = forward;
    }

    @Override
    public void apply(double[] x, double[] y) {
        if (preparedAt != mlp.forwards()) throw new IllegalStateException("prepare() after each forward pass");
        for (int k = 0; k < v.length; k++) System.arraycopy(x, offset[k], v[k], 0, v[k].length);
        forwardR();
        backwardR();
        for (int k = 0; k < v.length; k++) System.arraycopy(hv[k], 0, y, offset[k], hv[k].length);
    }

    private void forwardR() {
        double[] rInput = null;
        for (int l = 1; l <= depth; l++) {
            double[] target = l == depth ? rOut : rh[l - 1];
            mlp.timesLayerInput(l, v[l - 1], target, 1.0, false);                 // V_ℓ H_{ℓ−1}
            if (rInput != null) ops.mult(mlp.layer(l), mlp.rows(l), mlp.cols(l), rInput, n, target, 1.0, true);
            if (mlp.hasBiases()) Mlp.addToRows(v[depth + l - 1], target, n);            // + v_ℓ 1ᵀ
            if (l < depth) {
                double[] pre = mlp.preActivation(l);
                Mlp.zeroWhereInactive(pre, target, target.length);
                rInput = target;
            }
        }
    }

    private void backwardR() {
        double c = mlp.lossScale();
        double[] rgCur = rgA, rgNext = rgB;
        for (int i = 0; i < rOut.length; i++) rgCur[i] = c * rOut[i];
        for (int l = depth; l >= 1; l--) {
            int rows = mlp.rows(l);
            int cols = mlp.cols(l);
            mlp.timesInputTransposed(l, rgCur, hv[l - 1], 1.0, false);            // R{G_ℓ} H_{ℓ−1}ᵀ
            if (mlp.hasBiases()) Mlp.rowSums(rgCur, n, 1.0, hv[depth + l - 1], false);  // R{G_ℓ} 1
            if (l > 1) {
                ops.multTransB(g[l - 1], rows, n, rh[l - 2], cols, hv[l - 1], 1.0, true);  // + G_ℓ rH_{ℓ−1}ᵀ
                ops.multTransA(v[l - 1], rows, cols, g[l - 1], n, rgNext, 1.0, false);
                ops.multTransA(mlp.layer(l), rows, cols, rgCur, n, rgNext, 1.0, true);
                Mlp.zeroWhereInactive(mlp.preActivation(l - 1), rgNext, cols * n);
                double[] t = rgCur; rgCur = rgNext; rgNext = t;
            }
        }
    }
}
