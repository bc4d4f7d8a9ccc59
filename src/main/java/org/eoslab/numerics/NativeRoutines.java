package org.eoslab.numerics;

/**
 * The native routines the engine calls: one BLAS product and the four LAPACK routines of the layer spectra
 * ({@link GramSpectrum}). Column-major, with Fortran's meaning of every argument; arrays are the caller's own,
 * offsets into them explicit. Implemented by the bundled OpenBLAS and by the machine's own library
 * ({@link NativeBlas} picks one), both tested against EJML.
 */
public interface NativeRoutines {
    /** C = α·op(A)·op(B) + β·C (dgemm). */
    void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, int aOffset, int lda,
               double[] b, int bOffset, int ldb, double beta, double[] c, int cOffset, int ldc);

    /** Reduces the symmetric A (upper triangle) to tridiagonal T = Qᵀ A Q (dsytrd, UPLO = U); returns INFO. */
    int dsytrd(int n, double[] a, int lda, double[] d, double[] e, double[] tau, double[] work, int lwork);

    /**
     * Eigenvalues il..iu of the tridiagonal T by bisection (dstebz, RANGE = I, ABSTOL = 0); {@code counts} gets
     * M (found) and NSPLIT; returns INFO.
     */
    int dstebz(boolean byBlock, int n, int il, int iu, double[] d, double[] e, int[] counts, double[] w, int[] block,
               int[] split, double[] work, int[] iwork);

    /** Eigenvectors of T for the m eigenvalues in w by inverse iteration (dstein); returns INFO. */
    int dstein(int n, double[] d, double[] e, int m, double[] w, int[] block, int[] split, double[] z, int ldz,
               double[] work, int[] iwork, int[] failed);

    /** C = Q·C with Q from dsytrd's reflectors (dormtr, SIDE = L, UPLO = U, TRANS = N); returns INFO. */
    int dormtr(int m, int n, double[] a, int lda, double[] tau, double[] c, int ldc, double[] work, int lwork);

    /** The library's threads per call, or 0 when it cannot say. */
    int threads();

    /** Sets the library's threads per call; false when it cannot be set. */
    boolean setThreads(int threads);
}
