package org.eoslab.metrics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.eoslab.engine.DenseEngine;
import org.eoslab.engine.HessianTrace;
import org.eoslab.engine.Target;
import org.eoslab.numerics.TopSingular;

/**
 * Every per-step measurement of the dense engine: singular values of P and of each layer, P's alignment
 * with U*, V*, per-layer subspace distance (paper eq. 8), balancedness gaps (paper Fig. 4), mode values
 * u*_iᵀPv*_i, the Hessian trace and each layer's distance from its predicted bases. Singular triplets come from warm-started subspace iteration
 * ({@link TopSingular}: top max(k, r+1), residual-checked, full SVD as fallback). Buffers are allocated once.
 */
public final class DenseProbe implements Probe {
    /** A top-r subspace counts as defined only if σ_r − σ_{r+1} exceeds this fraction of σ_1. */
    static final double DEGENERATE_GAP = 1e-9;

    private final DenseEngine engine;
    private final Columns columns;
    private final int d;
    private final int r;
    private final int depth;
    private final TopSingular productSpectrum;
    private final TopSingular[] layerSpectra;
    private final SubspaceTrail[] trails;          // U_r of each layer, step to step
    private final DMatrixRMaj productLeft;
    private final DMatrixRMaj productRight;
    private final DMatrixRMaj layerLeft;           // an SVD's top-r vectors of one layer, for Fig. 11's distance
    private final DMatrixRMaj layerRight;
    private final DMatrixRMaj productTimesRight;   // P V*_r, d×r
    private final DMatrixRMaj modeCoupling;        // U*_rᵀ P V*_r, r×r
    private final Subspaces subspaces;
    private final HessianTrace trace;
    private final PredictedBases bases;
    private final double[] layerModes;

    /** Built on the engine's initial weights: they define the bases of Theorem 1 / Conjecture 2. */
    public DenseProbe(DenseEngine engine, Columns columns) {
        this.engine = engine;
        this.columns = columns;
        this.d = engine.width();
        this.r = engine.target().rank();
        this.depth = engine.depth();
        int needed = Math.min(d, Math.max(columns.top(), r + 1));
        this.productSpectrum = new TopSingular(d, needed);
        this.layerSpectra = new TopSingular[depth];
        this.trails = new SubspaceTrail[depth];
        for (int l = 0; l < depth; l++) {
            layerSpectra[l] = new TopSingular(d, needed);
            trails[l] = new SubspaceTrail(d, r);
        }
        this.productLeft = new DMatrixRMaj(d, r);
        this.productRight = new DMatrixRMaj(d, r);
        this.layerLeft = new DMatrixRMaj(d, r);
        this.layerRight = new DMatrixRMaj(d, r);
        this.productTimesRight = new DMatrixRMaj(d, r);
        this.modeCoupling = new DMatrixRMaj(r, r);
        this.subspaces = new Subspaces(d, r);
        this.trace = new HessianTrace(engine);
        DMatrixRMaj[] initial = new DMatrixRMaj[depth];
        for (int l = 1; l <= depth; l++) initial[l - 1] = engine.layer(l);
        this.bases = new PredictedBases(initial, engine.target().left(), engine.target().right());
        this.layerModes = new double[r];
    }

    @Override
    public void measure(long step, double[] row) {
        TopSingular p = productSpectrum;
        p.compute(engine.product());
        for (int i = 1; i <= columns.top(); i++) row[columns.sigma(i)] = p.value(i);
        measureAlignment(row);
        measureModes(row);
        for (int l = 1; l <= depth; l++) measureLayer(l, row);
        row[columns.hessianTrace()] = trace.compute();
        for (int l = 1; l <= depth; l++) {
            row[columns.basisDistance(l)] = bases.distance(l, engine.layer(l), layerModes);
            for (int i = 1; i <= r; i++) row[columns.layerMode(l, i)] = layerModes[i - 1];
        }
        measureBalance(row);
    }

    @Override
    public void reset() {
        for (SubspaceTrail t : trails) t.forget();
    }

    private void measureAlignment(double[] row) {
        Target t = engine.target();
        if (!topSubspaceDefined(productSpectrum)) {
            row[columns.angleLeft()] = Double.NaN;
            row[columns.angleRight()] = Double.NaN;
            return;
        }
        productSpectrum.copyLeft(r, productLeft);
        productSpectrum.copyRight(r, productRight);
        row[columns.angleLeft()] = subspaces.largestAngleDegrees(t.left(), productLeft);
        row[columns.angleRight()] = subspaces.largestAngleDegrees(t.right(), productRight);
    }

    /** B = U*ᵀPV*: its diagonal u*_iᵀPv*_i are the mode values, its off-diagonal part the mixing. */
    private void measureModes(double[] row) {
        Target t = engine.target();
        CommonOps_DDRM.mult(engine.product(), t.right(), productTimesRight);
        CommonOps_DDRM.multTransA(t.left(), productTimesRight, modeCoupling);
        double diagonal = 0;
        double offDiagonal = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                double b = modeCoupling.get(i, j);
                if (i == j) diagonal += b * b; else offDiagonal += b * b;
            }
            row[columns.mode(i + 1)] = modeCoupling.get(i, i);
        }
        double total = diagonal + offDiagonal;
        row[columns.modeMixing()] = total > 0 ? Math.sqrt(offDiagonal / total) : Double.NaN;
    }

    private void measureLayer(int l, double[] row) {
        TopSingular s = layerSpectra[l - 1];
        s.compute(engine.layer(l));
        for (int j = 1; j <= columns.top(); j++) row[columns.layerSigma(l, j)] = s.value(j);
        boolean defined = topSubspaceDefined(s);
        SubspaceTrail trail = trails[l - 1];
        if (defined) s.copyLeft(r, trail.basis());
        row[columns.subspaceDistance(l)] = trail.step(defined, true);      // the dense run measures every step
        measureSvdBases(l, s, row);
    }

    /** Fig. 11's distance of layer ℓ's SVD vectors from the predicted frames; NaN for a zero layer. */
    private void measureSvdBases(int l, TopSingular s, double[] row) {
        if (!(s.value(1) > 0)) {
            row[columns.svdBasisDistance(l)] = Double.NaN;
            return;
        }
        s.copyLeft(r, layerLeft);
        s.copyRight(r, layerRight);
        row[columns.svdBasisDistance(l)] = bases.svdDistance(l, layerLeft, layerRight, subspaces);
    }

    /**
     * max over ℓ &lt; L of |σ_i(W_L)² − σ_i(W_ℓ)²|, mode by mode (Fig. 4): σ_i(W_ℓ) is layer ℓ's value on mode i's
     * own bases (the layerℓ_mode_i column) where Theorem 1 or Conjecture 2 gives them, as the reduced recursion
     * measures it. Sorted singular values mixed the modes: on σ₁'s low branch "mode 1" read mode 2's gap, every other
     * step. Without such bases (a Gaussian init) the i-th largest singular value of each layer stands in.
     */
    private void measureBalance(double[] row) {
        for (int i = 1; i <= r; i++) {
            double last = layerValue(row, depth, i);
            double gap = 0;
            for (int l = 1; l < depth; l++) {
                double v = layerValue(row, l, i);
                gap = Math.max(gap, Math.abs(last * last - v * v));
            }
            row[columns.balanceGap(i)] = gap;
        }
    }

    private double layerValue(double[] row, int l, int i) {
        double mode = row[columns.layerMode(l, i)];
        return Double.isNaN(mode) ? layerSpectra[l - 1].value(i) : mode;
    }

    private boolean topSubspaceDefined(TopSingular s) {
        double next = r < d ? s.value(r + 1) : 0.0;
        return s.value(1) > 0 && s.value(r) - next > DEGENERATE_GAP * s.value(1);
    }
}
