package org.eoslab.numerics;

import dev.ludovic.netlib.lapack.LAPACK;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The k largest and k smallest singular values of a rows × cols matrix W and its top-k left singular vectors,
 * from the symmetric eigen-decomposition of the Gram matrix of its short side (m = min(rows, cols)):
 * <pre>
 *   G = W Wᵀ (rows ≤ cols): G = U Σ² Uᵀ, the eigenvectors are the left singular vectors
 *   G = WᵀW  (rows &gt; cols): G = V Σ² Vᵀ, and U_k = W V_k Σ_k⁻¹
 * </pre>
 * With a native LAPACK ({@link NativeBlas}) only the 2k wanted eigenvalues and the k top eigenvectors are
 * computed (dsyevr, relatively robust representations); without one, EJML's full symmetric decomposition,
 * about half a full SVD of W. Squaring costs accuracy only at the
 * bottom: σ_min is exact to about ε·σ_1²/σ_min (for the MLP's σ_min ≈ 1e-3, σ_1 ≈ 2: 1e-12, a relative 1e-9),
 * far below anything plotted. Buffers are allocated once (EJML's decomposition keeps a few small ones of its own).
 */
public final class GramSpectrum {
    private final int rows;
    private final int cols;
    private final int m;
    private final int k;
    private final boolean wide;
    private final RectOps ops;
    private final DMatrixRMaj gram;
    private final EigenDecomposition_F64<DMatrixRMaj> eig;
    private final int[] order;
    private final double[] top;
    private final double[] bottom;
    private final DMatrixRMaj left;
    private final LAPACK lapack;          // null: EJML
    private final double[] upper;         // a copy of G for dsyevr, which overwrites its input
    private final double[] w;
    private final double[] z;             // the top-k eigenvectors, column-major m × k (m × m for dsyevr's checks)
    private final int[] support;
    private final double[] work;
    private final int[] iwork;
    private final org.netlib.util.intW found = new org.netlib.util.intW(0);
    private final org.netlib.util.intW info = new org.netlib.util.intW(0);

    public GramSpectrum(int rows, int cols, int k, RectOps ops) {
        this(rows, cols, k, ops, NativeBlas.lapack());
    }

    /** With an explicit LAPACK (null: EJML), for tests of both paths. */
    GramSpectrum(int rows, int cols, int k, RectOps ops, LAPACK lapack) {
        this.rows = rows;
        this.cols = cols;
        this.m = Math.min(rows, cols);
        this.k = Math.min(k, m);
        this.wide = rows <= cols;
        this.ops = ops;
        this.gram = new DMatrixRMaj(m, m);
        this.eig = DecompositionFactory_DDRM.eig(m, true, true);
        this.order = new int[m];
        this.top = new double[this.k];
        this.bottom = new double[this.k];
        this.left = new DMatrixRMaj(rows, this.k);
        this.lapack = lapack;
        boolean nat = lapack != null;
        this.upper = nat ? new double[m * m] : null;
        this.w = nat ? new double[m] : null;
        this.z = nat ? new double[m * m] : null;
        this.support = nat ? new int[2 * m] : null;
        this.work = nat ? new double[26 * m] : null;
        this.iwork = nat ? new int[10 * m] : null;
    }

    /** Measures W (flat, row-major rows × cols). */
    public void update(double[] w) {
        if (wide) ops.multTransB(w, rows, cols, w, rows, gram.data, 1.0, false);   // G = W Wᵀ
        else ops.multTransA(w, rows, cols, w, cols, gram.data, 1.0, false);        // G = WᵀW
        if (lapack != null) {
            selectedNative();
        } else {
            allEjml();
        }
        leftVectors(w);
    }

    /** dsyevr twice: the k largest with vectors, the k smallest without (ascending order from LAPACK). */
    private void selectedNative() {
        System.arraycopy(gram.data, 0, upper, 0, m * m);
        lapack.dsyevr("V", "I", "U", m, upper, m, 0, 0, m - k + 1, m, 0.0, found, this.w, z, m, support,
                work, work.length, iwork, iwork.length, info);
        check();
        for (int j = 0; j < k; j++) top[j] = Math.sqrt(Math.max(this.w[k - 1 - j], 0));
        if (wide) {                                        // z's column k−1−j is the j-th largest: U's column j
            for (int j = 0; j < k; j++) {
                int from = (k - 1 - j) * m;
                for (int i = 0; i < m; i++) left.data[i * k + j] = z[from + i];
            }
        }
        System.arraycopy(gram.data, 0, upper, 0, m * m);
        lapack.dsyevr("N", "I", "U", m, upper, m, 0, 0, 1, k, 0.0, found, this.w, z, m, support,
                work, work.length, iwork, iwork.length, info);
        check();
        for (int j = 0; j < k; j++) bottom[j] = Math.sqrt(Math.max(this.w[j], 0));
    }

    private void check() {
        if (info.val != 0 || found.val != k) {
            throw new IllegalStateException("dsyevr on the Gram matrix failed: info " + info.val + ", found " + found.val);
        }
    }

    private void allEjml() {
        if (!eig.decompose(gram)) throw new IllegalStateException("eigen-decomposition of the Gram matrix failed");
        sortDescending();
        for (int j = 0; j < k; j++) {
            top[j] = Math.sqrt(Math.max(eig.getEigenvalue(order[j]).real, 0));
            bottom[j] = Math.sqrt(Math.max(eig.getEigenvalue(order[m - 1 - j]).real, 0));
        }
    }

    private void sortDescending() {
        for (int i = 0; i < m; i++) order[i] = i;
        for (int i = 1; i < m; i++) {                       // insertion sort: m ≤ a few thousand, once per call
            int o = order[i];
            double v = eig.getEigenvalue(o).real;
            int j = i - 1;
            while (j >= 0 && eig.getEigenvalue(order[j]).real < v) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = o;
        }
    }

    /** The j-th (0-based) top eigenvector's entry i. */
    private double eigenvector(int j, int i) {
        return lapack != null ? z[(k - 1 - j) * m + i] : eig.getEigenVector(order[j]).get(i, 0);
    }

    /** U_k: the eigenvectors themselves when G = W Wᵀ, else W V_k Σ_k⁻¹. */
    private void leftVectors(double[] w) {
        if (wide && lapack != null) return;                // already in place (selectedNative)
        if (!wide) vectorsTimesW(w);
        else for (int j = 0; j < k; j++) for (int i = 0; i < rows; i++) left.set(i, j, eigenvector(j, i));
    }

    /** U_k = W V_k Σ_k⁻¹ for a tall W (G = WᵀW). */
    private void vectorsTimesW(double[] w) {
        for (int j = 0; j < k; j++) {
            double inv = top[j] > 0 ? 1.0 / top[j] : 0;
            for (int i = 0; i < rows; i++) {
                double s = 0;
                for (int c = 0; c < cols; c++) s += w[i * cols + c] * eigenvector(j, c);
                left.set(i, j, s * inv);
            }
        }
    }

    /** σ_j from the top, j = 1..k. */
    public double top(int j) { return top[j - 1]; }

    /** σ_j from the bottom (j = 1 the smallest), j = 1..k. */
    public double bottom(int j) { return bottom[j - 1]; }

    /** The top-k left singular vectors (rows × k), valid until the next update. */
    public DMatrixRMaj topLeftVectors() { return left; }

    public int k() { return k; }
}
