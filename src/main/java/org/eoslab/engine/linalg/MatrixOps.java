package org.eoslab.engine.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The square products the engine needs, on {@link Kernels}: C = s·A·B, C += s·A·B, Aᵀ·B by reading A with
 * swapped strides, and A·Bᵀ by packing Bᵀ's rows (B is packed for every product: O(d²) next to the O(d³)
 * product). One instance per engine, used by one thread; with {@code parallel} the rows of large products
 * are split with {@link RowSplitter}. Buffers are allocated here, once.
 */
public final class MatrixOps {
    /**
     * Products smaller than this many rows are not split. Below it the handover costs more than it saves:
     * each step's operands were just written by the other core, and moving those cache lines across costs as
     * much as the product (alternating runs: at d = 100 one core gave 1 500-1 800 steps/s with σ(P), two
     * cores 1 200-1 600; at d = 200 two cores win, 50 against 40 GFLOP/s).
     */
    public static final int PARALLEL_MIN_ROWS = 128;

    private final int n;
    private final boolean parallel;
    private final double[][][] scratch = new double[2][][];
    private final double[][] packed;
    private final Product product = new Product();

    public MatrixOps(int n, boolean parallel) {
        this.n = n;
        this.parallel = parallel && n >= PARALLEL_MIN_ROWS;
        this.scratch[0] = Kernels.scratch(n);
        this.scratch[1] = Kernels.scratch(n);
        this.packed = new double[n][n];
    }

    /** C = A·B. */
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        Kernels.packRows(b.data, n, n, packed);
        run(a.data, n, 1, b.data, c.data, 1.0, false);
    }

    /** C += A·B. */
    public void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        Kernels.packRows(b.data, n, n, packed);
        run(a.data, n, 1, b.data, c.data, 1.0, true);
    }

    /** C = Aᵀ·B. */
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        Kernels.packRows(b.data, n, n, packed);
        run(a.data, 1, n, b.data, c.data, 1.0, false);                      // Aᵀ(i, k) = a[k·n + i]
    }

    /** C += Aᵀ·B. */
    public void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        Kernels.packRows(b.data, n, n, packed);
        run(a.data, 1, n, b.data, c.data, 1.0, true);
    }

    /** C = s·A·Bᵀ. */
    public void multTransB(double s, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        Kernels.packTransposedRows(b.data, n, n, packed);
        run(a.data, n, 1, b.data, c.data, s, false);
    }

    /** C += s·A·Bᵀ. */
    public void multAddTransB(double s, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        Kernels.packTransposedRows(b.data, n, n, packed);
        run(a.data, n, 1, b.data, c.data, s, true);
    }

    public int size() { return n; }

    public boolean parallel() { return parallel; }

    /** C ← s·A·B (or +=) with B already in {@code packed}; {@code b} only guards against aliasing. */
    private void run(double[] a, int rowStride, int colStride, double[] b, double[] c, double s, boolean accumulate) {
        if (a == c || b == c) throw new IllegalArgumentException("output aliases an input");
        product.a = a;
        product.rowStride = rowStride;
        product.colStride = colStride;
        product.c = c;
        product.s = s;
        product.accumulate = accumulate;
        if (parallel) RowSplitter.run(product, n); else product.run(0, n, 0);
    }

    /** The reusable task: no allocation per product. */
    private final class Product implements RowSplitter.RowTask {
        double[] a;
        int rowStride;
        int colStride;
        double[] c;
        double s;
        boolean accumulate;

        @Override
        public void run(int from, int to, int slot) {
            Kernels.multRows(a, rowStride, colStride, packed, c, n, 0, n, s, accumulate, from, to, scratch[slot]);
        }
    }
}
