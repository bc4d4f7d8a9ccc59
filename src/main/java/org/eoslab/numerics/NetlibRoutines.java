package org.eoslab.numerics;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * {@link NativeRoutines} through netlib-java's JNI binding ({@code dev.ludovic.netlib} 3.0.4, Linux only): it pins
 * the Java arrays for the call (GetPrimitiveArrayCritical) instead of copying them, and binds whichever shared
 * library it was pointed at when it loaded: the machine's libblas.so.3/liblapack.so.3, or the bundled OpenBLAS.
 */
final class NetlibRoutines implements NativeRoutines {
    private final BLAS blas;
    private final LAPACK lapack;
    private final OpenBlasThreads threads;     // null: the count cannot be controlled
    /** INFO, M and NSPLIT: per thread, so that calls from several engines never share them or allocate. */
    private final ThreadLocal<intW[]> results = ThreadLocal.withInitial(() -> new intW[] {new intW(0), new intW(0), new intW(0)});

    NetlibRoutines(BLAS blas, LAPACK lapack, OpenBlasThreads threads) {
        this.blas = blas;
        this.lapack = lapack;
        this.threads = threads;
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOffset,
                      int lda, double[] b, int bOffset, int ldb, double beta, double[] c, int cOffset, int ldc) {
        blas.dgemm(transA ? "T" : "N", transB ? "T" : "N", m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta,
                c, cOffset, ldc);
    }

    @Override
    public int dsytrd(int n, double[] a, int lda, double[] d, double[] e, double[] tau, double[] work, int lwork) {
        intW info = results.get()[0];
        lapack.dsytrd("U", n, a, lda, d, e, tau, work, lwork, info);
        return info.val;
    }

    @Override
    public int dstebz(boolean byBlock, int n, int il, int iu, double[] d, double[] e, int[] counts,
                                   double[] w, int[] block, int[] split, double[] work, int[] iwork) {
        intW[] r = results.get();
        intW info = r[0], found = r[1], blocks = r[2];
        lapack.dstebz("I", byBlock ? "B" : "E", n, 0, 0, il, iu, 0.0, d, e, found, blocks, w, block, split, work,
                iwork, info);
        counts[0] = found.val;
        counts[1] = blocks.val;
        return info.val;
    }

    @Override
    public int dstein(int n, double[] d, double[] e, int m, double[] w, int[] block, int[] split,
                                   double[] z, int ldz, double[] work, int[] iwork, int[] failed) {
        intW info = results.get()[0];
        lapack.dstein(n, d, e, m, w, block, split, z, ldz, work, iwork, failed, info);
        return info.val;
    }

    @Override
    public int dormtr(int m, int n, double[] a, int lda, double[] tau, double[] c, int ldc, double[] work,
                                   int lwork) {
        intW info = results.get()[0];
        lapack.dormtr("L", "U", "N", m, n, a, lda, tau, c, ldc, work, lwork, info);
        return info.val;
    }

    @Override
    public int threads() {
        return threads == null ? 0 : threads.get();
    }

    @Override
    public boolean setThreads(int n) {
        if (threads == null) return false;
        threads.set(n);
        return true;
    }
}
