package org.eoslab.metrics;

import org.eoslab.engine.mlp.Mlp;
import org.eoslab.numerics.RectOps;
import org.eoslab.numerics.GramSpectrum;

/**
 * The MLP's measurements: accuracy every step; each layer's top and bottom singular values and the eq. 8
 * distance between the top-K left singular subspaces of consecutive steps, on steps t and t+1 for t a multiple
 * of {@code every}, from the eigen-decomposition of each layer's Gram matrix ({@link GramSpectrum}, cheaper than
 * an SVD of the layer). Buffers are allocated once.
 */
public final class MlpProbe implements Probe {
    private final Mlp mlp;
    private final MlpColumns columns;
    private final int every;
    private final GramSpectrum[] extremes;
    private final SubspaceTrail[] trails;
    private long previousStep = -2;

    public MlpProbe(Mlp mlp, MlpColumns columns, int every) {
        this.mlp = mlp;
        this.columns = columns;
        this.every = every;
        int depth = mlp.depth();
        this.extremes = new GramSpectrum[depth];
        this.trails = new SubspaceTrail[depth];
        RectOps ops = RectOps.fastest(true);
        for (int l = 1; l <= depth; l++) {
            int rows = mlp.rows(l), cols = mlp.cols(l);
            extremes[l - 1] = new GramSpectrum(rows, cols, MlpColumns.K, ops);
            trails[l - 1] = new SubspaceTrail(rows, extremes[l - 1].k());
        }
    }

    /** Fills accuracy and, on measured steps, the layer columns of {@code row} for step {@code step}. */
    @Override
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
        SubspaceTrail trail = trails[l - 1];
        if (!e.update(mlp.layer(l))) {                  // overflowing weights: not measured (NaN), the run goes on
            trail.forget();                             // to its end, which the loss or a dead layer will show
            return;
        }
        for (int j = 1; j <= e.k(); j++) {
            row[columns.top(l, j)] = e.top(j);
            row[columns.bottom(l, j)] = e.bottom(j);
        }
        trail.basis().setTo(e.topLeftVectors());
        row[columns.subspaceDistance(l)] = trail.step(true, consecutive);
    }
}
