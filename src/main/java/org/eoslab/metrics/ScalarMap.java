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
        double w = Math.pow(sigma, 1.0 / depth);
        double wl1 = Math.pow(w, depth - 1);
        double nw = w - etaC * (wl1 * w - s) * wl1;
        return Math.pow(Math.abs(nw), depth);
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
