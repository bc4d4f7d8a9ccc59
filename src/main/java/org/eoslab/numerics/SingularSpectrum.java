package org.eoslab.numerics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Singular values (descending) and, optionally, singular vectors of a d×d matrix, reusing one
 * decomposition and its buffers for every call.
 */
public final class SingularSpectrum {
    private final int d;
    private final boolean vectors;
    private final SingularValueDecomposition_F64<DMatrixRMaj> svd;
    private final DMatrixRMaj input;
    private final DMatrixRMaj u;
    private final DMatrixRMaj v;
    private final double[] values;

    /** @param vectors whether to compute U and V as well as the values */
    public SingularSpectrum(int d, boolean vectors) {
        this.d = d;
        this.vectors = vectors;
        this.svd = DecompositionFactory_DDRM.svd(d, d, vectors, vectors, true);
        this.input = new DMatrixRMaj(d, d);
        this.u = vectors ? new DMatrixRMaj(d, d) : null;
        this.v = vectors ? new DMatrixRMaj(d, d) : null;
        this.values = new double[d];
    }

    /** Decomposes {@code a} (not modified). */
    public void compute(DMatrixRMaj a) {
        input.setTo(a);
        if (!svd.decompose(input)) {
            java.util.Arrays.fill(values, Double.NaN);
            return;
        }
        System.arraycopy(svd.getSingularValues(), 0, values, 0, d);
        if (vectors) {
            svd.getU(u, false);
            svd.getV(v, false);
        }
        SingularOps_DDRM.descendingOrder(u, false, values, d, v, false);
    }

    /** σ_i, 1-based, descending. */
    public double value(int i) { return values[i - 1]; }

    /** Left singular vectors as columns, in the order of {@link #value}. Null without vectors. */
    public DMatrixRMaj left() { return u; }

    /** Right singular vectors as columns. Null without vectors. */
    public DMatrixRMaj right() { return v; }

    public int size() { return d; }
}
