import java.util.Random;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.eoslab.numerics.Kernels;

/**
 * The Java fallback's product kernel (org.eoslab.numerics.Kernels: four rows of C at a time through scratch rows,
 * vectorized by C2) against a register-blocked kernel on the JDK's Vector API (incubator in 17): a 4 × 2-vector
 * block of C held in registers over the whole inner loop, B packed in rows, A's entries broadcast. One core,
 * GFLOP/s, best of 7 blocks. The app keeps whichever is faster (README, Performance).
 * Run: mvn -q compile && java --add-modules jdk.incubator.vector -cp target/classes bench/VectorKernel.java
 */
public final class VectorKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    /** C (r × m) = A (r × n) · B, B packed as n rows of m; m a multiple of 2 lanes here. */
    static void vectorMult(double[] a, double[][] b, double[] c, int r, int n, int m) {
        int w = S.length();
        for (int i = 0; i + 3 < r; i += 4) {
            for (int j = 0; j + 2 * w <= m; j += 2 * w) {
                DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
                for (int k = 0; k < n; k++) {
                    DoubleVector b0 = DoubleVector.fromArray(S, b[k], j), b1 = DoubleVector.fromArray(S, b[k], j + w);
                    DoubleVector x0 = DoubleVector.broadcast(S, a[i * n + k]), x1 = DoubleVector.broadcast(S, a[(i + 1) * n + k]);
                    DoubleVector x2 = DoubleVector.broadcast(S, a[(i + 2) * n + k]), x3 = DoubleVector.broadcast(S, a[(i + 3) * n + k]);
                    c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01);
                    c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11);
                    c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21);
                    c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31);
                }
                c00.intoArray(c, i * m + j); c01.intoArray(c, i * m + j + w);
                c10.intoArray(c, (i + 1) * m + j); c11.intoArray(c, (i + 1) * m + j + w);
                c20.intoArray(c, (i + 2) * m + j); c21.intoArray(c, (i + 2) * m + j + w);
                c30.intoArray(c, (i + 3) * m + j); c31.intoArray(c, (i + 3) * m + j + w);
            }
        }
    }

    public static void main(String[] args) {
        System.out.printf("Vector API species: %s (%d doubles)%n", S, S.length());
        System.out.printf("%18s %14s %14s %12s%n", "r×n·n×m", "Kernels", "Vector API", "max |diff|");
        int[][] shapes = {{48, 48, 48}, {96, 96, 96}, {200, 200, 192}, {1000, 784, 192}};
        for (int[] sh : shapes) {
            int r = sh[0], n = sh[1], m = sh[2];
            Random rng = new Random(1);
            double[] a = new double[r * n], bFlat = new double[n * m], c1 = new double[r * m], c2 = new double[r * m];
            for (int i = 0; i < a.length; i++) a[i] = rng.nextGaussian();
            for (int i = 0; i < bFlat.length; i++) bFlat[i] = rng.nextGaussian();
            double[][] b = new double[n][m];
            Kernels.packRows(bFlat, n, m, b);
            double[][] scratch = Kernels.scratch(m);
            double flops = 2.0 * r * n * m;
            double ours = best(() -> Kernels.multRows(a, b, c1, n, m, 1.0, false, 0, r, scratch), flops);
            double vec = best(() -> vectorMult(a, b, c2, r, n, m), flops);
            double diff = 0;
            for (int i = 0; i < c1.length; i++) diff = Math.max(diff, Math.abs(c1[i] - c2[i]));
            System.out.printf("%18s %11.1f GF %11.1f GF %12.1e%n", r + "×" + n + "·" + n + "×" + m, ours, vec, diff);
        }
    }

    private static double best(Runnable product, double flops) {
        int reps = (int) Math.max(3, 2e8 / flops);
        for (int i = 0; i < 20 * reps; i++) product.run();                        // warm-up: C2 compiles both
        double best = 0;
        for (int block = 0; block < 7; block++) {
            long t = System.nanoTime();
            for (int i = 0; i < reps; i++) product.run();
            best = Math.max(best, reps * flops / (System.nanoTime() - t));
        }
        return best;
    }
}
