package org.eoslab.metrics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Distances between r-dimensional subspaces given by orthonormal d×r bases, computed from the
 * projection residual Z = B − A(AᵀB) so that tiny distances keep their relative accuracy. Buffers
 * are allocated once.
 */
public final class Subspaces {
    private final DMatrixRMaj coefficients;   // AᵀB, r×r
    private final DMatrixRMaj residual;       // Z, d×r
    private final DMatrixRMaj gram;           // ZᵀZ, r×r
    private final EigenDecomposition_F64<DMatrixRMaj> eig;

    public Subspaces(int d, int r) {
        this.coefficients = new DMatrixRMaj(r, r);
        this.residual = new DMatrixRMaj(d, r);
        this.gram = new DMatrixRMaj(r, r);
        this.eig = DecompositionFactory_DDRM.eig(r, false, true);
    }

    private void projectOut(DMatrixRMaj a, DMatrixRMaj b) {
        CommonOps_DDRM.multTransA(a, b, coefficients);
        residual.setTo(b);
        CommonOps_DDRM.multAdd(-1.0, a, coefficients, residual);
    }

    /**
     * Largest principal angle between span(A) and span(B), in degrees: sin θ_max = σ_max(Z).
     */
    public double largestAngleDegrees(DMatrixRMaj a, DMatrixRMaj b) {
        projectOut(a, b);
        CommonOps_DDRM.multTransA(residual, residual, gram);
        if (!eig.decompose(gram)) return Double.NaN;
        double top = 0;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            top = Math.max(top, eig.getEigenvalue(i).real);
        }
        return Math.toDegrees(Math.asin(Math.min(1.0, Math.sqrt(top))));
    }

    /**
     * Paper eq. 8: r − ‖AᵀB‖_F², evaluated as ‖B − A(AᵀB)‖_F² (equal for orthonormal A, B).
     */
    public double distance(DMatrixRMaj a, DMatrixRMaj b) {
        projectOut(a, b);
        double s = 0;
        for (double z : residual.data) s += z * z;
        return s;
    }
}
