package org.eoslab.engine.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eoslab.numerics.NativeBlas;
import org.eoslab.numerics.RectOps;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The ReLU network on the machine's BLAS against the same network on the Java kernels: the two paths round
 * differently, so they agree to rounding over a short run, not bit for bit (skipped where no native BLAS is
 * installed; CI installs OpenBLAS).
 */
class NativePathTest {

    private static Mlp network(String path) {
        String before = System.setProperty("eoslab.blas", path);
        try {
            return new Mlp(MlpDerivativesTest.tiny(60, 150, 10, 3), 4, 40, 0.408, 2, 2.0 / 1500, true, true);
        } finally {
            if (before == null) System.clearProperty("eoslab.blas"); else System.setProperty("eoslab.blas", before);
        }
    }

    @Test
    void nativeAndJavaKernelsAgreeOverARun() {
        Assumptions.assumeTrue(RectOps.fastest(false).isNative(), NativeBlas.description());
        Mlp onNative = network("native");
        Mlp onJava = network("java");
        for (int t = 0; t < 30; t++) {
            double a = onNative.forward();
            double b = onJava.forward();
            assertEquals(b, a, 1e-10 * b, "loss at step " + t);
            onNative.step(1.0);
            onJava.step(1.0);
        }
        double[][] x = onNative.state(), y = onJava.state();
        for (int l = 0; l < x.length; l++) {
            for (int i = 0; i < x[l].length; i++) assertEquals(y[l][i], x[l][i], 1e-9, "parameter block " + l);
        }
        assertTrue(NativeBlas.description().startsWith("native"), NativeBlas.description());
    }

    /** OpenBLAS runs half the cores per call (set through its own API when it loads) and the count can be changed. */
    @Test
    void openBlasRunsOneThreadPerCallAndCanBeSet() {
        Assumptions.assumeTrue(RectOps.fastest(false).isNative() && NativeBlas.threads() > 0, NativeBlas.description());
        int perCall = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        assertEquals(perCall, NativeBlas.threads());
        assertTrue(NativeBlas.description().contains(perCall + (perCall == 1 ? " thread" : " threads") + " per call"),
                NativeBlas.description());
        try {
            assertTrue(NativeBlas.setThreads(2));
            assertEquals(2, NativeBlas.threads());
        } finally {
            NativeBlas.setThreads(perCall);
        }
        assertEquals(perCall, NativeBlas.threads());
    }
}
