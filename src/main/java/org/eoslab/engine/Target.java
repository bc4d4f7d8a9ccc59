package org.eoslab.engine;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.eoslab.numerics.RandomMatrices;

/**
 * The target M* = U* Σ* V*ᵀ of rank r (paper eq. 1), with its top-r singular vectors kept for the
 * alignment metrics. Immutable: the accessors return the matrices, which nobody may modify.
 */
public final class Target {
    private final DMatrixRMaj matrix;
    private final DMatrixRMaj left;
    private final DMatrixRMaj right;
    private final double[] singularValues;

    private Target(DMatrixRMaj matrix, DMatrixRMaj left, DMatrixRMaj right, double[] singularValues) {
        this.matrix = matrix;
        this.left = left;
        this.right = right;
        this.singularValues = singularValues;
    }

    /** M* with the given descending singular values and Haar-random U*, V* (V* = U* when symmetric). */
    public static Target random(int d, double[] singularValues, boolean symmetric, Random rng) {
        int r = singularValues.length;
        DMatrixRMaj u = CommonOps_DDRM.extract(RandomMatrices.orthogonal(d, rng), 0, d, 0, r);
        DMatrixRMaj v = symmetric ? u.copy() : CommonOps_DDRM.extract(RandomMatrices.orthogonal(d, rng), 0, d, 0, r);
        DMatrixRMaj us = u.copy();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < r; j++) {
                us.set(i, j, us.get(i, j) * singularValues[j]);
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransB(us, v, m);
        return new Target(m, u, v, singularValues.clone());
    }

    /** A given square matrix; its top-r singular triplets define U*, V*, Σ*. */
    public static Target fromMatrix(double[][] rows, int rank) {
        DMatrixRMaj m = new DMatrixRMaj(rows);
        int d = m.numRows;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, d, true, true, false);
        if (!svd.decompose(m.copy())) {
            throw new IllegalArgumentException("the SVD of the target matrix did not converge");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        double[] s = new double[rank];
        for (int i = 0; i < rank; i++) {
            s[i] = w.get(i, i);
        }
        return new Target(m, CommonOps_DDRM.extract(u, 0, d, 0, rank), CommonOps_DDRM.extract(v, 0, d, 0, rank), s);
    }

    /** Singular values of a square matrix, descending (for reading a target file). */
    public static double[] singularValuesOf(double[][] rows) {
        double[] s = SingularOps_DDRM.singularValues(new DMatrixRMaj(rows));
        java.util.Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    public DMatrixRMaj matrix() { return matrix; }

    /** U*_r, d×r. */
    public DMatrixRMaj left() { return left; }

    /** V*_r, d×r. */
    public DMatrixRMaj right() { return right; }

    public int width() { return matrix.numRows; }

    public int rank() { return singularValues.length; }

    /** σ*_i, 1-based. */
    public double singularValue(int i) { return singularValues[i - 1]; }

    public double[] singularValues() { return singularValues.clone(); }
}
