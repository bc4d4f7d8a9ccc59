package org.eoslab.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * tr ∇²f = c·Σ_ℓ ‖R_ℓ‖_F²·‖S_ℓ‖_F² (paper appendix D, math.md "Sharpness"): the Hessian block of W_ℓ
 * alone is c·(R_ℓR_ℓᵀ)⊗(S_ℓᵀS_ℓ). Needs the suffix products S_ℓ = W_L⋯W_{ℓ+1}: L−2 extra products.
 */
public final class HessianTrace {
    private final DenseEngine engine;
    private final DMatrixRMaj suffixA;
    private final DMatrixRMaj suffixB;

    public HessianTrace(DenseEngine engine) {
        this.engine = engine;
        this.suffixA = new DMatrixRMaj(engine.width(), engine.width());
        this.suffixB = new DMatrixRMaj(engine.width(), engine.width());
    }

    /** The trace at the iterate of the engine's last forward pass. */
    public double compute() {
        int depth = engine.depth();
        double d = engine.width();
        double sum = 0;
        // ℓ = L: S_L = I, ‖I‖² = d
        DMatrixRMaj suffix = null;
        for (int l = depth; l >= 1; l--) {
            double prefixNorm2 = l == 1 ? d : squaredNorm(engine.prefixProduct(l - 1));
            double suffixNorm2;
            if (l == depth) {
                suffixNorm2 = d;
            } else if (l == depth - 1) {
                suffix = engine.layer(depth);
                suffixNorm2 = squaredNorm(suffix);
            } else {
                DMatrixRMaj out = suffix == suffixA ? suffixB : suffixA;
                engine.ops().mult(suffix, engine.layer(l + 1), out);     // S_ℓ = S_{ℓ+1} W_{ℓ+1}
                suffix = out;
                suffixNorm2 = squaredNorm(suffix);
            }
            sum += prefixNorm2 * suffixNorm2;
        }
        return engine.lossScale() * sum;
    }

    static double squaredNorm(DMatrixRMaj m) {
        double s = 0;
        for (int i = 0; i < m.data.length; i++) {
            s += m.data[i] * m.data[i];
        }
        return s;
    }
}
