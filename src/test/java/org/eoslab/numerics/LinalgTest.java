package org.eoslab.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fast kernels against EJML's products, and subspace-iteration SVD against EJML's full SVD. */
class LinalgTest {

    static DMatrixRMaj random(int n, long seed) {
        return RandomMatrices.gaussian(n, 1.0, new Random(seed));
    }

    static double maxDiff(DMatrixRMaj a, DMatrixRMaj b) {
        double m = 0;
        for (int i = 0; i < a.data.length; i++) m = Math.max(m, Math.abs(a.data[i] - b.data[i]));
        return m;
    }

    @ParameterizedTest(name = "n={0} parallel={1}")
    @CsvSource({"1, false", "3, false", "7, true", "20, false", "50, true", "53, true", "67, true", "101, true", "131, true"})
    void everyProductMatchesEjml(int n, boolean parallel) {
        DMatrixRMaj a = random(n, 1), b = random(n, 2), c0 = random(n, 3);
        MatrixOps ops = new MatrixOps(n, parallel);
        DMatrixRMaj ours = new DMatrixRMaj(n, n), ref = new DMatrixRMaj(n, n);
        double tol = 1e-13 * n;

        ops.mult(a, b, ours);
        CommonOps_DDRM.mult(a, b, ref);
        assertTrue(maxDiff(ours, ref) < tol, "mult");

        ours.setTo(c0); ref.setTo(c0);
        ops.multAdd(a, b, ours);
        CommonOps_DDRM.multAdd(a, b, ref);
        assertTrue(maxDiff(ours, ref) < tol, "multAdd");

        ops.multTransA(a, b, ours);
        CommonOps_DDRM.multTransA(a, b, ref);
        assertTrue(maxDiff(ours, ref) < tol, "multTransA");

        ours.setTo(c0); ref.setTo(c0);
        ops.multAddTransA(a, b, ours);
        CommonOps_DDRM.multAddTransA(a, b, ref);
        assertTrue(maxDiff(ours, ref) < tol, "multAddTransA");

        ops.multTransB(-0.7, a, b, ours);
        CommonOps_DDRM.multTransB(-0.7, a, b, ref);
        assertTrue(maxDiff(ours, ref) < tol, "multTransB");

        ours.setTo(c0); ref.setTo(c0);
        ops.multAddTransB(2.5, a, b, ours);
        CommonOps_DDRM.multAddTransB(2.5, a, b, ref);
        assertTrue(maxDiff(ours, ref) < tol, "multAddTransB");
    }

    /** Rectangular products, inner dimensions long enough to be split into several cache blocks (odd tails too). */
    @ParameterizedTest(name = "{0}×{1}·{1}×{2} parallel={3}")
    @CsvSource({"3, 5, 2, false", "9, 3001, 50, false", "37, 2003, 300, true", "130, 700, 1000, true"})
    void rectangularProductsMatchEjml(int r, int k, int c, boolean parallel) {
        assertTrue(RectOps.innerBlock(k, c) < k || k < 10, "the case must exercise inner blocking");
        checkRectangularProducts(new RectOps(parallel), r, k, c);
    }

    /** The same products on the machine's BLAS (skipped where none is installed; CI installs OpenBLAS). */
    @ParameterizedTest(name = "native {0}×{1}·{1}×{2}")
    @CsvSource({"3, 5, 2", "9, 3001, 50", "37, 2003, 300", "130, 700, 1000", "1001, 784, 200"})
    void nativeRectangularProductsMatchEjml(int r, int k, int c) {
        RectOps ops = RectOps.fastest(true);
        org.junit.jupiter.api.Assumptions.assumeTrue(ops.isNative(), NativeBlas.description());
        checkRectangularProducts(ops, r, k, c);
    }

    private static void checkRectangularProducts(RectOps ops, int r, int k, int c) {
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(r, k, -1, 1, new Random(4));
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(k, c, -1, 1, new Random(5));
        DMatrixRMaj c0 = RandomMatrices_DDRM.rectangle(r, c, -1, 1, new Random(6));
        DMatrixRMaj ours = new DMatrixRMaj(r, c), ref = new DMatrixRMaj(r, c);
        double tol = 1e-13 * k;

        ours.setTo(c0);
        ops.mult(a.data, r, k, b.data, c, ours.data, -0.5, true);
        ref.setTo(c0);
        CommonOps_DDRM.multAdd(-0.5, a, b, ref);
        assertTrue(maxDiff(ours, ref) < tol, "mult, accumulate");

        DMatrixRMaj bt = CommonOps_DDRM.transpose(b, null);
        ops.multTransB(a.data, r, k, bt.data, c, ours.data, 2.0, false);
        CommonOps_DDRM.mult(2.0, a, b, ref);
        assertTrue(maxDiff(ours, ref) < tol, "multTransB");

        DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);
        ops.multTransA(at.data, k, r, b.data, c, ours.data, 1.0, false);
        CommonOps_DDRM.mult(a, b, ref);
        assertTrue(maxDiff(ours, ref) < tol, "multTransA");
    }

    /** Values to 1e-12·σ_1 against the full SVD, and every returned triplet satisfies A v = σ u. */
    static void assertMatchesFullSvd(DMatrixRMaj a, TopSingular top, int k) {
        SingularSpectrum full = new SingularSpectrum(a.numRows, false);
        full.compute(a);
        double s1 = full.value(1);
        int n = a.numRows;
        DMatrixRMaj left = new DMatrixRMaj(n, k), right = new DMatrixRMaj(n, k);
        top.copyLeft(k, left);
        top.copyRight(k, right);
        for (int i = 1; i <= k; i++) {
            assertEquals(full.value(i), top.value(i), 1e-12 * Math.max(s1, 1e-300), "σ_" + i);
            double r2 = 0;
            for (int row = 0; row < a.numRows; row++) {
                double av = 0;
                for (int col = 0; col < a.numCols; col++) av += a.get(row, col) * right.get(col, i - 1);
                double e = av - top.value(i) * left.get(row, i - 1);
                r2 += e * e;
            }
            assertTrue(Math.sqrt(r2) <= 1e-12 * Math.max(s1, 1e-300), "triplet " + i);
        }
    }

    @Test
    void denseRandomMatrix() {
        DMatrixRMaj a = random(60, 7);
        TopSingular top = new TopSingular(60, 6);
        top.compute(a);
        assertMatchesFullSvd(a, top, 6);
    }

    @Test
    void rankDeficientAndZeroMatrices() {
        int n = 40;
        DMatrixRMaj u = random(n, 1), low = new DMatrixRMaj(n, n);
        // rank 3: u₁u₁ᵀ·3 + u₂u₂ᵀ·2 + u₃u₃ᵀ (columns of a Gaussian, not orthogonal: still rank 3)
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) low.add(i, j, (3 - r) * u.get(i, r) * u.get(j, r));
        }
        TopSingular top = new TopSingular(n, 5);
        top.compute(low);
        assertMatchesFullSvd(low, top, 5);
        assertEquals(0, top.value(4), 1e-12 * top.value(1));
        top.compute(new DMatrixRMaj(n, n));
        assertEquals(0, top.value(1), 0.0);
    }

    @Test
    void aDegenerateClusterLikeTheInnerLayers() {
        int n = 30;
        // αI plus a rank-2 bump: singular values (a, b, α, α, ..., α)
        DMatrixRMaj m = CommonOps_DDRM.identity(n);
        CommonOps_DDRM.scale(0.01, m);
        DMatrixRMaj q = RandomMatrices.orthogonal(n, new Random(3));
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            m.add(i, j, 1.2 * q.get(i, 0) * q.get(j, 0) + 0.7 * q.get(i, 1) * q.get(j, 1));
        }
        TopSingular top = new TopSingular(n, 5);
        top.compute(m);
        assertMatchesFullSvd(m, top, 5);
        assertEquals(0.01, top.value(5), 1e-13);
    }

    /**
     * A spectrum shaped like the engine's matrices (a separated top part over a small rest), drifting a
     * little per call like a GD iterate: the warm start converges in a few iterations, never falls back.
     */
    @Test
    void warmStartsTrackADriftingMatrixInFewIterations() {
        int n = 50;
        DMatrixRMaj qu = RandomMatrices.orthogonal(n, new Random(11)), qv = RandomMatrices.orthogonal(n, new Random(13));
        DMatrixRMaj base = new DMatrixRMaj(n, n), drift = random(n, 12), a = new DMatrixRMaj(n, n);
        double[] spectrum = {5, 4, 3, 2, 1.5};
        for (int r = 0; r < n; r++) {
            double s = r < spectrum.length ? spectrum[r] : 0.01 * (1 + r % 3);
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) base.add(i, j, s * qu.get(i, r) * qv.get(j, r));
        }
        TopSingular top = new TopSingular(n, 4);
        int iterations = 0;
        for (int t = 0; t < 40; t++) {
            a.setTo(base);
            CommonOps_DDRM.addEquals(a, 1e-4 * t, drift);
            top.compute(a);
            assertMatchesFullSvd(a, top, 4);
            if (t > 0) iterations += top.lastIterations();
        }
        assertEquals(0, top.fallbacks(), "never needed the full SVD");
        assertTrue(iterations <= 39 * 4, "warm starts converge quickly: " + iterations + " iterations in 39 calls");
    }
}
