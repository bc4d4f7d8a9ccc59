package org.eoslab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.eoslab.numerics.ExplicitHessian;
import org.eoslab.numerics.Lanczos;
import org.eoslab.numerics.Sharpness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lanczos on the exact HVP against a dense eigen-decomposition of the explicit Hessian (d ≤ 4), including
 * a point where the most negative eigenvalue has the largest magnitude: the sharpness is the largest
 * algebraic eigenvalue, which power iteration would miss there.
 */
class LanczosTest {

    /** Dense eigenvalues of a symmetric matrix, ascending. */
    @ParameterizedTest(name = "d={0} L={1} weight scale={2}")
    @CsvSource({"2, 2, 0.9", "3, 3, 0.7", "4, 3, 0.5", "3, 4, 0.8", "4, 2, 1.2"})
    void largestEigenvalueMatchesDenseDecomposition(int d, int depth, double scale) {
        Target target = Fixtures.target(d, new double[] {2.0, 1.0}, 21);
        DMatrixRMaj[] w = Fixtures.randomWeights(d, depth, scale, 13);
        DenseEngine engine = new DenseEngine(target, w, 1.0);
        engine.forward();
        DenseHessian hessian = new DenseHessian(engine);
        Sharpness sharpness = new Sharpness(hessian, 1);
        int n = depth * d * d;
        DMatrixRMaj exact = ExplicitHessian.of(hessian);
        DMatrixRMaj fd = Fixtures.finiteDifferenceHessian(target, w, 1.0, 1e-5);
        assertTrue(CommonOps_DDRM.elementMaxAbs(diff(exact, fd)) < 1e-6 * Math.max(1, CommonOps_DDRM.elementMaxAbs(fd)),
                "HVP-assembled Hessian equals the finite-difference Hessian");
        double[] spectrum = ExplicitHessian.eigenvalues(exact);
        double top = spectrum[n - 1];
        double estimate = sharpness.estimate(1e-12).eigenvalue();
        assertEquals(top, estimate, 1e-9 * Math.abs(top));
    }

    @Test
    void findsTheLargestAlgebraicEigenvalueWhereTheNegativeOneDominates() {
        int d = 3;
        int depth = 3;
        // W_ℓ = a·e₁e₁ᵀ, M* = diag(3.5, 2.5, 1.5): the (1,1) entries are the scalar problem ½(xyz − m)²,
        // whose residual Hessian e·a·[[0,1,1],[1,0,1],[1,1,0]] has eigenvalues e·a·(2, −1, −1) with
        // e = a³ − 3.5 < 0, while every off-diagonal pair only adds ±|e|·a: λ_min ≈ −2|e|a, λ_max ≈ |e|a.
        Target target = Target.fromMatrix(new double[][] {{3.5, 0, 0}, {0, 2.5, 0}, {0, 0, 1.5}}, 3);
        DMatrixRMaj[] w = new DMatrixRMaj[depth];
        for (int l = 0; l < depth; l++) {
            w[l] = new DMatrixRMaj(d, d);
            w[l].set(0, 0, 0.1);
        }
        double[] spectrum = spectrumAt(target, w);
        double lowest = spectrum[0];
        double top = spectrum[spectrum.length - 1];
        assertTrue(top > 0 && -lowest > 1.5 * top, "precondition: the negative end dominates (" + lowest + " vs " + top + ")");

        DenseEngine engine = new DenseEngine(target, w, 1.0);
        engine.forward();
        double estimate = new Sharpness(new DenseHessian(engine), 2).estimate(1e-12).eigenvalue();
        assertEquals(top, estimate, 1e-9 * Math.abs(lowest));
    }

    @Test
    void lanczosOnAKnownDiagonalSpectrumWithAWarmStartOnALowerEigenvector() {
        int n = 50;
        double[] diag = new double[n];
        for (int i = 0; i < n; i++) diag[i] = -10 + 0.3 * i;      // largest: 4.7, most negative: −10
        Lanczos lanczos = new Lanczos(n, 60, new Random(1));
        double[] start = new double[n];
        start[3] = 1;                                             // exactly an eigenvector (λ = −9.1)
        start[n - 1] = 1e-6;                                      // plus a trace of the top one
        Lanczos.Result r = lanczos.largest((x, y) -> { for (int i = 0; i < n; i++) y[i] = diag[i] * x[i]; }, start, 1e-12, null);
        assertEquals(4.7, r.eigenvalue(), 1e-9);
    }

    private static double[] spectrumAt(Target target, DMatrixRMaj[] w) {
        DenseEngine engine = new DenseEngine(target, w, 1.0);
        engine.forward();
        return ExplicitHessian.eigenvalues(ExplicitHessian.of(new DenseHessian(engine)));
    }

    private static DMatrixRMaj diff(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.subtract(a, b, out);
        return out;
    }
}
