package org.eoslab.numerics;

import java.util.Random;

/**
 * λ_max and its unit eigenvector along a path of nearby operators (a central flow's): each call starts Lanczos from
 * the last eigenvector plus a kick of relative size {@link #KICK}, so it converges in a few products, and a vector that
 * stopped being the top one cannot hold it (Lanczos's random restart on breakdown covers the rest). The first call
 * starts from a random vector. Workspace allocated once.
 */
public final class WarmLanczos {
    private static final double KICK = 1e-3;

    private final Random rng;
    private final Lanczos lanczos;
    private final double[] top;
    private final double[] warm;
    private boolean hasWarm;

    /** For operators of dimension n, at most {@code maxIterations} products a call, seeded. */
    public WarmLanczos(int n, int maxIterations, long seed) {
        this.rng = new Random(seed);
        this.lanczos = new Lanczos(n, maxIterations, rng);
        this.top = new double[n];
        this.warm = new double[n];
    }

    /** λ_max of {@code op}, converged to tol·max(|λ|, scale) (see {@link Lanczos#largest}); its vector in {@link #vector()}. */
    public double largest(Lanczos.Operator op, double tol, double scale) {
        double[] start = null;
        if (hasWarm) {
            start = warm;
            for (int i = 0; i < warm.length; i++) warm[i] = top[i] + KICK * rng.nextGaussian() / Math.sqrt(warm.length);
        }
        Lanczos.Result r = lanczos.largest(op, start, tol, scale, top);
        hasWarm = true;
        return r.eigenvalue();
    }

    /** The unit eigenvector of the last call (read-only; rewritten by the next). */
    public double[] vector() { return top; }
}
