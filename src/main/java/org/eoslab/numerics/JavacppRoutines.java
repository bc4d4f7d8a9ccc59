package org.eoslab.numerics;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas_full;

/**
 * {@link NativeRoutines} on the bundled OpenBLAS through its JavaCPP binding ({@code org.bytedeco:openblas}), the
 * binding that exists on every desktop platform (netlib-java's is Linux-only). JavaCPP copies a Java array whole
 * in and out of every call and takes no offsets, so the products go through off-heap buffers instead, kept per
 * thread and grown to the largest product seen, and only the part of each array the call reads (and, for C,
 * writes) is copied. The LAPACK routines work on small m × m arrays and take them directly.
 */
final class JavacppRoutines implements NativeRoutines {
    private static final int COLUMN_MAJOR = openblas_full.LAPACK_COL_MAJOR;
    private static final byte UPPER = 'U';

    /** Off-heap A, B and C of one thread's products; the scalar results of its LAPACK calls. */
    private static final class Staging {
        DoublePointer a = new DoublePointer(0L);
        DoublePointer b = new DoublePointer(0L);
        DoublePointer c = new DoublePointer(0L);
        final int[] found = new int[1];
        final int[] blocks = new int[1];

        static DoublePointer atLeast(DoublePointer p, long n) {
            if (p.capacity() >= n) return p;
            p.close();
            return new DoublePointer(Math.max(n, p.capacity() * 3 / 2));
        }
    }

    private final ThreadLocal<Staging> staging = ThreadLocal.withInitial(Staging::new);

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOffset,
                      int lda, double[] b, int bOffset, int ldb, double beta, double[] c, int cOffset, int ldc) {
        if (m == 0 || n == 0) return;
        Staging s = staging.get();
        long aLength = span(lda, transA ? m : k, transA ? k : m);      // op(A) is m × k: A is m × k or k × m
        long bLength = span(ldb, transB ? k : n, transB ? n : k);
        long cLength = span(ldc, n, m);
        s.a = Staging.atLeast(s.a, aLength);
        s.b = Staging.atLeast(s.b, bLength);
        s.c = Staging.atLeast(s.c, cLength);
        s.a.position(0).put(a, aOffset, (int) aLength);
        s.b.position(0).put(b, bOffset, (int) bLength);
        if (beta != 0) copyColumns(c, cOffset, ldc, m, n, s.c, true);
        openblas_full.cblas_dgemm(COLUMN_MAJOR, transA ? openblas_full.CblasTrans : openblas_full.CblasNoTrans,
                transB ? openblas_full.CblasTrans : openblas_full.CblasNoTrans, m, n, k, alpha, s.a.position(0), lda,
                s.b.position(0), ldb, beta, s.c.position(0), ldc);
        copyColumns(c, cOffset, ldc, m, n, s.c, false);
    }

    /**
     * The m × n block of C in or out of its buffer: only the block's own entries, never the gaps between columns
     * when ldc &gt; m (they may belong to rows another thread is writing).
     */
    private static void copyColumns(double[] c, int offset, int ldc, int m, int n, DoublePointer buffer, boolean in) {
        if (ldc == m) {
            if (in) buffer.position(0).put(c, offset, m * n); else buffer.position(0).get(c, offset, m * n);
            return;
        }
        for (int j = 0; j < n; j++) {
            buffer.position((long) j * ldc);
            if (in) buffer.put(c, offset + j * ldc, m); else buffer.get(c, offset + j * ldc, m);
        }
        buffer.position(0);
    }

    /** Elements a column-major matrix of {@code columns} columns of {@code rows} rows spans at leading dimension ld. */
    private static long span(int ld, int columns, int rows) {
        return columns == 0 || rows == 0 ? 0 : (long) ld * (columns - 1) + rows;
    }

    @Override
    public int dsytrd(int n, double[] a, int lda, double[] d, double[] e, double[] tau, double[] work, int lwork) {
        return openblas_full.LAPACKE_dsytrd_work(COLUMN_MAJOR, UPPER, n, a, lda, d, e, tau, work, lwork);
    }

    @Override
    public int dstebz(boolean byBlock, int n, int il, int iu, double[] d, double[] e, int[] counts, double[] w,
                      int[] block, int[] split, double[] work, int[] iwork) {
        Staging s = staging.get();
        int info = openblas_full.LAPACKE_dstebz_work((byte) 'I', (byte) (byBlock ? 'B' : 'E'), n, 0, 0, il, iu, 0.0,
                d, e, s.found, s.blocks, w, block, split, work, iwork);
        counts[0] = s.found[0];
        counts[1] = s.blocks[0];
        return info;
    }

    @Override
    public int dstein(int n, double[] d, double[] e, int m, double[] w, int[] block, int[] split, double[] z, int ldz,
                      double[] work, int[] iwork, int[] failed) {
        return openblas_full.LAPACKE_dstein_work(COLUMN_MAJOR, n, d, e, m, w, block, split, z, ldz, work, iwork, failed);
    }

    @Override
    public int dormtr(int m, int n, double[] a, int lda, double[] tau, double[] c, int ldc, double[] work, int lwork) {
        return openblas_full.LAPACKE_dormtr_work(COLUMN_MAJOR, (byte) 'L', UPPER, (byte) 'N', m, n, a, lda, tau, c, ldc,
                work, lwork);
    }

    @Override
    public int threads() {
        return openblas_full.openblas_get_num_threads();
    }

    @Override
    public boolean setThreads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        openblas_full.openblas_set_num_threads(threads);
        return true;
    }
}
