package org.eoslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.eoslab.numerics.ExplicitHessian;
import org.eoslab.numerics.Sharpness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ReLU network's gradient against central differences of the loss, the R-operator HVP against central
 * differences of the gradient, and Lanczos on it against a dense eigen-decomposition. The loss is piecewise
 * quadratic: at a random point no sample sits on a kink within the finite-difference step.
 */
class MlpDerivativesTest {

    static Dataset tiny(int features, int samples, int classes, long seed) {
        Random rng = new Random(seed);
        double[] x = new double[features * samples];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextDouble();
        int[] labels = new int[samples];
        for (int j = 0; j < samples; j++) labels[j] = j % classes;
        return new Dataset(features, samples, classes, x, labels, "test");
    }

    static double[] flatten(double[][] blocks) {
        int total = 0;
        for (double[] b : blocks) total += b.length;
        double[] out = new double[total];
        int k = 0;
        for (double[] b : blocks) { System.arraycopy(b, 0, out, k, b.length); k += b.length; }
        return out;
    }

    static double[][] unflatten(double[] flat, double[][] like) {
        double[][] out = new double[like.length][];
        int k = 0;
        for (int l = 0; l < like.length; l++) {
            out[l] = java.util.Arrays.copyOfRange(flat, k, k + like[l].length);
            k += like[l].length;
        }
        return out;
    }

    static double lossAt(Mlp mlp, double[] flat) {
        mlp.restore(unflatten(flat, mlp.state()));
        return mlp.forward();
    }

    static double[] gradientAt(Mlp mlp, double[] flat) {
        mlp.restore(unflatten(flat, mlp.state()));
        mlp.forward();
        double[][] g = mlp.state();
        mlp.gradient(g);
        return flatten(g);
    }

    @ParameterizedTest(name = "depth={0} hidden={1} c={2} biases={3}")
    @CsvSource({"2, 5, 1.0, false", "4, 6, 1.0, false", "4, 5, 0.05, false", "6, 4, 1.0, false",
                "2, 5, 1.0, true", "4, 6, 1.0, true", "6, 4, 0.05, true"})
    void gradientAndHessianVectorProductMatchFiniteDifferences(int depth, int hidden, double c, boolean biases) {
        Mlp mlp = new Mlp(tiny(7, 9, 3, 1), depth, hidden, 1.0, 5, c, biases, false);
        double[] w = flatten(mlp.state());
        if (biases) for (int i = w.length - 3 - (depth - 1) * hidden; i < w.length; i++) w[i] = 0.3 * Math.sin(i);
        double[] g = gradientAt(mlp, w);
        double h = 1e-6;
        for (int i = 0; i < w.length; i++) {
            double[] plus = w.clone(), minus = w.clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (lossAt(mlp, plus) - lossAt(mlp, minus)) / (2 * h);
            assertEquals(fd, g[i], 1e-6 * Math.max(1, Math.abs(fd)), "∂f/∂w[" + i + "]");
        }
        Random rng = new Random(3);
        double[] v = new double[w.length];
        for (int i = 0; i < v.length; i++) v[i] = rng.nextGaussian();
        mlp.restore(unflatten(w, mlp.state()));
        mlp.forward();
        MlpHessian hessian = new MlpHessian(mlp);
        hessian.prepare();
        double[] hv = new double[w.length];
        hessian.apply(v, hv);
        double e = 1e-6;
        double[] plus = w.clone(), minus = w.clone();
        for (int i = 0; i < w.length; i++) { plus[i] += e * v[i]; minus[i] -= e * v[i]; }
        double[] gp = gradientAt(mlp, plus), gm = gradientAt(mlp, minus);
        for (int i = 0; i < w.length; i++) {
            double fd = (gp[i] - gm[i]) / (2 * e);
            assertEquals(fd, hv[i], 1e-5 * Math.max(1, Math.abs(fd)), "(Hv)[" + i + "]");
        }
    }

    @ParameterizedTest(name = "depth={0} biases={1}")
    @CsvSource({"3, false", "4, false", "6, true"})
    void lanczosFindsTheLargestEigenvalueOfTheExplicitHessian(int depth, boolean biases) {
        Mlp mlp = new Mlp(tiny(5, 8, 3, 2), depth, 4, 1.3, 9, 1.0, biases, false);
        if (biases) {
            double[][] s = mlp.state();
            for (int l = depth; l < s.length; l++) for (int i = 0; i < s[l].length; i++) s[l][i] = 0.2 * Math.cos(l + i);
            mlp.restore(s);
        }
        mlp.forward();
        MlpHessian hessian = new MlpHessian(mlp);
        int n = hessian.dimension();
        DMatrixRMaj explicit = ExplicitHessian.of(hessian);
        double asym = 0;
        for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) asym = Math.max(asym, Math.abs(explicit.get(i, k) - explicit.get(k, i)));
        assertTrue(asym < 1e-10, "the R-operator Hessian is symmetric: " + asym);
        double[] spectrum = ExplicitHessian.eigenvalues(explicit);
        double top = spectrum[n - 1];
        double estimate = new Sharpness(hessian, 1).estimate(1e-12).eigenvalue();
        assertEquals(top, estimate, 1e-9 * Math.abs(top));
    }

    /**
     * The HVP's cached backward signals belong to one forward pass: after a step, apply() refuses until prepare(),
     * which then gives bit for bit what a new operator at the new weights gives.
     */
    @org.junit.jupiter.api.Test
    void theHessianRefusesAStaleCache() {
        Mlp mlp = new Mlp(tiny(7, 9, 3, 1), 3, 6, 1.0, 5, 1.0, true, false);
        mlp.forward();
        assertTrue(!mlp.dead(), "a live network");
        MlpHessian hessian = new MlpHessian(mlp);
        double[] x = new double[hessian.dimension()], y = new double[x.length];
        Random rng = new Random(4);
        for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> hessian.apply(x, y));
        hessian.prepare();
        hessian.apply(x, y);
        double[] before = y.clone();
        mlp.step(0.05);
        mlp.forward();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> hessian.apply(x, y));
        hessian.prepare();
        hessian.apply(x, y);
        MlpHessian fresh = new MlpHessian(mlp);
        fresh.prepare();
        double[] expected = new double[x.length];
        fresh.apply(x, expected);
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, y, 0.0);
        assertTrue(!java.util.Arrays.equals(before, y), "H changed with the weights");
    }

    /** The branch-free ReLU and its derivative's mask equal the branchy forms bit for bit, signed zeros included. */
    @org.junit.jupiter.api.Test
    void branchFreeReluMatchesTheBranchyFormBitForBit() {
        java.util.Random rng = new java.util.Random(3);
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300, -1e-300};
        int n = 1000;
        double[] pre = new double[n], signal = new double[n];
        for (int i = 0; i < n; i++) {
            pre[i] = i < special.length ? special[i] : rng.nextGaussian();
            signal[i] = i % 7 == 0 ? -0.0 : rng.nextGaussian();
        }
        double[] act = new double[n], masked = signal.clone();
        Mlp.relu(pre, act);
        Mlp.zeroWhereInactive(pre, masked, n);
        for (int i = 0; i < n; i++) {
            double relu = pre[i] > 0 ? pre[i] : 0;
            double mask = pre[i] <= 0 ? 0 : signal[i];
            assertEquals(Double.doubleToRawLongBits(relu), Double.doubleToRawLongBits(act[i]), "relu of " + pre[i]);
            assertEquals(Double.doubleToRawLongBits(mask), Double.doubleToRawLongBits(masked[i]), "mask at " + pre[i]);
        }
    }

    @org.junit.jupiter.api.Test
    void aStepAllocatesNothing() {
        Mlp mlp = new Mlp(tiny(20, 64, 10, 4), 4, 16, 1.0, 1, 0.01, true, false);
        for (int t = 0; t < 300; t++) { mlp.forward(); mlp.step(0.1); }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        // the least of five windows: a recompilation (code compiled for an earlier test's shapes) can fall in one
        // window and run a few steps interpreted; an allocation in the step itself shows in every window
        long allocated = Long.MAX_VALUE;
        for (int window = 0; window < 5; window++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int t = 0; t < 200; t++) { mlp.forward(); mlp.step(0.1); }
            allocated = Math.min(allocated, threads.getThreadAllocatedBytes(id) - before);
        }
        assertTrue(allocated < 1000, "allocated per 200 steps: " + allocated + " bytes");
    }
}
