package org.eoslab.numerics;

import java.util.function.IntToDoubleFunction;
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
 * With a native LAPACK ({@link NativeBlas}) G is reduced to tridiagonal form once (dsytrd, the only O(m³)
 * part), the 2k wanted eigenvalues are found on it by bisection (dstebz) and the k top eigenvectors by inverse
 * iteration (dstein), taken back to G's basis by the reduction's reflectors (dormtr): one reduction, where two
 * dsyevr calls (top and bottom) would each reduce G again. Without one, EJML's full symmetric decomposition, about half a full
 * SVD of W. Squaring costs accuracy only at the
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
    private final int[] order;            // eigenvalue indices by descending value (EJML: all m; native: the top k)
    private final double[] top;
    private final double[] bottom;
    private final DMatrixRMaj left;
    private final NativeRoutines lapack;  // null: EJML
    private final double[] upper;         // G, then its reduction: T's reflectors (dsytrd overwrites its input)
    private final double[] diagonal;      // T = Qᵀ G Q: diagonal and off-diagonal
    private final double[] offDiagonal;
    private final double[] tau;
    private final double[] w;             // the eigenvalues bisection found
    private final int[] block;            // their split-off blocks of T
    private final int[] split;
    private final double[] z;             // the top-k eigenvectors, column-major m × k
    private final int[] failed;
    private final double[] work;
    private final int[] iwork;
    private final int[] counts = new int[2];          // dstebz's M (found) and NSPLIT
    private final IntToDoubleFunction eigenvalue;      // the i-th eigenvalue as its path keeps it, for sorting

    public GramSpectrum(int rows, int cols, int k, RectOps ops) {
        this(rows, cols, k, ops, NativeBlas.routines());
    }

    /** With explicit native routines (null: EJML), for tests of every path. */
    GramSpectrum(int rows, int cols, int k, RectOps ops, NativeRoutines lapack) {
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
        this.diagonal = nat ? new double[m] : null;
        this.offDiagonal = nat ? new double[m] : null;
        this.tau = nat ? new double[m] : null;
        this.w = nat ? new double[m] : null;
        this.block = nat ? new int[m] : null;
        this.split = nat ? new int[m] : null;
        this.z = nat ? new double[m * this.k] : null;
        this.failed = nat ? new int[this.k] : null;
        this.work = nat ? new double[64 * m] : null;              // dsytrd's and dormtr's blocked work, ≥ 5m
        this.iwork = nat ? new int[3 * m] : null;
        this.eigenvalue = nat ? i -> this.w[i] : i -> eig.getEigenvalue(i).real;
    }

    /**
     * Beyond this ‖W‖_F² (= trace G) the bisection's own products of G's entries leave the double range (dstebz
     * fails at 1e181): W belongs to a run on its way to diverging, whose loss can still be finite.
     */
    static final double GRAM_LIMIT = 1e150;

    /** Measures W (flat, row-major rows × cols). False, measuring nothing, when ‖W‖² is past {@link #GRAM_LIMIT}. */
    public boolean update(double[] w) {
        if (wide) ops.multTransB(w, rows, cols, w, rows, gram.data, 1.0, false);   // G = W Wᵀ
        else ops.multTransA(w, rows, cols, w, cols, gram.data, 1.0, false);        // G = WᵀW
        if (!(trace() <= GRAM_LIMIT)) return false;
        if (lapack != null) {
            selectedNative();
        } else {
            allEjml();
        }
        leftVectors(w);
        return true;
    }

    /** One reduction G = Q T Qᵀ; bisection on T for both ends; the top-k vectors by inverse iteration, then Q·z. */
    private void selectedNative() {
        System.arraycopy(gram.data, 0, upper, 0, m * m);
        check("dsytrd", lapack.dsytrd(m, upper, m, diagonal, offDiagonal, tau, work, work.length));
        bisect(1, k, false);                                           // the k smallest, ascending
        for (int j = 0; j < k; j++) bottom[j] = Math.sqrt(Math.max(w[j], 0));
        bisect(m - k + 1, m, true);                                  // the k largest, by split-off block
        check("dstein", lapack.dstein(m, diagonal, offDiagonal, k, w, block, split, z, m, work, iwork, failed));
        check("dormtr", lapack.dormtr(m, k, upper, m, tau, z, m, work, work.length));
        sortDescending(k);                                           // ORDER=B sorts only within a block
        for (int j = 0; j < k; j++) top[j] = Math.sqrt(Math.max(w[order[j]], 0));
        if (wide) {                                                  // U's column j: the j-th largest's vector
            for (int j = 0; j < k; j++) {
                int from = order[j] * m;
                for (int i = 0; i < m; i++) left.data[i * k + j] = z[from + i];
            }
        }
    }

    /** Eigenvalues il..iu (ascending count) of T into w[0..k), to ε·‖T‖: the error the reduction already made. */
    private void bisect(int il, int iu, boolean byBlock) {
        check("dstebz", lapack.dstebz(byBlock, m, il, iu, diagonal, offDiagonal, counts, w, block, split, work, iwork));
        if (counts[0] != k) {
            throw new IllegalStateException("dstebz on the Gram matrix found " + counts[0] + " of " + k + " eigenvalues");
        }
    }

    private void check(String routine, int info) {
        if (info != 0) throw new IllegalStateException(routine + " on the Gram matrix failed: info " + info + " (‖W‖² = " + trace() + ")");
    }

    /** trace G = ‖W‖_F². */
    private double trace() {
        double t = 0;
        for (int i = 0; i < m; i++) t += gram.data[i * m + i];
        return t;
    }

    private void allEjml() {
        if (!eig.decompose(gram)) throw new IllegalStateException("eigen-decomposition of the Gram matrix failed");
        sortDescending(m);
        for (int j = 0; j < k; j++) {
            top[j] = Math.sqrt(Math.max(eig.getEigenvalue(order[j]).real, 0));
            bottom[j] = Math.sqrt(Math.max(eig.getEigenvalue(order[m - 1 - j]).real, 0));
        }
    }

    /** order[0..count) = 0..count−1 by descending eigenvalue (insertion sort: count ≤ a few thousand, once per call). */
    private void sortDescending(int count) {
        for (int i = 0; i < count; i++) order[i] = i;
        for (int i = 1; i < count; i++) {
            int o = order[i];
            double v = eigenvalue.applyAsDouble(o);
            int j = i - 1;
            while (j >= 0 && eigenvalue.applyAsDouble(order[j]) < v) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = o;
        }
    }

    /** The j-th (0-based) top eigenvector's entry i. */
    private double eigenvector(int j, int i) {
        return lapack != null ? z[order[j] * m + i] : eig.getEigenVector(order[j]).get(i, 0);
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
