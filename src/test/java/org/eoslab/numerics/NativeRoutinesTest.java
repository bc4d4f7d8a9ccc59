package org.eoslab.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every native path's dgemm against EJML at 1e-12 (relative to |A|·|B|, entry by entry): the routines this JVM
 * chose (the bundled OpenBLAS through netlib's JNI on Linux; the system's when the suite runs with
 * {@code -Deoslab.blas=system}, as the second surefire execution does) and the bundled library through JavaCPP,
 * the binding macOS and Windows use. All four transpositions, offsets into the arrays, ldc &gt; m.
 */
class NativeRoutinesTest {

    /** The native paths this JVM can reach, by name. */
    static Stream<Arguments> paths() {
        Stream.Builder<Arguments> b = Stream.builder();
        NativeRoutines chosen = NativeBlas.routines();
        if (chosen != null) b.add(Arguments.of(String.valueOf(NativeBlas.source()).toLowerCase(), chosen));
        NativeRoutines javacpp = NativeBlas.bundledThroughJavacpp();
        if (javacpp != null) b.add(Arguments.of("bundled through JavaCPP", javacpp));
        return b.build();
    }

    @Test
    void thePathAskedForIsThePathTaken() {
        String asked = System.getProperty("eoslab.blas", "auto");
        if (asked.equals("system")) {
            boolean expected = "1".equals(System.getenv("EOSLAB_EXPECT_SYSTEM_BLAS"));
            if (!expected) Assumptions.assumeTrue(NativeBlas.source() != null, NativeBlas.description());
            assertEquals(NativeBlas.Source.SYSTEM, NativeBlas.source(), NativeBlas.description());
        } else if (asked.equals("auto") || asked.equals("bundled")) {
            assertEquals(NativeBlas.Source.BUNDLED, NativeBlas.source(), NativeBlas.description());
            assertTrue(NativeBlas.description().contains("bundled OpenBLAS 0.3.31"), NativeBlas.description());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void dgemmMatchesEjmlInEveryTransposition(String name, NativeRoutines routines) {
        Random rng = new Random(11);
        int m = 37, n = 23, k = 301;
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                // column-major op(A) m×k and op(B) k×n, stored with a leading dimension larger than needed
                int aRows = ta ? k : m, aCols = ta ? m : k, lda = aRows + 3;
                int bRows = tb ? n : k, bCols = tb ? k : n, ldb = bRows + 2;
                int ldc = m + 5, aOff = 7, bOff = 4, cOff = 9;
                double[] a = fill(aOff + lda * aCols, rng), b = fill(bOff + ldb * bCols, rng), c = fill(cOff + ldc * n, rng);
                double[] before = c.clone();
                routines.dgemm(ta, tb, m, n, k, 0.75, a, aOff, lda, b, bOff, ldb, -0.5, c, cOff, ldc);
                DMatrixRMaj opA = new DMatrixRMaj(m, k), opB = new DMatrixRMaj(k, n);
                for (int i = 0; i < m; i++) for (int p = 0; p < k; p++) opA.set(i, p, ta ? a[aOff + i * lda + p] : a[aOff + p * lda + i]);
                for (int p = 0; p < k; p++) for (int j = 0; j < n; j++) opB.set(p, j, tb ? b[bOff + p * ldb + j] : b[bOff + j * ldb + p]);
                DMatrixRMaj ref = new DMatrixRMaj(m, n), bound = new DMatrixRMaj(m, n);
                CommonOps_DDRM.mult(opA, opB, ref);
                DMatrixRMaj absA = opA.copy(), absB = opB.copy();
                CommonOps_DDRM.abs(absA);
                CommonOps_DDRM.abs(absB);
                CommonOps_DDRM.mult(absA, absB, bound);
                for (int j = 0; j < n; j++) {
                    for (int i = 0; i < m; i++) {
                        double want = 0.75 * ref.get(i, j) - 0.5 * before[cOff + j * ldc + i];
                        assertEquals(want, c[cOff + j * ldc + i], 1e-12 * (bound.get(i, j) + 1),
                                name + " transA=" + ta + " transB=" + tb + " C(" + i + "," + j + ")");
                    }
                    for (int i = m; i < ldc && cOff + j * ldc + i < c.length; i++) {
                        assertEquals(before[cOff + j * ldc + i], c[cOff + j * ldc + i], 0.0, name + ": a gap of C was written");
                    }
                }
                for (int i = 0; i < cOff; i++) assertEquals(before[i], c[i], 0.0, name + ": C before its offset was written");
            }
        }
    }

    /**
     * The products as RectOps runs them on this path, shared between two threads: by rows (1001 × 784 · 784 × 200)
     * and, for a long inner dimension, by columns (200 × 3000 · 3000 × 784, and Aᵀ·B of the same shape).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void sharedProductsMatchEjml(String name, NativeRoutines routines) {
        RectOps ops = new RectOps(true, routines);
        for (int[] shape : new int[][] {{1001, 784, 200}, {200, 3000, 784}}) {
            int r = shape[0], k = shape[1], c = shape[2];
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(r, k, -1, 1, new Random(4));
            DMatrixRMaj b = RandomMatrices_DDRM.rectangle(k, c, -1, 1, new Random(5));
            DMatrixRMaj ours = new DMatrixRMaj(r, c), ref = new DMatrixRMaj(r, c);
            CommonOps_DDRM.mult(a, b, ref);
            double bound = k;                                          // |A|·|B| ≤ k for entries in [−1, 1]
            ops.mult(a.data, r, k, b.data, c, ours.data, 1.0, false);
            for (int i = 0; i < ref.data.length; i++) assertEquals(ref.data[i], ours.data[i], 1e-12 * bound, name + " A·B " + i);
            DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);
            ops.multTransA(at.data, k, r, b.data, c, ours.data, 1.0, false);
            for (int i = 0; i < ref.data.length; i++) assertEquals(ref.data[i], ours.data[i], 1e-12 * bound, name + " Aᵀ·B " + i);
        }
    }

    private static double[] fill(int n, Random rng) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rng.nextDouble() * 2 - 1;
        return x;
    }
}
