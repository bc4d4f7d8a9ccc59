package org.eoslab.numerics;

import java.util.Arrays;

/**
 * Dense products for the engine's hot loop. One kernel: rows [from, to) of C ← s·A·B (or C += s·A·B), four
 * rows of C and two k's per pass, each row of C accumulated in its own zero-offset scratch row with chained
 * {@code Math.fma}. B is handed over as one array per row ({@link #packRows}): JDK 17's C2 vectorizes the
 * inner loop only when every array in it is read at the same index, with no offsets, and only while the loop
 * body stays this small (four k's per pass, or B rows at offsets in one array, and it falls back to scalar
 * code at a third of the speed). Packing B costs k·m next to the r·k·m of the product; `bench` measures the
 * rate. Deterministic: the order of
 * operations depends only on the shapes.
 */
public final class Kernels {
    private Kernels() {}

    /** Four scratch rows of length ≥ n, one set per thread. */
    public static double[][] scratch(int n) {
        return new double[4][n];
    }

    /** rows[k][0, m) ← B[k, :] for B (k × m, row-major). */
    public static void packRows(double[] b, int k, int m, double[][] rows) {
        for (int r = 0; r < k; r++) System.arraycopy(b, r * m, rows[r], 0, m);
    }

    /** rows[k][0, m) ← Bᵀ[k, :] = B[:, k] for B stored m × k (row-major): the packed form of Bᵀ. */
    public static void packTransposedRows(double[] b, int m, int k, double[][] rows) {
        for (int j = 0; j < m; j++) {
            int row = j * k;
            for (int r = 0; r < k; r++) rows[r][j] = b[row + r];
        }
    }

    /** Rows [from, to) of C (rows × m) ← s·A·B or += s·A·B, A rows × n row-major, B packed (n rows of m). */
    public static void multRows(double[] a, double[][] b, double[] c, int n, int m, double s, boolean accumulate,
                                int from, int to, double[][] scratch) {
        multRows(a, n, 1, b, c, m, 0, n, s, accumulate, from, to, scratch);
    }

    /**
     * The general kernel over the inner indices [kFrom, kTo): C ← s·A[:, kFrom:kTo]·B[kFrom:kTo, :] or += it.
     * A's element (i, k) is a[i·rowStride + k·colStride], so (1, rows) reads a stored Aᵀ with no transpose
     * (A's elements are scalar loads outside the vectorized loop); B is packed, m columns; C is rows × m.
     * Blocking k keeps a panel of B in cache while every row of A passes over it (long inner dimensions).
     */
    public static void multRows(double[] a, int rowStride, int colStride, double[][] b, double[] c, int m,
                                int kFrom, int kTo, double s, boolean accumulate, int from, int to,
                                double[][] scratch) {
        double[] r0 = scratch[0], r1 = scratch[1], r2 = scratch[2], r3 = scratch[3];
        int cs = colStride;
        int i = from;
        for (; i + 3 < to; i += 4) {
            int a0 = i * rowStride, a1 = a0 + rowStride, a2 = a1 + rowStride, a3 = a2 + rowStride;
            Arrays.fill(r0, 0, m, 0);
            Arrays.fill(r1, 0, m, 0);
            Arrays.fill(r2, 0, m, 0);
            Arrays.fill(r3, 0, m, 0);
            int k = kFrom;
            for (; k + 1 < kTo; k += 2) {
                double[] b0 = b[k], b1 = b[k + 1];
                int k0 = k * cs, k1 = k0 + cs;
                double x00 = a[a0 + k0], x01 = a[a0 + k1], x10 = a[a1 + k0], x11 = a[a1 + k1];
                double x20 = a[a2 + k0], x21 = a[a2 + k1], x30 = a[a3 + k0], x31 = a[a3 + k1];
                for (int j = 0; j < m; j++) {
                    double y0 = b0[j], y1 = b1[j];
                    r0[j] = Math.fma(x01, y1, Math.fma(x00, y0, r0[j]));
                    r1[j] = Math.fma(x11, y1, Math.fma(x10, y0, r1[j]));
                    r2[j] = Math.fma(x21, y1, Math.fma(x20, y0, r2[j]));
                    r3[j] = Math.fma(x31, y1, Math.fma(x30, y0, r3[j]));
                }
            }
            if (k < kTo) {
                double[] b0 = b[k];
                int k0 = k * cs;
                double x0 = a[a0 + k0], x1 = a[a1 + k0], x2 = a[a2 + k0], x3 = a[a3 + k0];
                for (int j = 0; j < m; j++) {
                    double y = b0[j];
                    r0[j] = Math.fma(x0, y, r0[j]);
                    r1[j] = Math.fma(x1, y, r1[j]);
                    r2[j] = Math.fma(x2, y, r2[j]);
                    r3[j] = Math.fma(x3, y, r3[j]);
                }
            }
            store(r0, c, i * m, m, s, accumulate);
            store(r1, c, (i + 1) * m, m, s, accumulate);
            store(r2, c, (i + 2) * m, m, s, accumulate);
            store(r3, c, (i + 3) * m, m, s, accumulate);
        }
        for (; i < to; i++) {
            int ai = i * rowStride;
            Arrays.fill(r0, 0, m, 0);
            for (int k = kFrom; k < kTo; k++) {
                double x = a[ai + k * cs];
                double[] bk = b[k];
                for (int j = 0; j < m; j++) r0[j] = Math.fma(x, bk[j], r0[j]);
            }
            store(r0, c, i * m, m, s, accumulate);
        }
    }

    private static void store(double[] row, double[] c, int offset, int n, double s, boolean accumulate) {
        if (!accumulate && s == 1.0) {
            System.arraycopy(row, 0, c, offset, n);
        } else if (!accumulate) {
            for (int j = 0; j < n; j++) c[offset + j] = s * row[j];
        } else {
            for (int j = 0; j < n; j++) c[offset + j] += s * row[j];
        }
    }

    /** dst (cols×rows) ← srcᵀ for src rows×cols, distinct arrays. */
    public static void transpose(double[] src, int rows, int cols, double[] dst) {
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            for (int j = 0; j < cols; j++) dst[j * rows + i] = src[row + j];
        }
    }

    /** dst ← srcᵀ (n×n, distinct arrays). */
    public static void transpose(double[] src, double[] dst, int n) {
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) dst[j * n + i] = src[row + j];
        }
    }
}
