package org.eoslab.numerics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** The dense reference the sharpness tests compare against: a Hessian assembled from its exact HVP, and its spectrum. */
public final class ExplicitHessian {
    private ExplicitHessian() {}

    /** H column by column: {@code h.prepare()}, then n Hessian-vector products on the unit vectors. */
    public static DMatrixRMaj of(HessianOperator h) {
        int n = h.dimension();
        h.prepare();
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        double[] e = new double[n];
        double[] column = new double[n];
        for (int k = 0; k < n; k++) {
            java.util.Arrays.fill(e, 0);
            e[k] = 1;
            h.apply(e, column);
            for (int i = 0; i < n; i++) m.set(i, k, column[i]);
        }
        return m;
    }

    /** Eigenvalues of a symmetric matrix (EJML's dense decomposition), ascending. */
    public static double[] eigenvalues(DMatrixRMaj symmetric) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(symmetric.numRows, false, true);
        eig.decompose(symmetric.copy());
        double[] v = new double[symmetric.numRows];
        for (int i = 0; i < v.length; i++) v[i] = eig.getEigenvalue(i).real;
        java.util.Arrays.sort(v);
        return v;
    }

    /** The largest eigenvalue of {@code h}, from its dense spectrum. */
    public static double largestEigenvalue(HessianOperator h) {
        double[] v = eigenvalues(of(h));
        return v[v.length - 1];
    }
}
