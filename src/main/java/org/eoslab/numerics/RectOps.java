package org.eoslab.numerics;

import java.util.Arrays;

/**
 * Rectangular products on {@link Kernels} (row-major arrays): C(r×c) = s·A(r×k)·B(k×c). B is packed into
 * row arrays first (Bᵀ straight from its storage), or handed over packed by a caller that keeps a constant
 * B packed; Aᵀ is read through strides. Rows are split over two cores when there are enough. The packing
 * buffer grows to the largest shapes seen and is then reused: after the first step nothing is allocated.
 */
public final class RectOps {
    /** Bytes of B kept hot per inner block: half of a 512 KiB L2. */
    static final int PANEL_BYTES = 256 * 1024;
    /** Columns per chunk at least when a native product is cut by columns (fewer, wider chunks ran faster). */
    static final int COLUMN_CHUNK = 96;
    private final NativeRoutines blas;   // the native dgemm, or null: the Java kernels
    private final boolean parallel;
    private final boolean shareChunks;   // false: every chunk on the calling thread (tests: the same bits as shared)
    private final boolean blockInner;
    private final double[][][] scratch = {Kernels.scratch(1), Kernels.scratch(1)};
    private double[][] packed = new double[0][];
    private final Product product = new Product();
    private final NativeProduct nativeProduct = new NativeProduct();

    public RectOps(boolean parallel) {
        this(parallel, (NativeRoutines) null);
    }

    RectOps(boolean parallel, NativeRoutines blas) {
        this(parallel, blas, true);
    }

    /** Products cut into chunks as {@code parallel} ones are, shared with the helper or ({@code !share}) all run here. */
    RectOps(boolean parallel, NativeRoutines blas, boolean share) {
        this.parallel = parallel;
        this.shareChunks = share;
        this.blockInner = true;
        this.blas = blas;
    }

    /**
     * Products on the native BLAS {@link NativeBlas} chose (bundled or the machine's), else on the Java kernels.
     * The two round differently, so a run is reproducible bit for bit on one path.
     */
    public static RectOps fastest(boolean parallel) {
        return new RectOps(parallel, NativeBlas.routines());
    }

    /** Whether the products run on the native BLAS. */
    public boolean isNative() { return blas != null; }

    /**
     * With buffers sized for products up to rows × cols (B) already, so the first product allocates nothing,
     * and the inner dimension never split: for the engine's square products, whose B is at most a few
     * hundred rows (at d = 200 splitting k cost a third of the one-core speed).
     */
    public RectOps(boolean parallel, int rows, int cols) {
        this.parallel = parallel;
        this.shareChunks = true;
        this.blockInner = false;
        this.blas = null;
        packing(rows, cols);
        scratch[0] = Kernels.scratch(cols);
        scratch[1] = Kernels.scratch(cols);
    }

    /** C(r×c) = s·A(r×k)·B(k×c), or C += … when {@code accumulate}. */
    public void mult(double[] a, int r, int k, double[] b, int c, double[] out, double s, boolean accumulate) {
        if (blas != null) {                     // row-major C = A B is column-major Cᵀ = Bᵀ Aᵀ
            runNative(a, false, r, k, b, false, c, out, s, accumulate);
            return;
        }
        Kernels.packRows(b, k, c, packing(k, c));
        run(a, k, 1, r, k, packed, c, out, s, accumulate);
    }

    /** The same with B already packed: {@code bRows[i]} holds row i of B (at least c values); Java kernels. */
    public void multPacked(double[] a, int r, int k, double[][] bRows, int c, double[] out, double s,
                           boolean accumulate) {
        run(a, k, 1, r, k, bRows, c, out, s, accumulate);
    }

    /** C(r×c) = s·A(r×k)·Bᵀ with B stored c×k. */
    public void multTransB(double[] a, int r, int k, double[] b, int c, double[] out, double s, boolean accumulate) {
        if (blas != null) {                     // Cᵀ = B Aᵀ: B row-major c×k is column-major k×c, transposed
            runNative(a, false, r, k, b, true, c, out, s, accumulate);
            return;
        }
        Kernels.packTransposedRows(b, c, k, packing(k, c));
        run(a, k, 1, r, k, packed, c, out, s, accumulate);
    }

    /** C(r×c) = s·Aᵀ·B with A stored k×r and B k×c. */
    public void multTransA(double[] a, int k, int r, double[] b, int c, double[] out, double s, boolean accumulate) {
        if (blas != null) {                     // Cᵀ = Bᵀ A: A row-major k×r is column-major r×k, transposed
            runNative(a, true, r, k, b, false, c, out, s, accumulate);
            return;
        }
        Kernels.packRows(b, k, c, packing(k, c));
        run(a, 1, r, r, k, packed, c, out, s, accumulate);                 // Aᵀ(i, k) = a[k·r + i]
    }

    /** Row arrays for a k × c matrix, grown (only) when a larger shape comes. */
    public static double[][] grow(double[][] rows, int k, int c) {
        double[][] out = rows.length >= k ? rows : Arrays.copyOf(rows, k);
        for (int i = 0; i < k; i++) if (out[i] == null || out[i].length < c) out[i] = new double[c];
        return out;
    }

    private double[][] packing(int k, int c) {
        packed = grow(packed, k, c);
        return packed;
    }

    private void run(double[] a, int rowStride, int colStride, int r, int k, double[][] b, int c, double[] out,
                     double s, boolean accumulate) {
        if (a == out) throw new IllegalArgumentException("output aliases an input");
        if (scratch[0][0].length < c) {
            scratch[0] = Kernels.scratch(c);
            scratch[1] = Kernels.scratch(c);
        }
        product.set(a, rowStride, colStride, b, out, k, c, s, accumulate);
        runRows(product, r);
    }

    /**
     * The native product, its rows of C split over two cores as the Java kernels' are (OpenBLAS itself runs one
     * thread per call: {@link NativeBlas#threads()}). OpenBLAS 0.3.31 may round a chunk of rows differently from
     * the whole product (its edge kernels), so the chunk boundaries are fixed by the row count alone
     * ({@link RowSplitter}): the result never depends on which thread ran which chunk. A product whose inner
     * dimension is longer than its rows (the ReLU network's weight gradients Aᵀ·B, 200 rows over 5000 samples) is
     * cut by columns of C instead: a row chunk's few columns of Cᵀ starve OpenBLAS's kernel, a column chunk keeps
     * it fed (docs/bench-log.md has the rates).
     */
    private void runNative(double[] a, boolean aTransposed, int r, int k, double[] b, boolean bTransposed, int c,
                           double[] out, double s, boolean accumulate) {
        if (a == out || b == out) throw new IllegalArgumentException("output aliases an input");
        boolean byColumns = k > r && c >= MatrixOps.PARALLEL_MIN_ROWS;
        nativeProduct.set(a, aTransposed, r, b, bTransposed, k, c, out, s, accumulate ? 1.0 : 0.0, byColumns);
        if (byColumns) {
            if (parallel) RowSplitter.run(nativeProduct, c, RowSplitter.chunks(c, COLUMN_CHUNK), shareChunks);
            else nativeProduct.run(0, c, 0);
        } else {
            runRows(nativeProduct, r);
        }
    }

    /** All r rows of a product: shared with the helper thread when parallel and large enough, else here. */
    private void runRows(RowSplitter.RowTask task, int r) {
        if (parallel && r >= MatrixOps.PARALLEL_MIN_ROWS) RowSplitter.run(task, r, RowSplitter.chunks(r), shareChunks);
        else task.run(0, r, 0);
    }

    /**
     * Inner-dimension block so that a k-block of B (block × cols doubles) stays in a core's L2 while every
     * row of A passes over it; long inner dimensions (the n samples of G·Hᵀ) otherwise stream B from memory
     * once per four rows.
     */
    static int innerBlock(int inner, int cols) {
        int block = Math.max(16, PANEL_BYTES / (Double.BYTES * cols)) & ~3;
        return Math.min(inner, block);
    }

    /** The reusable task: no allocation per product. */
    private final class Product implements RowSplitter.RowTask {
        private double[] a;
        private int rowStride;
        private int colStride;
        private double[][] b;
        private double[] c;
        private int inner;
        private int cols;
        private double s;
        private boolean accumulate;

        void set(double[] a, int rowStride, int colStride, double[][] b, double[] c, int inner, int cols, double s,
                 boolean accumulate) {
            this.a = a;
            this.rowStride = rowStride;
            this.colStride = colStride;
            this.b = b;
            this.c = c;
            this.inner = inner;
            this.cols = cols;
            this.s = s;
            this.accumulate = accumulate;
        }

        @Override
        public void run(int from, int to, int slot) {
            int block = blockInner ? innerBlock(inner, cols) : inner;
            for (int k = 0; k < inner; k += block) {
                Kernels.multRows(a, rowStride, colStride, b, c, cols, k, Math.min(inner, k + block), s,
                        accumulate || k > 0, from, to, scratch[slot]);
            }
        }
    }

    /**
     * Rows [from, to) of the row-major C(r×c) = op(A)·op(B) as one column-major dgemm, Cᵀ = op(B)ᵀ·op(A)ᵀ, with
     * A's rows (or, transposed, its columns) from {@code from} on; or, {@code byColumns}, C's columns [from, to):
     * the rows of Cᵀ from {@code from} on, with B's columns (or, transposed, its rows) from there.
     */
    private final class NativeProduct implements RowSplitter.RowTask {
        private double[] a;
        private boolean aTransposed;
        private int r;
        private double[] b;
        private boolean bTransposed;
        private int inner;
        private int cols;
        private double[] c;
        private double s;
        private double beta;
        private boolean byColumns;

        void set(double[] a, boolean aTransposed, int r, double[] b, boolean bTransposed, int inner, int cols,
                 double[] c, double s, double beta, boolean byColumns) {
            this.a = a;
            this.aTransposed = aTransposed;
            this.r = r;
            this.b = b;
            this.bTransposed = bTransposed;
            this.inner = inner;
            this.cols = cols;
            this.c = c;
            this.s = s;
            this.beta = beta;
            this.byColumns = byColumns;
        }

        @Override
        public void run(int from, int to, int slot) {
            int ldb = bTransposed ? inner : cols, lda = aTransposed ? r : inner;
            if (byColumns) {
                blas.dgemm(bTransposed, aTransposed, to - from, r, inner, s, b, bTransposed ? from * inner : from, ldb,
                        a, 0, lda, beta, c, from, cols);
            } else {
                blas.dgemm(bTransposed, aTransposed, cols, to - from, inner, s, b, 0, ldb,
                        a, aTransposed ? from : from * inner, lda, beta, c, from * cols, cols);
            }
        }
    }
}
