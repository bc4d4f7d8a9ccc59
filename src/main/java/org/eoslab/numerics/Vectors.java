package org.eoslab.numerics;

/** Dot products of long vectors, the inner loop of Lanczos, the sharpness tracker and the singular-value iteration. */
public final class Vectors {
    private Vectors() {}

    /**
     * Σ x[xFrom + c]·y[yFrom + c] over c < length, in four partial sums: independent chains, because C2 does not
     * vectorize a reduction and one chain waits on each addition's latency (about 4× slower on these machines).
     */
    public static double dot(double[] x, int xFrom, double[] y, int yFrom, int length) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int c = 0;
        for (; c + 3 < length; c += 4) {
            s0 += x[xFrom + c] * y[yFrom + c];
            s1 += x[xFrom + c + 1] * y[yFrom + c + 1];
            s2 += x[xFrom + c + 2] * y[yFrom + c + 2];
            s3 += x[xFrom + c + 3] * y[yFrom + c + 3];
        }
        for (; c < length; c++) s0 += x[xFrom + c] * y[yFrom + c];
        return (s0 + s1) + (s2 + s3);
    }

    /** xᵀy over the whole of x. */
    public static double dot(double[] x, double[] y) {
        return dot(x, 0, y, 0, x.length);
    }

    /** ‖x‖₂. */
    public static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }
}
