package org.eoslab.metrics;

import org.ejml.data.DMatrixRMaj;
import org.eoslab.engine.mlp.Mlp;
import org.eoslab.numerics.RectOps;
import org.eoslab.numerics.GramSpectrum;

/**
 * The MLP's measurements: accuracy every step; each layer's top and bottom singular values and the eq. 8
 * distance between the top-K left singular subspaces of consecutive steps, on steps t and t+1 for t a multiple
 * of {@code every}, from the eigen-decomposition of each layer's Gram matrix ({@link GramSpectrum}, cheaper than
 * an SVD of the layer). Buffers are allocated once.
 */
public final class MlpProbe {
    private final Mlp mlp;
    private final MlpColumns columns;
    private final int every;
    private final GramSpectrum[] extremes;
    private final DMatrixRMaj[] basis;
    private final DMatrixRMaj[] previous;
    private final boolean[] previousAt;
    private final Subspaces[] subspaces;
    private long previousStep = -2;

    public MlpProbe(Mlp mlp, MlpColumns columns, int every) {
        this.mlp = mlp;
        this.columns = columns;
        this.every = every;
        int depth = mlp.depth();
        this.extremes = new GramSpectrum[depth];
        this.basis = new DMatrixRMaj[depth];
        this.previous = new DMatrixRMaj[depth];
        this.previousAt = new boolean[depth];
        this.subspaces = new Subspaces[depth];
        RectOps ops = RectOps.fastest(true);
        for (int l = 1; l <= depth; l++) {
            int rows = mlp.rows(l), cols = mlp.cols(l);
            extremes[l - 1] = new GramSpectrum(rows, cols, MlpColumns.K, ops);
            int k = extremes[l - 1].k();
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
        GramSpectrum e = extremes[l - 1];
        if (!e.update(mlp.layer(l))) {                  // overflowing weights: not measured (NaN), the run goes on
            previousAt[l - 1] = false;                  // to its divergence, which the loss will show
            return;
        }
        for (int j = 1; j <= e.k(); j++) {
            row[columns.top(l, j)] = e.top(j);
            row[columns.bottom(l, j)] = e.bottom(j);
        }
        DMatrixRMaj current = basis[l - 1];
        current.setTo(e.topLeftVectors());
        row[columns.subspaceDistance(l)] = consecutive && previousAt[l - 1]
                ? subspaces[l - 1].distance(previous[l - 1], current) : Double.NaN;
        basis[l - 1] = previous[l - 1];
        previous[l - 1] = current;
        previousAt[l - 1] = true;
    }
}
