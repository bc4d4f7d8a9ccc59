package org.eoslab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.eoslab.engine.DenseEngine;
import org.eoslab.engine.DenseHessian;
import org.eoslab.engine.Target;
import org.eoslab.numerics.Sharpness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * At the balanced minimum of the identity-init family (diagonal in the invariant bases: W_L = diag(a_i, 0),
 * W_ℓ = diag(a_i, α), a_i = σ*_i^{1/L}), E = 0 and the Hessian is JᵀJ, whose whole spectrum follows in
 * closed form: λ_i per mode, λ_ij twice per pair of modes, and the residual couplings. The explicit
 * Hessian (exact HVP on unit vectors) is eigen-decomposed densely and compared with that multiset.
 */
class HessianSpectrumAtMinimumTest {

    @ParameterizedTest(name = "L={0} c={1}")
    @CsvSource({"2, 1.0", "3, 1.0", "4, 1.0", "3, 0.125"})
    void everyEigenvalueMatchesTheClosedForm(int depth, double c) {
        int d = 4;
        double[] s = {2.0, 1.3};
        double alpha = 0.2;
        int r = s.length;
        double[][] m = new double[d][d];
        for (int i = 0; i < r; i++) m[i][i] = s[i];
        Target target = Target.fromMatrix(m, r);
        DMatrixRMaj[] w = new DMatrixRMaj[depth];
        for (int l = 0; l < depth; l++) {
            w[l] = new DMatrixRMaj(d, d);
            for (int i = 0; i < d; i++) {
                double v = i < r ? Theory.balancedLayerValue(s[i], depth) : (l == depth - 1 ? 0 : alpha);
                w[l].set(i, i, v);
            }
        }
        DenseEngine engine = new DenseEngine(target, w, c);
        assertTrue(engine.forward() < 1e-28, "a minimum");
        double[] actual = spectrum(engine, depth * d * d);
        double[] expected = closedForm(s, d, depth, alpha, c);
        assertEquals(expected.length, actual.length);
        double scale = expected[expected.length - 1];
        assertArrayEquals(expected, actual, 1e-12 * scale);
        assertEquals(Theory.predictedSharpness(s[0], depth, c), actual[actual.length - 1], 1e-12 * scale);
        assertTrue(Theory.onsetLearningRate(s[0], depth, c) < Theory.crossModeOnset(s[0], s[1], depth, c));
        assertTrue(Theory.crossModeOnset(s[0], s[1], depth, c) < Theory.onsetLearningRate(s[1], depth, c));
    }

    /** Ascending multiset of all L·d² eigenvalues at the balanced minimum. */
    private static double[] closedForm(double[] s, int d, int depth, double alpha, double c) {
        int r = s.length;
        List<Double> ev = new ArrayList<>();
        double alpha2 = alpha * alpha;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                // entry (i, j) of every layer: dP_ij = Σ_ℓ [Π_{k>ℓ} D_k(i)] V_ℓ(i,j) [Π_{k<ℓ} D_k(j)], rank one
                double sum = 0;
                for (int l = 1; l <= depth; l++) {
                    double left = 1;
                    for (int k = l + 1; k <= depth; k++) left *= layerValue(s, i, k, depth, alpha);
                    double right = 1;
                    for (int k = 1; k < l; k++) right *= layerValue(s, j, k, depth, alpha);
                    sum += left * left * right * right;
                }
                ev.add(c * sum);
                for (int z = 1; z < depth; z++) ev.add(0.0);
                if (i < r && j < r && i != j) {
                    assertEquals(Theory.crossModeSharpness(s[i], s[j], depth, c), c * sum, 1e-12 * c * sum);
                }
                if (i < r && i == j) assertEquals(Theory.predictedSharpness(s[i], depth, c), c * sum, 1e-12 * c * sum);
            }
        }
        double[] out = ev.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(out);
        return out;
    }

    private static double layerValue(double[] s, int i, int layer, int depth, double alpha) {
        if (i < s.length) return Theory.balancedLayerValue(s[i], depth);
        return layer == depth ? 0.0 : alpha;
    }

    private static double[] spectrum(DenseEngine engine, int n) {
        Sharpness sharpness = new Sharpness(new DenseHessian(engine), 1);
        sharpness.prepare();
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        double[] e = new double[n];
        double[] col = new double[n];
        for (int k = 0; k < n; k++) {
            Arrays.fill(e, 0);
            e[k] = 1;
            sharpness.applyFlat(e, col);
            for (int i = 0; i < n; i++) h.set(i, k, col[i]);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        eig.decompose(h);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = eig.getEigenvalue(i).real;
        Arrays.sort(v);
        return v;
    }

    /**
     * The lowest cross-mode onset is the pair with the smallest η_ij = 2/λ_ij, λ_ij = c·(σ_i² − σ_j²)/(σ_i^{2/L} − σ_j^{2/L})
     * (docs/findings.md): here the closest pair of target values, 1.8 and 1.6, not the top pair.
     */
    @org.junit.jupiter.api.Test
    void theLowestCrossModeOnsetIsTheClosedFormsSmallestPair() {
        org.eoslab.config.Parameters p = org.eoslab.config.Parameters.defaults().withSpectrum(new double[] {2.0, 1.8, 1.6, 0.5})
                .withLoss(org.eoslab.config.LossKind.SUM);
        double best = Double.POSITIVE_INFINITY;
        int bi = 0;
        int bj = 0;
        double[] s = p.singularValues();
        for (int i = 0; i < s.length; i++) {
            for (int j = i + 1; j < s.length; j++) {
                double lambda = (s[i] * s[i] - s[j] * s[j]) / (Math.pow(s[i], 2.0 / p.depth()) - Math.pow(s[j], 2.0 / p.depth()));
                if (2 / lambda < best) { best = 2 / lambda; bi = i + 1; bj = j + 1; }
            }
        }
        var cross = Theory.lowestCrossModeOnset(p).orElseThrow();
        assertEquals(best, cross.eta(), 1e-12 * best);
        assertEquals(java.util.List.of(bi, bj), java.util.List.of(cross.i(), cross.j()));
        assertTrue(Theory.lowestCrossModeOnset(p.withSpectrum(new double[] {2.0})).isEmpty(), "rank 1: no pair");
    }
}
