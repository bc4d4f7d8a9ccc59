package org.eoslab.numerics;

import org.ejml.data.DMatrixRMaj;

/**
 * The square products the engine needs, as EJML matrices, on {@link RectOps}: C = s·A·B, C += s·A·B, Aᵀ·B
 * (A read with swapped strides) and A·Bᵀ (Bᵀ's rows packed). One instance per engine, used by one thread;
 * with {@code parallel} the rows of large products are split with {@link RowSplitter}. Buffers are
 * allocated here, once.
 */
public final class MatrixOps {
    /**
     * Products smaller than this many rows are not split. Below it the handover costs more than it saves:
     * each step's operands were just written by the other core, and moving those cache lines across costs as
     * much as the product (at d = 100 one core wins, at d = 200 two do; docs/bench-log.md).
     */
    public static final int PARALLEL_MIN_ROWS = 128;

    private final int n;
    private final boolean parallel;
    private final RectOps ops;

    public MatrixOps(int n, boolean parallel) {
        this(n, parallel, new RectOps(parallel, n, n));
    }

    private MatrixOps(int n, boolean parallel, RectOps ops) {
        this.n = n;
        this.parallel = parallel && n >= PARALLEL_MIN_ROWS;
        this.ops = ops;
    }

    /**
     * The products of a run that has the machine to itself (the live app, a CLI run): on the machine's BLAS
     * where {@link NativeBlas} found one (it uses every core), else the Java kernels split over two cores. Sweeps,
     * which run one engine per core, keep {@code new MatrixOps(n, false)}.
     */
    public static MatrixOps fastest(int n) {
        RectOps ops = RectOps.fastest(true);
        return ops.isNative() ? new MatrixOps(n, false, ops) : new MatrixOps(n, true);
    }

    /** Whether the products run on the native BLAS. */
    public boolean isNative() { return ops.isNative(); }

    /** C = A·B. */
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ops.mult(a.data, n, n, distinct(b, c), n, c.data, 1.0, false);
    }

    /** C += A·B. */
    public void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ops.mult(a.data, n, n, distinct(b, c), n, c.data, 1.0, true);
    }

    /** C = Aᵀ·B. */
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ops.multTransA(a.data, n, n, distinct(b, c), n, c.data, 1.0, false);
    }

    /** C += Aᵀ·B. */
    public void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ops.multTransA(a.data, n, n, distinct(b, c), n, c.data, 1.0, true);
    }

    /** C = s·A·Bᵀ. */
    public void multTransB(double s, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ops.multTransB(a.data, n, n, distinct(b, c), n, c.data, s, false);
    }

    /** C += s·A·Bᵀ. */
    public void multAddTransB(double s, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        ops.multTransB(a.data, n, n, distinct(b, c), n, c.data, s, true);
    }

    public int size() { return n; }


    /** B's data, after checking that C is not B (C is not A is checked where the product runs). */
    private static double[] distinct(DMatrixRMaj b, DMatrixRMaj c) {
        if (b == c) throw new IllegalArgumentException("output aliases an input");
        return b.data;
    }
}
