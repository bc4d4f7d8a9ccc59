package org.eoslab.metrics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The singular bases every layer keeps if Theorem 1 (identity init) or the paper's Conjecture 2 (eq. 11-13,
 * orthogonal inits, Fig. 11) holds: with W_ℓ(0) = α·P_ℓ for ℓ &lt; L, layer ℓ maps the right frame
 * B_ℓ = P_{ℓ−1}⋯P_1·V* onto the left frame A_ℓ = P_ℓ⋯P_1·V*, mode by mode, and W_L maps B_L onto U*. The
 * frames are read off the initial weights (P_ℓ = I for the identity init). The distance of layer ℓ,
 * ‖W_ℓB_ℓ − A_ℓ·diag(A_ℓᵀW_ℓB_ℓ)‖_F / ‖W_ℓB_ℓ‖_F, is 0 exactly when W_ℓ has that decomposition (right
 * vectors, left vectors and no mixing of modes) and grows with any departure. Undefined (NaN) for an init
 * without such frames (Gaussian), and for a layer that is zero.
 */
final class PredictedBases {
    /** α·P_ℓ·B has orthogonal columns of one length; a Gaussian layer is this far from it or more. */
    static final double FRAME_TOLERANCE = 1e-8;

    private final DMatrixRMaj[] left;
    private final DMatrixRMaj[] right;
    private final boolean defined;
    private final DMatrixRMaj mapped;
    private final DMatrixRMaj coupling;

    /** @param initial the initial weights W_1..W_L (index ℓ−1), {@code u}, {@code v}: U*, V* (d×r) */
    PredictedBases(DMatrixRMaj[] initial, DMatrixRMaj u, DMatrixRMaj v) {
        int depth = initial.length;
        int d = v.numRows;
        int r = v.numCols;
        left = new DMatrixRMaj[depth];
        right = new DMatrixRMaj[depth];
        mapped = new DMatrixRMaj(d, r);
        coupling = new DMatrixRMaj(r, r);
        boolean ok = true;
        DMatrixRMaj frame = v.copy();
        for (int l = 0; l < depth; l++) {
            right[l] = frame;
            if (l == depth - 1) {
                left[l] = u.copy();
            } else {
                DMatrixRMaj next = new DMatrixRMaj(d, r);
                CommonOps_DDRM.mult(initial[l], frame, next);
                ok &= normalizeOrthogonalColumns(next);
                left[l] = next;
                frame = next;
            }
        }
        defined = ok;
    }

    /** Scales W·B's columns to unit length; false unless they were orthogonal and of one length (α·P_ℓ). */
    private static boolean normalizeOrthogonalColumns(DMatrixRMaj m) {
        DMatrixRMaj gram = new DMatrixRMaj(m.numCols, m.numCols);
        CommonOps_DDRM.multTransA(m, m, gram);
        double scale = gram.get(0, 0);
        if (!(scale > 0)) return false;
        for (int i = 0; i < m.numCols; i++) {
            for (int j = 0; j < m.numCols; j++) {
                double expected = i == j ? scale : 0;
                if (Math.abs(gram.get(i, j) - expected) > FRAME_TOLERANCE * scale) return false;
            }
        }
        CommonOps_DDRM.scale(1 / Math.sqrt(scale), m);
        return true;
    }

    /**
     * The paper's Fig. 11 distance of layer ℓ (1-based): sin of the largest principal angle between the top-r
     * singular vectors an SVD returned ({@code layerLeft}, {@code layerRight}, d×r orthonormal) and the predicted
     * frames A_ℓ, B_ℓ, the larger of the two sides. NaN where the frames are undefined.
     */
    double svdDistance(int l, DMatrixRMaj layerLeft, DMatrixRMaj layerRight, Subspaces subspaces) {
        if (!defined) return Double.NaN;
        double degrees = Math.max(subspaces.largestAngleDegrees(left[l - 1], layerLeft),
                subspaces.largestAngleDegrees(right[l - 1], layerRight));
        return Math.sin(Math.toRadians(degrees));
    }

    /**
     * The distance of layer ℓ (1-based) with weights {@code w} from its predicted decomposition; the mode values
     * a_ℓᵢᵀ W_ℓ b_ℓᵢ go to {@code modes[i−1]} (NaN where the bases are undefined).
     */
    double distance(int l, DMatrixRMaj w, double[] modes) {
        if (!defined) {
            java.util.Arrays.fill(modes, Double.NaN);
            return Double.NaN;
        }
        DMatrixRMaj a = left[l - 1];
        CommonOps_DDRM.mult(w, right[l - 1], mapped);              // W_ℓ B_ℓ
        CommonOps_DDRM.multTransA(a, mapped, coupling);            // A_ℓᵀ W_ℓ B_ℓ
        for (int j = 0; j < modes.length; j++) modes[j] = coupling.get(j, j);
        double total = 0;
        double residual = 0;
        for (int row = 0; row < mapped.numRows; row++) {
            for (int j = 0; j < mapped.numCols; j++) {
                double x = mapped.get(row, j);
                double off = x - a.get(row, j) * coupling.get(j, j);
                total += x * x;
                residual += off * off;
            }
        }
        return total > 0 ? Math.sqrt(residual / total) : Double.NaN;
    }
}
