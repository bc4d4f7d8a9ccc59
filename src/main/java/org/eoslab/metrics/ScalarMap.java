package org.eoslab.metrics;

/**
 * The reduced map of one mode on the balanced manifold (math.md, "Theorem 1 — the reduced engine", with
 * every layer's value equal, w = σ^{1/L}), in σ units:
 * <pre>
 *   w ← w − η·c·(w^L − s)·w^{L−1},      σ = w^L
 * </pre>
 * Periodic orbits of GD at the edge of stability lie on this manifold (the recursion balances, Conjecture 1;
 * measured |x − y| ≤ 1e-14 on 2-, 4- and 8-cycles), so its cobweb plot shows the live orbit. Fixed point
 * σ = s; it flips at η = η_i (math.md).
 */
public final class ScalarMap {
    private final double s;
    private final int depth;
    private final double etaC;

    public ScalarMap(double s, int depth, double eta, double lossScale) {
        this.s = s;
        this.depth = depth;
        this.etaC = eta * lossScale;
    }

    /** One GD step from σ (σ ≥ 0). */
    public double next(double sigma) {
        return Math.pow(Math.abs(step(Math.pow(sigma, 1.0 / depth))), depth);
    }

    /** One GD step of a layer's value w (σ = w^L): w − η·c·(w^L − s)·w^{L−1}. */
    public double step(double w) {
        double wl1 = power(w, depth - 1);
        return w - etaC * (wl1 * w - s) * wl1;
    }

    /** dw'/dw = 1 − η·c·(L·w^{2L−2} + (L−1)·(w^L − s)·w^{L−2}): the map's slope, whose products are multipliers. */
    public double slope(double w) {
        double wl2 = power(w, depth - 2);
        double wl1 = wl2 * w;
        return 1 - etaC * (depth * wl1 * wl1 + (depth - 1) * (wl1 * w - s) * wl2);
    }

    private static double power(double w, int k) {
        double r = 1;
        for (int i = 0; i < k; i++) r *= w;
        return r;
    }

    /**
     * The Lyapunov exponent of the map's attractor, (1/n)·Σ ln|g'(w_t)| over {@code steps} steps after
     * {@code transientSteps}, from w = 0.9·s^{1/L}: negative on a periodic orbit (ln|multiplier| / period),
     * positive in chaos; NaN when the iterates diverge.
     */
    public double lyapunov(int transientSteps, int steps) {
        double w = 0.9 * Math.pow(s, 1.0 / depth);
        double bound = 1e3 * Math.pow(s, 1.0 / depth);
        for (int t = 0; t < transientSteps; t++) {
            w = step(w);
            if (!(Math.abs(w) < bound)) return Double.NaN;
        }
        double sum = 0;
        for (int t = 0; t < steps; t++) {
            sum += Math.log(Math.abs(slope(w)));
            w = step(w);
            if (!(Math.abs(w) < bound)) return Double.NaN;
        }
        return sum / steps;
    }

    /** A period-p orbit of the map (in w) and its multiplier Π g'(w_j): stable while |multiplier| < 1. */
    public record Cycle(double w, double multiplier) {}

    /** The period-p orbit through the point Newton's method reaches from {@code w} (g^p(w) = w), or null. */
    public Cycle cycle(double w, int p) {
        for (int it = 0; it < 100; it++) {
            double x = w;
            double d = 1;
            for (int j = 0; j < p; j++) {
                d *= slope(x);
                x = step(x);
            }
            double delta = (x - w) / (d - 1);
            if (!Double.isFinite(delta)) return null;
            w -= delta;
            if (Math.abs(delta) <= 1e-15 * Math.abs(w)) break;
        }
        double x = w;
        double multiplier = 1;
        for (int j = 0; j < p; j++) {
            multiplier *= slope(x);
            x = step(x);
        }
        return Math.abs(x - w) <= 1e-9 * Math.abs(w) ? new Cycle(w, multiplier) : null;
    }

    /** The attractor's point after {@code steps} steps from 0.9·s^{1/L} (w units). */
    public double settle(int steps) {
        double w = 0.9 * Math.pow(s, 1.0 / depth);
        for (int t = 0; t < steps; t++) w = step(w);
        return w;
    }

    /** Two GD steps from σ. */
    public double twoStep(double sigma) {
        return next(next(sigma));
    }

    /**
     * The 2-cycle {low, high} around s, by bisection on g(g(σ)) − σ between the fixed point and the
     * outermost sign change on each side; null when there is none (η below the onset).
     */
    public double[] twoCycle() {
        double low = root(1e-9 * s, s * (1 - 1e-9));
        if (Double.isNaN(low)) return null;
        double high = next(low);
        return new double[] {Math.min(low, high), Math.max(low, high)};
    }

    /** A root of g(g(σ)) − σ in (lo, hi), scanning from hi downward for the first sign change. */
    private double root(double lo, double hi) {
        int samples = 4000;
        double prevX = hi;
        double prevF = twoStep(hi) - hi;
        for (int i = 1; i <= samples; i++) {
            double x = hi - (hi - lo) * i / samples;
            double f = twoStep(x) - x;
            if (Double.isFinite(f) && Double.isFinite(prevF) && (f == 0 || Math.signum(f) != Math.signum(prevF))) {
                return bisect(x, prevX);
            }
            prevX = x;
            prevF = f;
        }
        return Double.NaN;
    }

    private double bisect(double a, double b) {
        double fa = twoStep(a) - a;
        for (int i = 0; i < 200; i++) {
            double m = 0.5 * (a + b);
            double fm = twoStep(m) - m;
            if (fm == 0 || b - a < 1e-15 * s) return m;
            if (Math.signum(fm) == Math.signum(fa)) {
                a = m;
                fa = fm;
            } else {
                b = m;
            }
        }
        return 0.5 * (a + b);
    }
}
