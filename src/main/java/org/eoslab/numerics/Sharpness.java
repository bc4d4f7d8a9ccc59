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
            kick(warm, start);
            startVector = start;
        }
        Lanczos.Result result = lanczos.largest(hessian::apply, startVector, tol, warm);
        hasWarm = true;
        return result;
    }

    public Lanczos.Result estimate() {
        return estimate(DEFAULT_TOLERANCE);
    }

    /** A tracked estimate is accepted when ‖Hv − λv‖ ≤ this × |λ| (its error is then ≤ (that)²·λ²/gap). */
    static final double TRACK_ACCEPT = 3e-5;
    /**
     * The tracker's Lanczos (checks and restarts) stops at a residual below this × max(λ, scale), not at
     * {@link #DEFAULT_TOLERANCE}: fewer iterations on every tracked step. Not looser: near
     * the saddle the top eigenvalues cluster, where the eigenvalue's error is of the order of the residual itself,
     * not its square (1e-6 left errors of 1.5e-5 × 2/η at fig06's steps 10-50; 1e-8 matches 1e-10 there to 1e-9).
     */
    static final double TRACK_TOLERANCE = 1e-8;
    /** A full Lanczos from a random vector at least this often, so a newly risen eigenvalue is never missed. */
    static final int FULL_EVERY = 200;
    /**
     * Lanczos from the tracked vector plus a random kick at least this often: an eigenvalue just below can rise
     * past the tracked one (they cross while sharpness rises), and the Rayleigh quotient alone would go on
     * following the lower one, which is an eigenpair too.
     */
    static final int CHECK_EVERY = 16;

    private double[][] byParity;
    private boolean[] hasParity;
    private double[] hv;
    private int sinceFull;
    private int sinceCheck;
    private long tracked;
    private long solved;

    /**
     * The sharpness at the engine's last forward pass, tracked from step to step: at the edge of stability the
     * orbit alternates, so the top eigenvector of two steps back (same parity) is almost this step's. One
     * Hessian-vector product gives its Rayleigh quotient λ = vᵀHv and the residual ‖Hv − λv‖; λ is accepted when
     * the residual is below {@link #TRACK_ACCEPT}·|λ| (and v takes one power step, Hv/‖Hv‖), otherwise Lanczos
     * runs warm-started from v, and from a random vector every {@link #FULL_EVERY} estimates.
     */
    public double track(long step) {
        return track(step, Double.MIN_NORMAL);
    }

    /**
     * {@link #track(long)} with a scale below which an eigenvalue needs no more relative accuracy (tolerances are
     * relative to max(|λ|, scale)): near the saddle the sharpness is ~0 inside a cluster of equal eigenvalues,
     * where relative convergence would take every Lanczos iteration at every step.
     */
    public double track(long step, double scale) {
        int n = hessian.dimension();
        if (byParity == null) {
            byParity = new double[2][n];
            hasParity = new boolean[2];
            hv = new double[n];
        }
        hessian.prepare();
        int p = (int) (step & 1);
        double[] v = byParity[p];
        if (hasParity[p] && sinceFull < FULL_EVERY && sinceCheck < CHECK_EVERY) {
            hessian.apply(v, hv);
            double lambda = Lanczos.dot(v, hv);
            double r2 = 0;
            for (int i = 0; i < n; i++) {
                double d = hv[i] - lambda * v[i];
                r2 += d * d;
            }
            if (Math.sqrt(r2) <= TRACK_ACCEPT * Math.max(Math.abs(lambda), scale)) {
                if (lambda > 0) {
                    double norm = Lanczos.norm(hv);
                    for (int i = 0; i < n; i++) v[i] = hv[i] / norm;
                }
                sinceFull++;
                sinceCheck++;
                tracked++;
                return lambda;
            }
        }
        boolean full = !hasParity[p] || sinceFull >= FULL_EVERY;
        if (!full) kick(v, start);
        Lanczos.Result r = lanczos.largest(hessian::apply, full ? null : start, TRACK_TOLERANCE, scale, v);
        hasParity[p] = true;
        sinceFull = full ? 0 : sinceFull + 1;
        sinceCheck = 0;
        solved++;
        return r.eigenvalue();
    }

    /** Estimates taken by one Rayleigh quotient, and by Lanczos (bench, tests). */
    public long trackedCount() { return tracked; }

    public long solvedCount() { return solved; }

    /** out = v + a random direction of norm {@link #KICK}: a warm start that still sees every direction. */
    private void kick(double[] v, double[] out) {
        for (int i = 0; i < out.length; i++) out[i] = rng.nextGaussian();
        double kick = KICK / Lanczos.norm(out);
        for (int i = 0; i < out.length; i++) out[i] = v[i] + kick * out[i];
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
