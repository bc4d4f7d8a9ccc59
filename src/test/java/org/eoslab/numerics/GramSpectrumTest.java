package org.eoslab.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Extremes and top left vectors against a dense SVD of W, on EJML and on each native LAPACK path this JVM reaches
 * (the chosen one: bundled, or the system's under {@code -Deoslab.blas=system}; and the bundled one through JavaCPP).
 */
class GramSpectrumTest {

    /** null: EJML. */
    static NativeRoutines path(String name) {
        NativeRoutines r = switch (name) {
            case "ejml" -> null;
            case "native" -> NativeBlas.routines();
            case "javacpp" -> NativeBlas.bundledThroughJavacpp();
            default -> throw new IllegalArgumentException(name);
        };
        if (!name.equals("ejml")) Assumptions.assumeTrue(r != null, NativeBlas.description());
        return r;
    }

    @ParameterizedTest(name = "{0}×{1} {2}")
    @CsvSource({"40, 120, ejml", "60, 60, ejml", "120, 40, ejml", "7, 30, ejml",
                "40, 120, native", "60, 60, native", "120, 40, native", "7, 30, native",
                "40, 120, javacpp", "120, 40, javacpp"})
    void matchesADenseSvd(int rows, int cols, String path) {
        NativeRoutines lapack = path(path);
        Random rng = new Random(rows * 7L + cols);
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < w.data.length; i++) w.data[i] = rng.nextGaussian();
        for (int i = 0; i < Math.min(rows, cols); i++) w.set(i, i, w.get(i, i) + 20.0 / (1 + i));   // separated top
        GramSpectrum g = new GramSpectrum(rows, cols, 5, new RectOps(false), lapack);
        g.update(w.data);

        var svd = DecompositionFactory_DDRM.svd(rows, cols, true, false, false);
        assertTrue(svd.decompose(w.copy()));
        int m = Math.min(rows, cols);
        double[] s = svd.getSingularValues().clone();
        DMatrixRMaj u = svd.getU(null, false);
        SingularOps_DDRM.descendingOrder(u, false, s, m, null, false);
        for (int j = 1; j <= 5; j++) {
            assertEquals(s[j - 1], g.top(j), 1e-12 * s[0], "σ_" + j);
            double squaring = 2.2e-16 * s[0] * s[0] / s[m - j];            // the documented bound, ε·σ_1²/σ
            assertEquals(s[m - j], g.bottom(j), 10 * squaring + 1e-12 * s[m - j], "bottom σ_" + j);
        }
        DMatrixRMaj uk = CommonOps_DDRM.extract(u, 0, rows, 0, 5);
        DMatrixRMaj overlap = new DMatrixRMaj(5, 5);
        CommonOps_DDRM.multTransA(uk, g.topLeftVectors(), overlap);
        double distance = 5 - CommonOps_DDRM.elementSumAbs(CommonOps_DDRM.elementMult(overlap, overlap, null));
        assertTrue(Math.abs(distance) < 1e-10, "top-5 left subspace: eq. 8 distance " + distance);
    }

    /**
     * A top-5 of nearly equal singular values (1e-9 apart, then a gap), as a layer has at its random start: the
     * values and the top-5 subspace still match, and the returned vectors are orthonormal (inverse iteration must
     * re-orthogonalize inside the cluster).
     */
    @ParameterizedTest(name = "{0}×{1} {2}")
    @CsvSource({"50, 80, ejml", "80, 50, ejml", "50, 80, native", "80, 50, native", "50, 80, javacpp", "80, 50, javacpp"})
    void separatesACloseClusterAtTheTop(int rows, int cols, String path) {
        NativeRoutines lapack = path(path);
        Random rng = new Random(rows + 31L * cols);
        int m = Math.min(rows, cols);
        DMatrixRMaj u = org.ejml.dense.row.RandomMatrices_DDRM.orthogonal(rows, m, rng);
        DMatrixRMaj v = org.ejml.dense.row.RandomMatrices_DDRM.orthogonal(cols, m, rng);
        double[] s = new double[m];
        for (int i = 0; i < m; i++) s[i] = i < 5 ? 3 * (1 - 1e-9 * i) : 1.0 / (1 + 0.1 * i);
        DMatrixRMaj us = u.copy();
        for (int i = 0; i < rows; i++) for (int j = 0; j < m; j++) us.set(i, j, u.get(i, j) * s[j]);
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        CommonOps_DDRM.multTransB(us, v, w);
        GramSpectrum g = new GramSpectrum(rows, cols, 5, new RectOps(false), lapack);
        g.update(w.data);
        for (int j = 1; j <= 5; j++) {
            assertEquals(s[j - 1], g.top(j), 1e-13 * s[0], "σ_" + j);
            assertEquals(s[m - j], g.bottom(j), 1e-12, "bottom σ_" + j);
        }
        DMatrixRMaj uk = g.topLeftVectors();
        DMatrixRMaj gram = new DMatrixRMaj(5, 5);
        CommonOps_DDRM.multTransA(uk, uk, gram);
        for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) assertEquals(i == j ? 1 : 0, gram.get(i, j), 1e-10, "UᵀU");
        DMatrixRMaj overlap = new DMatrixRMaj(5, 5);
        CommonOps_DDRM.multTransA(CommonOps_DDRM.extract(u, 0, rows, 0, 5), uk, overlap);
        double distance = 5 - CommonOps_DDRM.elementSumAbs(CommonOps_DDRM.elementMult(overlap, overlap, null));
        assertTrue(Math.abs(distance) < 1e-10, "top-5 left subspace: eq. 8 distance " + distance);
    }
}
