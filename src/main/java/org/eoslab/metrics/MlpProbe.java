package org.eoslab.metrics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.eoslab.engine.mlp.Mlp;

/**
 * The MLP's measurements: accuracy every step; each layer's top and bottom singular values and the eq. 8
 * distance between the top-K left singular subspaces of consecutive steps, on steps t and t+1 for t a multiple
 * of {@code every} (a full SVD per layer is too dear for every step). Buffers are allocated once.
 */
public final class MlpProbe {
    private final Mlp mlp;
    private final MlpColumns columns;
    private final int every;
    private final SingularValueDecomposition_F64<DMatrixRMaj>[] svd;
    private final DMatrixRMaj[] input;
    private final DMatrixRMaj[] u;
    private final DMatrixRMaj[] basis;
    private final DMatrixRMaj[] previous;
    private final boolean[] previousAt;
    private final Subspaces[] subspaces;
    private long previousStep = -2;

    @SuppressWarnings("unchecked")
    public MlpProbe(Mlp mlp, MlpColumns columns, int every) {
        this.mlp = mlp;
        this.columns = columns;
        this.every = every;
        int depth = mlp.depth();
        this.svd = new SingularValueDecomposition_F64[depth];
        this.input = new DMatrixRMaj[depth];
        this.u = new DMatrixRMaj[depth];
        this.basis = new DMatrixRMaj[depth];
        this.previous = new DMatrixRMaj[depth];
        this.previousAt = new boolean[depth];
        this.subspaces = new Subspaces[depth];
        for (int l = 1; l <= depth; l++) {
            int rows = mlp.rows(l), cols = mlp.cols(l);
            int k = Math.min(MlpColumns.K, Math.min(rows, cols));
            svd[l - 1] = DecompositionFactory_DDRM.svd(rows, cols, true, false, true);
            input[l - 1] = new DMatrixRMaj(rows, cols);
            u[l - 1] = new DMatrixRMaj(rows, Math.min(rows, cols));
            basis[l - 1] = new DMatrixRMaj(rows, k);
            previous[l - 1] = new DMatrixRMaj(rows, k);
            subspaces[l - 1] = new Subspaces(rows, k);
        }
    }

    /** Fills accuracy and, on measured steps, the layer columns of {@code row} for step {@code step}. */
    public void measure(long step, double[] row) {
        row[MlpColumns.ACCURACY] = mlp.accuracy();
        boolean measured = step % every == 0 || step % every == 1;
        if (!measured) return;
        boolean consecutive = previousStep == step - 1;
        for (int l = 1; l <= mlp.depth(); l++) measureLayer(l, row, consecutive);
        previousStep = step;
    }

    private void measureLayer(int l, double[] row, boolean consecutive) {
        int rows = mlp.rows(l), cols = mlp.cols(l);
        DMatrixRMaj m = input[l - 1];
        System.arraycopy(mlp.layer(l), 0, m.data, 0, rows * cols);
        var s = svd[l - 1];
        if (!s.decompose(m)) return;
        int count = Math.min(rows, cols);
        double[] values = s.getSingularValues();
        DMatrixRMaj left = s.getU(u[l - 1], false);
        SingularOps_DDRM.descendingOrder(left, false, values, count, null, false);
        for (int j = 1; j <= MlpColumns.K && j <= count; j++) {
            row[columns.top(l, j)] = values[j - 1];
            row[columns.bottom(l, j)] = values[count - j];
        }
        DMatrixRMaj current = basis[l - 1];
        int k = current.numCols;
        for (int i = 0; i < rows; i++) for (int j = 0; j < k; j++) current.set(i, j, left.get(i, j));
        row[columns.subspaceDistance(l)] = consecutive && previousAt[l - 1]
                ? subspaces[l - 1].distance(previous[l - 1], current) : Double.NaN;
        basis[l - 1] = previous[l - 1];
        previous[l - 1] = current;
        previousAt[l - 1] = true;
    }
}
