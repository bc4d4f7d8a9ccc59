package org.eoslab.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.eoslab.numerics.MatrixOps;

/**
 * The exact Hessian-vector product of f at the engine's current iterate (math.md, "Exact Hessian-vector
 * product"), by differentiating the gradient c·T_ℓ R_ℓᵀ along V = (V_1..V_L):
 * <pre>
 *   dR_{ℓ+1} = V_ℓ R_ℓ + W_ℓ dR_ℓ        (dR_1 = 0),      dE = dR_{L+1}
 *   dT_{ℓ−1} = V_ℓᵀ T_ℓ + W_ℓᵀ dT_ℓ      (dT_L = dE)
 *   (HV)_ℓ   = c·(dT_ℓ R_ℓᵀ + T_ℓ dR_ℓᵀ)
 * </pre>
 * which equals math.md's dS_ℓᵀ E R_ℓᵀ + S_ℓᵀ dE R_ℓᵀ + S_ℓᵀ E dR_ℓᵀ since dT_ℓ = dS_ℓᵀE + S_ℓᵀdE.
 * 6(L−1) products per application; buffers allocated once.
 */
public final class HessianVectorProduct {
    private final DenseEngine engine;
    private final int d;
    private final int depth;
    private final DMatrixRMaj[] back;       // back[ℓ] = T_ℓ = S_ℓᵀ E, ℓ = 1..L−1 (T_L = E)
    private final DMatrixRMaj[] dPrefix;    // dPrefix[j] = d(W_j⋯W_1), j = 2..L
    private final DMatrixRMaj dBackA;
    private final DMatrixRMaj dBackB;

    public HessianVectorProduct(DenseEngine engine) {
        this.engine = engine;
        this.d = engine.width();
        this.depth = engine.depth();
        this.back = new DMatrixRMaj[depth];
        for (int l = 1; l < depth; l++) {
            back[l] = new DMatrixRMaj(d, d);
        }
        this.dPrefix = new DMatrixRMaj[depth + 1];
        for (int j = 2; j <= depth; j++) {
            dPrefix[j] = new DMatrixRMaj(d, d);
        }
        this.dBackA = new DMatrixRMaj(d, d);
        this.dBackB = new DMatrixRMaj(d, d);
    }

    /** Caches T_ℓ = S_ℓᵀE at the current iterate; call after each forward pass, before {@link #apply}. */
    public void prepare() {
        MatrixOps ops = engine.ops();
        DMatrixRMaj t = engine.residual();
        for (int l = depth; l >= 2; l--) {
            ops.multTransA(engine.layer(l), t, back[l - 1]);
            t = back[l - 1];
        }
    }

    private DMatrixRMaj backAt(int l) {
        return l == depth ? engine.residual() : back[l];
    }

    /** out = H·v; v and out hold one d×d block per layer (index ℓ−1). */
    public void apply(DMatrixRMaj[] v, DMatrixRMaj[] out) {
        double c = engine.lossScale();
        MatrixOps ops = engine.ops();
        // forward differential of the prefix products; dPrefix[1] = V_1
        for (int j = 2; j <= depth; j++) {
            DMatrixRMaj dPrev = j == 2 ? v[0] : dPrefix[j - 1];
            ops.mult(v[j - 1], engine.prefixProduct(j - 1), dPrefix[j]);
            ops.multAdd(engine.layer(j), dPrev, dPrefix[j]);
        }
        DMatrixRMaj dT = dPrefix[depth];                   // dT_L = dE
        DMatrixRMaj next = dBackA;
        for (int l = depth; l >= 2; l--) {
            DMatrixRMaj dR = l == 2 ? v[0] : dPrefix[l - 1];   // dR_ℓ = d(W_{ℓ−1}⋯W_1)
            ops.multTransB(c, dT, engine.prefixProduct(l - 1), out[l - 1]);
            ops.multAddTransB(c, backAt(l), dR, out[l - 1]);
            ops.multTransA(v[l - 1], backAt(l), next);
            ops.multAddTransA(engine.layer(l), dT, next);
            dT = next;
            next = (next == dBackA) ? dBackB : dBackA;
        }
        CommonOps_DDRM.scale(c, dT, out[0]);               // (HV)_1 = c·dT_1 (R_1 = I, dR_1 = 0)
    }

    /** Number of parameters, L·d². */
    public int dimension() {
        return depth * d * d;
    }
}
