package org.eoslab.engine;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.eoslab.config.Init;
import org.eoslab.numerics.RandomMatrices;

/** The starting weights W_1..W_L (index ℓ−1 holds W_ℓ). */
public final class Initialization {
    private Initialization() {}

    public static DMatrixRMaj[] create(Init init, int d, int depth, double alpha, Random rng) {
        DMatrixRMaj[] w = new DMatrixRMaj[depth];
        for (int l = 0; l < depth; l++) {
            boolean last = l == depth - 1;
            w[l] = switch (init) {
                // paper eq. 3: W_L = 0, W_ℓ = αI
                case IDENTITY -> last ? new DMatrixRMaj(d, d) : scaledIdentity(d, alpha);
                // appendix B.1: α·P_ℓ for every layer
                case ORTHOGONAL -> scaled(RandomMatrices.orthogonal(d, rng), alpha);
                // paper eq. 10: W_L = 0, W_ℓ = α·P_ℓ
                case ZERO_ORTHOGONAL -> last ? new DMatrixRMaj(d, d) : scaled(RandomMatrices.orthogonal(d, rng), alpha);
                // appendix B.2, Fig. 14: i.i.d. N(0, α²)
                case GAUSSIAN -> RandomMatrices.gaussian(d, alpha, rng);
            };
        }
        return w;
    }

    private static DMatrixRMaj scaledIdentity(int d, double alpha) {
        DMatrixRMaj m = CommonOps_DDRM.identity(d);
        CommonOps_DDRM.scale(alpha, m);
        return m;
    }

    private static DMatrixRMaj scaled(DMatrixRMaj m, double alpha) {
        CommonOps_DDRM.scale(alpha, m);
        return m;
    }
}
