package org.eoslab.numerics;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The top singular triplets of an n×n matrix A by warm-started subspace iteration with a Rayleigh-Ritz step,
 * block size b ≥ k + 3, a multiple of 4 (the kernel's row block). One iteration, with bases stored as rows (b×n):
 * <pre>
 *   Q = orth(A V)          Z = Aᵀ Q = W R (QR)        Qᵀ A = Rᵀ Wᵀ,  Rᵀ = Ũ Σ Ṽᵀ (b×b SVD)
 *   U = Q Ũ,  V = W Ṽ,  σ = Σ
 * </pre>
 * Between calls V is kept: GD moves the singular vectors little per step (not at all for the paper's init,
 * Theorem 1), so one iteration usually suffices, about 3·b·n² flops on the fast {@link Kernels} instead of a
 * full SVD's ~20·n³.
 *
 * <p>Accuracy is checked, not assumed: a call ends only when every requested triplet has a residual
 * ‖A v_i − σ_i u_i‖ ≤ 1e-13·σ_1, which bounds the error of σ_i by the same amount; after
 * {@link #MAX_ITERATIONS} it falls back to a full SVD. Rank-deficient matrices (the product has rank r) get
 * directions from a fixed filler basis for their null columns. Buffers are allocated once.
 */
public final class TopSingular {
    public static final double TOLERANCE = 1e-13;
    public static final int MAX_ITERATIONS = 30;
    private static final int OVERSAMPLING = 3;

    private final int n;
    private final int k;
    private final int b;
    private final double[][] aRows;   // A and Aᵀ packed for the kernel, one array per row
    private final double[][] atRows;
    private final double[][] blockRows; // Qᵀ or Wᵀ (b × n) packed
    private final double[] vt;        // Vᵀ, b×n: right vectors as rows, kept between calls
    private final double[] yt;        // (A V)ᵀ
    private final double[] qt;        // Qᵀ
    private final double[] zt;        // Zᵀ = Qᵀ A, then Wᵀ after the QR
    private final double[] ut;        // Uᵀ
    private final double[] filler;    // fixed orthonormal rows for null directions
    private final DMatrixRMaj r;      // R of Z = W R, b×b
    private final DMatrixRMaj rt;     // Rᵀ for the SVD (may be overwritten by it)
    private final DMatrixRMaj smallU;
    private final DMatrixRMaj smallV;
    private final double[] smallUt;   // Ũᵀ, b×b
    private final double[] smallVt;   // Ṽᵀ, b×b
    private final double[] values;
    private final double[][] scratch;
    private final SingularValueDecomposition_F64<DMatrixRMaj> smallSvd;
    private final SingularSpectrum fallback;
    private boolean warm;
    private int lastIterations;
    private long fallbacks;

    /** @param k the number of triplets needed (accurate to the tolerance) */
    public TopSingular(int n, int k) {
        this.n = n;
        this.k = Math.min(k, n);
        this.b = Math.min(n, (this.k + OVERSAMPLING + 3) / 4 * 4);
        this.aRows = new double[n][n];
        this.atRows = new double[n][n];
        this.blockRows = new double[b][n];
        this.vt = new double[b * n];
        this.yt = new double[b * n];
        this.qt = new double[b * n];
        this.zt = new double[b * n];
        this.ut = new double[b * n];
        this.filler = new double[b * n];
        Random rng = new Random(12345);
        for (int i = 0; i < filler.length; i++) filler[i] = rng.nextGaussian();
        orthonormalizeRows(filler, null, null);
        this.r = new DMatrixRMaj(b, b);
        this.rt = new DMatrixRMaj(b, b);
        this.smallU = new DMatrixRMaj(b, b);
        this.smallV = new DMatrixRMaj(b, b);
        this.smallUt = new double[b * b];
        this.smallVt = new double[b * b];
        this.values = new double[b];
        this.scratch = Kernels.scratch(n);
        this.smallSvd = DecompositionFactory_DDRM.svd(b, b, true, true, false);
        this.fallback = new SingularSpectrum(n, true);
    }

    /** Computes the top triplets of {@code a} (not modified). */
    public void compute(DMatrixRMaj a) {
        if (!warm) {
            System.arraycopy(filler, 0, vt, 0, vt.length);
            warm = true;
        }
        Kernels.packRows(a.data, n, n, aRows);
        Kernels.packTransposedRows(a.data, n, n, atRows);
        Kernels.multRows(vt, atRows, yt, n, n, 1.0, false, 0, b, scratch);    // (A V)ᵀ = Vᵀ Aᵀ
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            System.arraycopy(yt, 0, qt, 0, qt.length);
            orthonormalizeRows(qt, null, filler);                               // Q = orth(A V)
            Kernels.multRows(qt, aRows, zt, n, n, 1.0, false, 0, b, scratch);   // Qᵀ A = Zᵀ
            orthonormalizeRows(zt, r, filler);                                  // Zᵀ = Rᵀ Wᵀ, zt ← Wᵀ
            if (!rayleighRitz()) break;
            Kernels.multRows(vt, atRows, yt, n, n, 1.0, false, 0, b, scratch);  // A V: residual, next iteration
            if (converged()) {
                lastIterations = it;
                return;
            }
        }
        fullSvd(a);
    }

    /** Rᵀ = Ũ Σ Ṽᵀ; Uᵀ = Ũᵀ Qᵀ, Vᵀ = Ṽᵀ Wᵀ, σ descending. False if the small SVD fails. */
    private boolean rayleighRitz() {
        for (int i = 0; i < b; i++) for (int j = 0; j < b; j++) rt.set(i, j, r.get(j, i));
        if (!smallSvd.decompose(rt)) return false;
        smallSvd.getU(smallU, false);
        smallSvd.getV(smallV, false);
        System.arraycopy(smallSvd.getSingularValues(), 0, values, 0, b);
        SingularOps_DDRM.descendingOrder(smallU, false, values, b, smallV, false);
        Kernels.transpose(smallU.data, smallUt, b);
        Kernels.transpose(smallV.data, smallVt, b);
        Kernels.packRows(qt, b, n, blockRows);
        Kernels.multRows(smallUt, blockRows, ut, b, n, 1.0, false, 0, b, scratch);
        Kernels.packRows(zt, b, n, blockRows);
        Kernels.multRows(smallVt, blockRows, vt, b, n, 1.0, false, 0, b, scratch);
        return true;
    }

    private boolean converged() {
        double top = values[0];
        if (top == 0) return true;
        for (int i = 0; i < k; i++) {
            double r2 = 0;
            int row = i * n;
            for (int c = 0; c < n; c++) {
                double e = yt[row + c] - values[i] * ut[row + c];
                r2 += e * e;
            }
            if (Math.sqrt(r2) > TOLERANCE * top) return false;
        }
        return true;
    }

    private void fullSvd(DMatrixRMaj a) {
        fallbacks++;
        lastIterations = MAX_ITERATIONS + 1;
        fallback.compute(a);
        for (int i = 0; i < b; i++) {
            values[i] = fallback.value(i + 1);
            for (int c = 0; c < n; c++) {
                ut[i * n + c] = fallback.left().get(c, i);
                vt[i * n + c] = fallback.right().get(c, i);
            }
        }
    }

    /**
     * Modified Gram-Schmidt on the b rows of m (twice per row). With {@code coefficients}, records R such that
     * the old rows are Σ_p R[p][j]·new_p. A row that vanishes (rank deficiency) takes the next filler row
     * instead, orthogonalized; its small norm is kept as R[j][j].
     */
    private void orthonormalizeRows(double[] m, DMatrixRMaj coefficients, double[] fill) {
        if (coefficients != null) coefficients.zero();
        double largest = 0;
        for (int j = 0; j < b; j++) largest = Math.max(largest, rowNorm(m, j));
        int nextFill = 0;
        for (int j = 0; j < b; j++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < j; p++) {
                    double dot = dot(m, p, m, j);
                    axpy(-dot, m, p, m, j);
                    if (coefficients != null) coefficients.add(p, j, dot);
                }
            }
            double norm = rowNorm(m, j);
            if (coefficients != null) coefficients.set(j, j, norm);
            if (fill != null && norm <= 1e-12 * largest || norm == 0) {
                if (fill == null) throw new IllegalStateException("dependent rows without a filler basis");
                do {
                    System.arraycopy(fill, (nextFill++ % b) * n, m, j * n, n);
                    for (int pass = 0; pass < 2; pass++) {
                        for (int p = 0; p < j; p++) axpy(-dot(m, p, m, j), m, p, m, j);
                    }
                } while (rowNorm(m, j) < 0.5 && nextFill < 4 * b);
                norm = rowNorm(m, j);
            }
            double inv = 1.0 / norm;
            for (int c = j * n; c < (j + 1) * n; c++) m[c] *= inv;
        }
    }

    private double rowNorm(double[] m, int j) {
        return Math.sqrt(dot(m, j, m, j));
    }

    /** Row i of x · row j of y. */
    private double dot(double[] x, int i, double[] y, int j) {
        return Vectors.dot(x, i * n, y, j * n, n);
    }

    /** y_j += f·x_i (rows). */
    private void axpy(double f, double[] x, int i, double[] y, int j) {
        int xi = i * n;
        int yj = j * n;
        for (int c = 0; c < n; c++) y[yj + c] += f * x[xi + c];
    }

    /** σ_i, 1-based, i ≤ block size; accurate to the tolerance for i ≤ k. */
    public double value(int i) { return values[i - 1]; }

    /** The first r left singular vectors as the columns of out (n×r). */
    public void copyLeft(int count, DMatrixRMaj out) {
        copyColumns(ut, count, out);
    }

    /** The first r right singular vectors as the columns of out (n×r). */
    public void copyRight(int count, DMatrixRMaj out) {
        copyColumns(vt, count, out);
    }

    private void copyColumns(double[] rows, int count, DMatrixRMaj out) {
        for (int j = 0; j < count; j++) {
            for (int c = 0; c < n; c++) out.set(c, j, rows[j * n + c]);
        }
    }

    /** Iterations of the last call (MAX_ITERATIONS + 1 when it fell back to a full SVD). */
    public int lastIterations() { return lastIterations; }

    public long fallbacks() { return fallbacks; }

}
