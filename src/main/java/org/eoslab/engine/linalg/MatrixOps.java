package org.eoslab.engine.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The square products the engine needs, on {@link Kernels}: C = s·A·B, C += s·A·B, and the transposed forms
 * through a transpose into a scratch buffer (O(d²) next to the O(d³) product). One instance per engine, used
 * by one thread; with {@code parallel} the rows of large products are split with {@link RowSplitter}.
 * Buffers are allocated here, once.
 */
public final class MatrixOps {
    /** Products smaller than this many rows are not split: the handover would cost more than it saves. */
    public static final int PARALLEL_MIN_ROWS = 48;

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
        run(a.data, b.data, c.data, 1.0, false);
    }

    /** C += A·B. */
    public void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        run(a.data, b.data, c.data, 1.0, true);
    }

    /** C = Aᵀ·B. */
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        Kernels.transpose(a.data, transposed, n);
        run(transposed, b.data, c.data, 1.0, false);
    }

    /** C += Aᵀ·B. */
    public void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        Kernels.transpose(a.data, transposed, n);
        run(transposed, b.data, c.data, 1.0, true);
    }

    /** C = s·A·Bᵀ. */
    public void multTransB(double s, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        Kernels.transpose(b.data, transposed, n);
        run(a.data, transposed, c.data, s, false);
    }

    /** C += s·A·Bᵀ. */
    public void multAddTransB(double s, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        Kernels.transpose(b.data, transposed, n);
        run(a.data, transposed, c.data, s, true);
    }

    public int size() { return n; }

    public boolean parallel() { return parallel; }

    private void run(double[] a, double[] b, double[] c, double s, boolean accumulate) {
        if (a == c || b == c) throw new IllegalArgumentException("output aliases an input");
        product.a = a;
        product.b = b;
        product.c = c;
        product.s = s;
        product.accumulate = accumulate;
        if (parallel) RowSplitter.run(product, n); else product.run(0, n, 0);
    }

    /** The reusable task: no allocation per product. */
    private final class Product implements RowSplitter.RowTask {
        double[] a;
        double[] b;
        double[] c;
        double s;
        boolean accumulate;

        @Override
        public void run(int from, int to, int slot) {
            Kernels.multRows(a, b, c, n, s, accumulate, from, to, scratch[slot]);
        }
    }
}
