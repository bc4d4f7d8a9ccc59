package org.eoslab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gradient against central differences of the loss; the exact HVP against central differences of the gradient. */
class DerivativesTest {

    @ParameterizedTest(name = "d={0} L={1} c={2}")
    @CsvSource({"3, 2, 1.0", "4, 3, 1.0", "3, 4, 1.0", "5, 3, 0.08"})
    void gradientMatchesCentralDifferencesOfTheLoss(int d, int depth, double c) {
        Target target = Fixtures.target(d, new double[] {2.0, 0.7}, 11);
        DMatrixRMaj[] w = Fixtures.randomWeights(d, depth, 0.8, 5);
        DMatrixRMaj[] g = Fixtures.gradient(target, w, c);
        double h = 1e-6;
        for (int l = 0; l < depth; l++) {
            for (int k = 0; k < d * d; k++) {
                DMatrixRMaj[] e = Fixtures.zerosLike(w);
                e[l].data[k] = 1;
                double fd = (Fixtures.loss(target, Fixtures.shifted(w, e, h), c)
                        - Fixtures.loss(target, Fixtures.shifted(w, e, -h), c)) / (2 * h);
                assertEquals(fd, g[l].data[k], 1e-7 * Math.max(1, Math.abs(fd)), "∂f/∂W_" + (l + 1) + "[" + k + "]");
            }
        }
    }

    @ParameterizedTest(name = "d={0} L={1} c={2}")
    @CsvSource({"3, 2, 1.0", "4, 3, 1.0", "3, 4, 1.0", "5, 3, 0.08", "6, 5, 1.0"})
    void hessianVectorProductMatchesCentralDifferencesOfTheGradient(int d, int depth, double c) {
        Target target = Fixtures.target(d, new double[] {1.5, 1.0}, 3);
        DMatrixRMaj[] w = Fixtures.randomWeights(d, depth, 0.9, 7);
        DMatrixRMaj[] v = Fixtures.randomWeights(d, depth, 1.0, 8);
        DenseEngine engine = new DenseEngine(target, w, c);
        engine.forward();
        HessianVectorProduct hvp = new HessianVectorProduct(engine);
        hvp.prepare();
        DMatrixRMaj[] hv = Fixtures.zerosLike(w);
        hvp.apply(v, hv);
        double h = 1e-5;
        DMatrixRMaj[] plus = Fixtures.gradient(target, Fixtures.shifted(w, v, h), c);
        DMatrixRMaj[] minus = Fixtures.gradient(target, Fixtures.shifted(w, v, -h), c);
        for (int l = 0; l < depth; l++) {
            for (int k = 0; k < d * d; k++) {
                double fd = (plus[l].data[k] - minus[l].data[k]) / (2 * h);
                assertEquals(fd, hv[l].data[k], 1e-6 * Math.max(1, Math.abs(fd)), "(Hv)_" + (l + 1) + "[" + k + "]");
            }
        }
    }
}
