package org.eoslab.metrics;

import java.util.Random;
import org.eoslab.numerics.Lanczos;
import org.eoslab.numerics.Sharpness;
import org.eoslab.numerics.Vectors;

/**
 * The landscape view's measurements (issue 26), on the engine thread: it keeps the last {@link #RECENT} iterates (a
 * copy of the parameters per step, into buffers allocated once) and, when asked, finds the top Hessian eigenvector u₁
 * by Lanczos, the gradient's part orthogonal to it, and the loss on their plane, through a {@link LandscapeSurface}:
 * the deep linear network's exact polynomial (two Lanczos runs and O(L³) products a refresh), or the ReLU network's
 * forward passes. It measures a copy of the network, so the run's own is never touched.
 * <p>
 * The slice goes through the newest iterate, or the one before it when that one is sharper: on a period-2 orbit's
 * low branch the top eigenvector is another direction (the default preset: 0.85 × 2/η there, orthogonal to the
 * orbit), while on the high branch it is the direction the iterates bounce along.
 */
public final class LandscapeProbe {
    /** How many past iterates are kept and projected. */
    public static final int RECENT = 16;
    /** The slice reaches this many times the iterates' largest distance from their mean. */
    static final double REACH = 3;
    /** A warm start's random part: enough that an eigenvector that rose past the previous one is found. */
    private static final double KICK = 0.1;
    /** Iterates are kept from a run's start when they take at most this much memory. */
    private static final long KEPT_BYTES = 16L << 20;

    private final LandscapeSurface surface;
    private final int n;
    private final double[][] recent;             // ring: recent[slot] = the parameters, flat
    private final double[] recentLoss;
    private final long[] recentStep;
    private int count;
    private int next;
    private final long seed;
    // made on the first measurement: a run that is never looked at keeps only the ring
    private Lanczos lanczos;
    private double[][] warm;                     // the top eigenvector last found at each parity of step
    private boolean[] hasWarm;
    private double[] start;
    private double[] top;                        // u₁ at the measured iterate
    private double[] gradient;
    private double[] second;                     // the plane's second direction
    private Random rng;

    public LandscapeProbe(LandscapeSurface surface, long seed) {
        this.surface = surface;
        this.n = surface.dimension();
        this.seed = seed;
        this.recent = new double[RECENT][n];
        this.recentLoss = new double[RECENT];
        this.recentStep = new long[RECENT];
    }

    /** Whether a run with this many parameters keeps its recent iterates from the start (at most 16 MiB of them). */
    public static boolean keptFromTheStart(long parameters) {
        return RECENT * parameters * Double.BYTES <= KEPT_BYTES;
    }

    private void prepareMeasuring() {
        if (lanczos != null) return;
        this.rng = new Random(seed);
        this.lanczos = new Lanczos(n, Sharpness.MAX_ITERATIONS, rng);
        this.warm = new double[2][n];
        this.hasWarm = new boolean[2];
        this.start = new double[n];
        this.top = new double[n];
        this.gradient = new double[n];
        this.second = new double[n];
    }

    /** Keeps the current iterate (after its forward pass) as the newest of the recent ones. No allocation. */
    public void observe(long step, double loss) {
        surface.copyCurrent(recent[next]);
        recentLoss[next] = loss;
        recentStep[next] = step;
        next = (next + 1) % RECENT;
        count = Math.min(count + 1, RECENT);
    }

    /** Forgets the recent iterates (a restart, a fork). */
    public void reset() {
        count = 0;
        next = 0;
    }

    /** The ring slot of the k-th newest iterate (0 = newest). */
    private int slot(int k) { return (next - 1 - k + 2 * RECENT) % RECENT; }

    /**
     * The landscape through the newest observed iterate, or the one before it when that one is sharper.
     *
     * @param points the slice's number of points (at most the surface's)
     * @param grid   the plane's points per side (at most the surface's)
     */
    public Landscape measure(double eta, int points, int grid) {
        if (count == 0) throw new IllegalStateException("no iterate observed yet");
        prepareMeasuring();
        long started = System.nanoTime();
        int base = slot(0);
        double sharpness = topEigenvector(base);
        if (count > 1) {
            double newest = sharpness;
            double before = topEigenvector(slot(1));
            if (before > newest) {
                base = slot(1);
                sharpness = before;
            } else {                                         // back to the newest: its u₁ is its parity's warm vector
                System.arraycopy(warm[(int) (recentStep[base] & 1)], 0, top, 0, top.length);
                surface.measureAt(recent[base]);
            }
        }
        secondDirection();
        double[] mean = meanOfRecent();
        int k = count;
        double[] iterateX = new double[k];
        double[] iterateY = new double[k];
        double[] iterateLoss = new double[k];
        for (int i = 0; i < k; i++) {
            int at = slot(k - 1 - i);
            iterateX[i] = dotDifference(recent[at], mean, top);
            iterateY[i] = dotDifference(recent[at], recent[base], second);
            iterateLoss[i] = recentLoss[at];
        }
        double current = dotDifference(recent[base], mean, top);
        LandscapeSurface.Plane plane = surface.plane(top, second);
        double reachX = reach(iterateX, sharpness);
        double reachY = Math.max(reach(iterateY, sharpness), reachX);
        int sliceCount = Math.min(points, surface.maxPoints());
        int side = Math.min(grid, surface.maxGrid());
        double[] x = range(-reachX, reachX, sliceCount);
        double[] slice = new double[sliceCount];
        for (int i = 0; i < sliceCount; i++) slice[i] = plane.loss(x[i] - current, 0);
        double[] planeX = range(-reachX, reachX, side);
        double[] planeY = range(-reachY, reachY, side);
        double[][] values = new double[side][side];
        for (int j = 0; j < side; j++) {
            for (int i = 0; i < side; i++) values[j][i] = plane.loss(planeX[i] - current, planeY[j]);
        }
        return new Landscape(recentStep[base], eta, recentLoss[base], sharpness, plane.curvature(), plane.slope(),
                current, x, slice, iterateX, iterateLoss, iterateY, planeX, planeY, values, System.nanoTime() - started);
    }

    /**
     * λ_max and u₁ (unit, into {@link #top}) at a kept iterate, which becomes the measured parameters; warm-started
     * from the eigenvector found last at the same parity of step, plus a random part, and oriented like it.
     */
    private double topEigenvector(int at) {
        surface.measureAt(recent[at]);
        var hessian = surface.hessian();
        int parity = (int) (recentStep[at] & 1);
        double[] w = warm[parity];
        if (hasWarm[parity]) {
            for (int i = 0; i < start.length; i++) start[i] = rng.nextGaussian();
            double kick = KICK / Vectors.norm(start);
            for (int i = 0; i < start.length; i++) start[i] = w[i] + kick * start[i];
        }
        Lanczos.Result r = lanczos.largest(hessian::apply, hasWarm[parity] ? start : null, surface.tolerance(), top);
        if (hasWarm[parity] && Vectors.dot(w, top) < 0) for (int i = 0; i < top.length; i++) top[i] = -top[i];
        System.arraycopy(top, 0, w, 0, top.length);
        hasWarm[parity] = true;
        return r.eigenvalue();
    }

    /** The gradient's part orthogonal to u₁, normalized; a random direction orthogonal to u₁ at a stationary point. */
    private void secondDirection() {
        surface.gradient(gradient);
        System.arraycopy(gradient, 0, second, 0, n);
        double scale = Math.max(1, Vectors.norm(gradient));
        for (int attempt = 0; attempt < 2; attempt++) {
            double along = Vectors.dot(second, top);
            for (int i = 0; i < second.length; i++) second[i] -= along * top[i];
            double norm = Vectors.norm(second);
            if (norm > 1e-12 * scale) {
                for (int i = 0; i < second.length; i++) second[i] /= norm;
                return;
            }
            for (int i = 0; i < second.length; i++) second[i] = rng.nextGaussian();
        }
    }

    private double[] meanOfRecent() {
        double[] mean = new double[n];
        for (int k = 0; k < count; k++) {
            double[] w = recent[slot(k)];
            for (int j = 0; j < n; j++) mean[j] += w[j] / count;
        }
        return mean;
    }

    /** ⟨a − b, u⟩. */
    private static double dotDifference(double[] a, double[] b, double[] u) {
        double s = 0;
        for (int j = 0; j < u.length; j++) s += (a[j] - b[j]) * u[j];
        return s;
    }

    /**
     * How far the view reaches each side: {@link #REACH} times the iterates' largest distance or, at rest, where a
     * quadratic of the measured curvature rises by 0.01 (never less than 1e-9).
     */
    private static double reach(double[] positions, double curvature) {
        double largest = 0;
        for (double p : positions) largest = Math.max(largest, Math.abs(p));
        double atRest = Math.sqrt(2 * 0.01 / Math.max(curvature, 1e-12));
        return Math.max(1e-9, largest > 0 ? REACH * largest : atRest);
    }

    private static double[] range(double from, double to, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = from + (to - from) * i / (n - 1);
        return out;
    }
}
