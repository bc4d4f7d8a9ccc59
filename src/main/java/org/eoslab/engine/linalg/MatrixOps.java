package org.eoslab.engine.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The square products the engine needs, on {@link Kernels}: C = s·A·B, C += s·A·B, Aᵀ·B by reading A with
 * swapped strides, and A·Bᵀ through a transpose into a scratch buffer (O(d²) next to the O(d³) product). One instance per engine, used
 * by one thread; with {@code parallel} the rows of large products are split with {@link RowSplitter}.
 * Buffers are allocated here, once.
 */
public final class MatrixOps {
    /**
     * Products smaller than this many rows are not split. Below it the handover costs more than it saves:
     * each step's operands were just written by the other core, and moving those cache lines across costs as
     * much as the product (measured at d = 50: one core 6 000 steps/s with σ(P), two cores 4 500-5 200).
     */
    public static final int PARALLEL_MIN_ROWS = 64;

    private final int n;
    private final boolean parallel;
    private final double[][][] scratch = new double[2][][];
    private final double[] transposed;
    private final Product product = new Product();

    public MatrixOps(int n, boolean parallel) {
        this.n = n;
        this.parallel = parallel && n >= PARALLEL_MIN_ROWS;
        this.scratch[0] = Kernels.scratch(n);
        this.scratch[1] = Kernels.scratch(n);
        this.transposed = new double[n * n];
    }

    /** C = A·B. */
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        run(a.data, n, 1, b.data, c.data, 1.0, false);
    }

    /** C += A·B. */
    public void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        run(a.data, n, 1, b.data, c.data, 1.0, true);
    }

    /** C = Aᵀ·B. */
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        run(a.data, 1, n, b.data, c.data, 1.0, false);                      // Aᵀ(i, k) = a[k·n + i]
    }

    /** C += Aᵀ·B. */
    public void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        run(a.data, 1, n, b.data, c.data, 1.0, true);
    }

    /** C = s·A·Bᵀ. */
    public void multTransB(double s, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        Kernels.transpose(b.data, transposed, n);
        run(a.data, n, 1, transposed, c.data, s, false);
    }

    /** C += s·A·Bᵀ. */
    public void multAddTransB(double s, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        Kernels.transpose(b.data, transposed, n);
        run(a.data, n, 1, transposed, c.data, s, true);
    }

    public int size() { return n; }

    public boolean parallel() { return parallel; }

    private void run(double[] a, int rowStride, int colStride, double[] b, double[] c, double s, boolean accumulate) {
        if (a == c || b == c) throw new IllegalArgumentException("output aliases an input");
        product.a = a;
        product.rowStride = rowStride;
        product.colStride = colStride;
        product.b = b;
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
        double[] b;
        double[] c;
        double s;
        boolean accumulate;

        @Override
        public void run(int from, int to, int slot) {
            Kernels.multRows(a, rowStride, colStride, b, c, n, 0, n, 0, n, s, accumulate, from, to, scratch[slot]);
        }
    }
}
