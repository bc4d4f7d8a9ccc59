package org.eoslab.numerics;

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
 * The Gram product runs on the fast {@link RectOps} kernels and the symmetric decomposition costs about half a
 * full SVD of W, so a 200 × 784 layer takes a third of the SVD's time. Squaring costs accuracy only at the
 * bottom: σ_min is exact to about ε·σ_1²/σ_min (1e-13 relative for the MLP's σ_min ≈ 1e-3, σ_1 ≈ 2), far
 * below anything plotted. Buffers are allocated once (EJML's decomposition keeps a few small ones of its own).
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

    public GramSpectrum(int rows, int cols, int k, RectOps ops) {
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
    }

    /** Measures W (flat, row-major rows × cols). */
    public void update(double[] w) {
        if (wide) ops.multTransB(w, rows, cols, w, rows, gram.data, 1.0, false);   // G = W Wᵀ
        else ops.multTransA(w, rows, cols, w, cols, gram.data, 1.0, false);        // G = WᵀW
        if (!eig.decompose(gram)) throw new IllegalStateException("eigen-decomposition of the Gram matrix failed");
        sortDescending();
        for (int j = 0; j < k; j++) {
            top[j] = Math.sqrt(Math.max(eig.getEigenvalue(order[j]).real, 0));
            bottom[j] = Math.sqrt(Math.max(eig.getEigenvalue(order[m - 1 - j]).real, 0));
        }
        leftVectors(w);
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

    /** U_k: the eigenvectors themselves when G = W Wᵀ, else W V_k Σ_k⁻¹. */
    private void leftVectors(double[] w) {
        for (int j = 0; j < k; j++) {
            DMatrixRMaj v = eig.getEigenVector(order[j]);
            if (wide) {
                for (int i = 0; i < rows; i++) left.set(i, j, v.get(i, 0));
                continue;
            }
            double inv = top[j] > 0 ? 1.0 / top[j] : 0;
            for (int i = 0; i < rows; i++) {
                double s = 0;
                for (int c = 0; c < cols; c++) s += w[i * cols + c] * v.get(c, 0);
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
