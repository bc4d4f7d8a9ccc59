package org.eoslab.engine;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Sharpness = the largest algebraic Hessian eigenvalue (paper Definition 1, math.md "Sharpness"), by
 * {@link Lanczos} on the exact {@link HessianVectorProduct}, warm-started from the previous top
 * eigenvector plus a small random kick (so a newly risen eigenvalue is never missed).
 */
public final class Sharpness {
    public static final double DEFAULT_TOLERANCE = 1e-10;
    public static final int MAX_ITERATIONS = 80;
    private static final double KICK = 1e-2;

    private final DenseEngine engine;
    private final HessianVectorProduct hvp;
    private final Lanczos lanczos;
    private final DMatrixRMaj[] in;
    private final DMatrixRMaj[] out;
    private final double[] warm;
    private final double[] start;
    private final Random rng;
    private boolean hasWarm;
    private final int blockSize;

    public Sharpness(DenseEngine engine, long seed) {
        this.engine = engine;
        this.hvp = new HessianVectorProduct(engine);
        int n = hvp.dimension();
        this.rng = Seeds.stream(seed, Seeds.LANCZOS);
        this.lanczos = new Lanczos(n, MAX_ITERATIONS, rng);
        int d = engine.width();
        this.blockSize = d * d;
        this.in = new DMatrixRMaj[engine.depth()];
        this.out = new DMatrixRMaj[engine.depth()];
        for (int l = 0; l < engine.depth(); l++) {
            in[l] = new DMatrixRMaj(d, d);
            out[l] = new DMatrixRMaj(d, d);
        }
        this.warm = new double[n];
        this.start = new double[n];
    }

    /** The sharpness at the engine's last forward pass. */
    public Lanczos.Result estimate(double tol) {
        hvp.prepare();
        double[] startVector = null;
        if (hasWarm) {
            for (int i = 0; i < start.length; i++) start[i] = rng.nextGaussian();
            double kick = KICK / Lanczos.norm(start);
            for (int i = 0; i < start.length; i++) start[i] = warm[i] + kick * start[i];
            startVector = start;
        }
        Lanczos.Result result = lanczos.largest(this::applyFlat, startVector, tol, warm);
        hasWarm = true;
        return result;
    }

    public Lanczos.Result estimate() {
        return estimate(DEFAULT_TOLERANCE);
    }

    /** The top eigenvector found by the last estimate, flattened layer by layer (W_1 first). */
    public double[] topEigenvector() {
        return warm.clone();
    }

    /** y = H·x on flat vectors (one d×d block per layer, W_1 first). */
    public void applyFlat(double[] x, double[] y) {
        for (int l = 0; l < in.length; l++) {
            System.arraycopy(x, l * blockSize, in[l].data, 0, blockSize);
        }
        hvp.apply(in, out);
        for (int l = 0; l < out.length; l++) {
            System.arraycopy(out[l].data, 0, y, l * blockSize, blockSize);
        }
    }

    /** Caches the backward products for {@link #applyFlat}; call after each forward pass. */
    public void prepare() {
        hvp.prepare();
    }
}
