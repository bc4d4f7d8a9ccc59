package org.eoslab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.eoslab.config.Init;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each initialization and target has the structure the paper defines, checked by an SVD. */
class InitializationAndTargetTest {

    private static double[] sortedSingularValues(DMatrixRMaj m) {
        double[] s = SingularOps_DDRM.singularValues(m);
        java.util.Arrays.sort(s);
        return s;
    }

    @ParameterizedTest
    @EnumSource(Init.class)
    void layersHaveTheDefinedSpectrum(Init init) {
        int d = 40;
        double alpha = 0.07;
        DMatrixRMaj[] w = Initialization.create(init, d, 3, alpha, new Random(3));
        for (int l = 0; l < 3; l++) {
            boolean last = l == 2;
            double[] s = sortedSingularValues(w[l]);
            switch (init) {
                case IDENTITY -> {
                    DMatrixRMaj expected = CommonOps_DDRM.identity(d);
                    CommonOps_DDRM.scale(last ? 0 : alpha, expected);
                    assertEquals(0, CommonOps_DDRM.elementMaxAbs(diff(w[l], expected)), 0.0);
                }
                case ORTHOGONAL -> assertAll(s, alpha);
                case ZERO_ORTHOGONAL -> assertAll(s, last ? 0.0 : alpha);
                case GAUSSIAN -> {
                    double sum2 = 0;
                    for (double v : w[l].data) sum2 += v * v;
                    // sample std of 1600 N(0, α²) entries: within 4 standard errors (1/√(2·1600) ≈ 1.8%)
                    assertEquals(alpha, Math.sqrt(sum2 / (d * d)), 0.07 * alpha);
                }
            }
        }
    }

    private static void assertAll(double[] values, double expected) {
        for (double v : values) assertEquals(expected, v, 1e-13);
    }

    private static DMatrixRMaj diff(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj out = a.copy();
        CommonOps_DDRM.subtractEquals(out, b);
        return out;
    }

    @Test
    void randomTargetHasTheGivenSpectrumAndOrthonormalVectors() {
        double[] s = {3.0, 2.0, 0.5};
        Target t = Target.random(12, s, false, new Random(9));
        double[] actual = Target.singularValuesOf(rows(t.matrix()));
        for (int i = 0; i < 3; i++) assertEquals(s[i], actual[i], 1e-13);
        for (int i = 3; i < 12; i++) assertEquals(0, actual[i], 1e-13);
        DMatrixRMaj gram = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.multTransA(t.left(), t.left(), gram);
        assertEquals(0, CommonOps_DDRM.elementMaxAbs(diff(gram, CommonOps_DDRM.identity(3))), 1e-14);
        CommonOps_DDRM.multTransA(t.right(), t.right(), gram);
        assertEquals(0, CommonOps_DDRM.elementMaxAbs(diff(gram, CommonOps_DDRM.identity(3))), 1e-14);
    }

    @Test
    void symmetricTargetIsSymmetric() {
        Target t = Target.random(8, new double[] {2.0, 1.0}, true, new Random(1));
        DMatrixRMaj transposed = CommonOps_DDRM.transpose(t.matrix(), null);
        assertEquals(0, CommonOps_DDRM.elementMaxAbs(diff(t.matrix(), transposed)), 1e-15);
    }

    @Test
    void targetFromMatrixRecoversItsSvd() {
        Target original = Target.random(6, new double[] {4.0, 1.5}, false, new Random(2));
        Target read = Target.fromMatrix(rows(original.matrix()), 2);
        assertEquals(4.0, read.singularValue(1), 1e-13);
        assertEquals(1.5, read.singularValue(2), 1e-13);
        DMatrixRMaj overlap = new DMatrixRMaj(2, 2);
        CommonOps_DDRM.multTransA(original.left(), read.left(), overlap);
        assertEquals(1.0, Math.abs(overlap.get(0, 0)), 1e-12);
        assertEquals(1.0, Math.abs(overlap.get(1, 1)), 1e-12);
    }

    static double[][] rows(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) for (int j = 0; j < m.numCols; j++) out[i][j] = m.get(i, j);
        return out;
    }
}
