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
 * {@link Mlp#state()}: W_1 … W_L, each row-major, then b_1 … b_L. About 3.5 gradients' worth of products.
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
    private final double[] gA, gB, rgA, rgB;
    private final RectOps ops;

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
        int widest = Math.max(hidden, mlp.rows(depth)) * n;
        this.gA = new double[widest];
        this.gB = new double[widest];
        this.rgA = new double[widest];
        this.rgB = new double[widest];
        this.ops = mlp.ops();
    }

    @Override
    public int dimension() { return offset[v.length]; }

    @Override
    public void prepare() {
        if (!mlp.forwardCurrent()) throw new IllegalStateException("run the MLP's forward pass first");
    }

    @Override
    public void apply(double[] x, double[] y) {
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
        double[] residual = mlp.residual();
        double[] gCur = gA, gNext = gB, rgCur = rgA, rgNext = rgB;
        for (int i = 0; i < residual.length; i++) {
            gCur[i] = c * residual[i];
            rgCur[i] = c * rOut[i];
        }
        for (int l = depth; l >= 1; l--) {
            int rows = mlp.rows(l);
            int cols = mlp.cols(l);
            mlp.timesInputTransposed(l, rgCur, hv[l - 1], 1.0, false);            // R{G_ℓ} H_{ℓ−1}ᵀ
            if (mlp.hasBiases()) Mlp.rowSums(rgCur, n, 1.0, hv[depth + l - 1], false);  // R{G_ℓ} 1
            if (l > 1) {
                ops.multTransB(gCur, rows, n, rh[l - 2], cols, hv[l - 1], 1.0, true);
                ops.multTransA(mlp.layer(l), rows, cols, gCur, n, gNext, 1.0, false);
                ops.multTransA(v[l - 1], rows, cols, gCur, n, rgNext, 1.0, false);
                ops.multTransA(mlp.layer(l), rows, cols, rgCur, n, rgNext, 1.0, true);
                double[] pre = mlp.preActivation(l - 1);
                Mlp.zeroWhereInactive(pre, gNext, cols * n);
                Mlp.zeroWhereInactive(pre, rgNext, cols * n);
                double[] t = gCur; gCur = gNext; gNext = t;
                t = rgCur; rgCur = rgNext; rgNext = t;
            }
        }
    }
}
