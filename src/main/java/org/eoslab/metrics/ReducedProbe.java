package org.eoslab.metrics;

import java.util.Arrays;
import org.eoslab.engine.ReducedDynamics;

/**
 * Measurements of the Theorem-1 recursion in the same columns as the dense engine. In the invariant bases
 * every layer is diagonal: layer L holds (w_{i,L}, 0, …, 0), inner layers (w_{i,ℓ}, α, …, α) and the
 * product (p_i, 0, …, 0), so singular values, gaps and the Hessian trace follow exactly. Angles and
 * subspace distances need singular vectors, which this engine does not have: they stay NaN.
 */
public final class ReducedProbe implements Probe {
    private final ReducedDynamics engine;
    private final Columns columns;
    private final int r;
    private final int d;
    private final int depth;
    private final double[] sorted;

    public ReducedProbe(ReducedDynamics engine, Columns columns) {
        this.engine = engine;
        this.columns = columns;
        this.r = engine.rank();
        this.d = engine.width();
        this.depth = engine.depth();
        this.sorted = new double[r];
    }

    @Override
    public void measure(long step, double[] row) {
        for (int i = 1; i <= r; i++) sorted[i - 1] = Math.abs(engine.modeProduct(i));
        writeDescending(row, columns::sigma, 0.0);
        for (int i = 1; i <= r; i++) row[columns.mode(i)] = engine.modeProduct(i);
        for (int l = 1; l <= depth; l++) {
            final int layer = l;
            for (int i = 1; i <= r; i++) sorted[i - 1] = Math.abs(engine.modeWeight(i, l));
            writeDescending(row, j -> columns.layerSigma(layer, j), l == depth ? 0.0 : engine.alpha());
        }
        for (int i = 1; i <= r; i++) {
            double top = engine.modeWeight(i, depth) * engine.modeWeight(i, depth);
            double gap = 0;
            for (int l = 1; l < depth; l++) {
                double v = engine.modeWeight(i, l);
                gap = Math.max(gap, Math.abs(top - v * v));
            }
            row[columns.balanceGap(i)] = gap;
        }
        row[columns.hessianTrace()] = hessianTrace();
        for (int l = 1; l <= depth; l++) {
            row[columns.basisDistance(l)] = layerIsZero(l) ? Double.NaN : 0.0;
            for (int i = 1; i <= r; i++) row[columns.layerMode(l, i)] = engine.modeWeight(i, l);
        }
    }

    /** The recursion keeps every layer in Theorem 1's bases exactly; only a zero layer has no distance. */
    private boolean layerIsZero(int l) {
        for (int i = 1; i <= r; i++) if (engine.modeWeight(i, l) != 0) return false;
        return true;
    }

    /** Top `top` values of {sorted modes} ∪ {residual × (d − r)}, descending. */
    private void writeDescending(double[] row, java.util.function.IntUnaryOperator column, double residual) {
        Arrays.sort(sorted);
        int next = r - 1;
        boolean residualLeft = d > r;
        for (int j = 1; j <= columns.top(); j++) {
            double v;
            if (next >= 0 && (!residualLeft || sorted[next] >= residual)) {
                v = sorted[next--];
            } else {
                v = residual;
            }
            row[column.applyAsInt(j)] = v;
        }
    }

    /**
     * tr ∇²f = c·Σ_ℓ ‖R_ℓ‖_F²‖S_ℓ‖_F² in the diagonal bases. Residual coordinates have R_ℓ = α^{ℓ−1} and
     * S_ℓ = 0 except S_L = I, so they add (d − r)·α^{2(L−1)} for ℓ = L only.
     */
    private double hessianTrace() {
        double sum = 0;
        for (int l = 1; l <= depth; l++) {
            double prefix = 0;
            double suffix = 0;
            for (int i = 1; i <= r; i++) {
                double a = 1;
                double b = 1;
                for (int j = 1; j < l; j++) a *= engine.modeWeight(i, j);
                for (int j = l + 1; j <= depth; j++) b *= engine.modeWeight(i, j);
                prefix += a * a;
                suffix += b * b;
            }
            prefix += (d - r) * Math.pow(engine.alpha(), 2.0 * (l - 1));
            if (l == depth) suffix += d - r;
            sum += prefix * suffix;
        }
        return engine.lossScale() * sum;
    }
}
