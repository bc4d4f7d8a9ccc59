package org.eoslab.numerics;

import java.util.Random;

/**
 * Sharpness = the largest algebraic Hessian eigenvalue (paper Definition 1, math.md "Sharpness"), by
 * {@link Lanczos} on an exact Hessian-vector product ({@link DenseHessian} for the factorization, the
 * R-operator for the MLP), warm-started from the previous top eigenvector plus a small random kick (so a
 * newly risen eigenvalue is never missed).
 */
public final class Sharpness {
    public static final double DEFAULT_TOLERANCE = 1e-10;
    public static final int MAX_ITERATIONS = 80;
    private static final double KICK = 1e-2;

    private final HessianOperator hessian;
    private final Lanczos lanczos;
    private final double[] warm;
    private final double[] start;
    private final Random rng;
    private boolean hasWarm;

    public Sharpness(HessianOperator hessian, long seed) {
        this.hessian = hessian;
        int n = hessian.dimension();
        this.rng = Seeds.stream(seed, Seeds.LANCZOS);
        this.lanczos = new Lanczos(n, MAX_ITERATIONS, rng);
        this.warm = new double[n];
        this.start = new double[n];
    }

    /** The sharpness at the engine's last forward pass. */
    public Lanczos.Result estimate(double tol) {
        hessian.prepare();
        double[] startVector = null;
        if (hasWarm) {
            for (int i = 0; i < start.length; i++) start[i] = rng.nextGaussian();
            double kick = KICK / Lanczos.norm(start);
            for (int i = 0; i < start.length; i++) start[i] = warm[i] + kick * start[i];
            startVector = start;
        }
        Lanczos.Result result = lanczos.largest(hessian::apply, startVector, tol, warm);
        hasWarm = true;
        return result;
    }

    public Lanczos.Result estimate() {
        return estimate(DEFAULT_TOLERANCE);
    }

    /** y = H·x on flat vectors (one block per layer, W_1 first). */
    public void applyFlat(double[] x, double[] y) {
        hessian.apply(x, y);
    }

    /** Caches the backward products for {@link #applyFlat}; call after each forward pass. */
    public void prepare() {
        hessian.prepare();
    }
}
