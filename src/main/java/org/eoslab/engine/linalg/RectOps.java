package org.eoslab.engine.linalg;

/**
 * Rectangular products on {@link Kernels} (row-major arrays): C(r×c) = s·A(r×k)·B(k×c); Aᵀ·B reads A with
 * swapped strides, A·Bᵀ goes through a transpose into a buffer; rows split over two cores when there are enough. Buffers grow to
 * the largest shapes seen and are then reused: after the first step nothing is allocated.
 */
public final class RectOps {
    /** Bytes of B kept hot per inner block: half of a 512 KiB L2. */
    static final int PANEL_BYTES = 256 * 1024;
    /** Output columns per block when the output is wider than twice this: four scratch rows stay in L1. */
    static final int COLUMN_BLOCK = 512;
    private final boolean parallel;
    private final double[][][] scratch = {Kernels.scratch(1), Kernels.scratch(1)};
    private double[] transposed = new double[1];
    private final Product product = new Product();

    public RectOps(boolean parallel) {
        this.parallel = parallel;
    }

    /** C(r×c) = s·A(r×k)·B(k×c), or C += … when {@code accumulate}. */
    public void mult(double[] a, int r, int k, double[] b, int c, double[] out, double s, boolean accumulate) {
        run(a, k, 1, r, k, b, c, out, s, accumulate);
    }

    private void run(double[] a, int rowStride, int colStride, int r, int k, double[] b, int c, double[] out,
                     double s, boolean accumulate) {
        if (scratch[0][0].length < c) {
            scratch[0] = Kernels.scratch(c);
            scratch[1] = Kernels.scratch(c);
        }
        product.set(a, rowStride, colStride, b, out, k, c, s, accumulate);
        if (parallel && r >= MatrixOps.PARALLEL_MIN_ROWS) RowSplitter.run(product, r); else product.run(0, r, 0);
    }

    /** C(r×c) = s·A(r×k)·Bᵀ with B stored c×k. */
    public void multTransB(double[] a, int r, int k, double[] b, int c, double[] out, double s, boolean accumulate) {
        double[] bt = transposeBuffer(c * k);
        Kernels.transpose(b, c, k, bt);
        mult(a, r, k, bt, c, out, s, accumulate);
    }

    /** C(r×c) = s·Aᵀ·B with A stored k×r and B k×c. */
    public void multTransA(double[] a, int k, int r, double[] b, int c, double[] out, double s, boolean accumulate) {
        run(a, 1, r, r, k, b, c, out, s, accumulate);                      // Aᵀ(i, k) = a[k·r + i]
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

    private double[] transposeBuffer(int size) {
        if (transposed.length < size) transposed = new double[size];
        return transposed;
    }

    /** The reusable task: no allocation per product. */
    private final class Product implements RowSplitter.RowTask {
        private double[] a;
        private int rowStride;
        private int colStride;
        private double[] b;
        private double[] c;
        private int inner;
        private int cols;
        private double s;
        private boolean accumulate;

        void set(double[] a, int rowStride, int colStride, double[] b, double[] c, int inner, int cols, double s,
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
            int width = cols > 2 * COLUMN_BLOCK ? COLUMN_BLOCK : cols;
            int block = innerBlock(inner, width);
            for (int j = 0; j < cols; j += width) {
                int jTo = Math.min(cols, j + width);
                for (int k = 0; k < inner; k += block) {
                    Kernels.multRows(a, rowStride, colStride, b, c, cols, k, Math.min(inner, k + block), j, jTo, s,
                            accumulate || k > 0, from, to, scratch[slot]);
                }
            }
        }
    }
}
