package org.eoslab.run;

import org.eoslab.config.Parameters;
import org.eoslab.metrics.PeriodDoublings;
import org.eoslab.metrics.Theory;

/**
 * The one place for the defaults of every η sweep, in the app and the CLI: how long a transient is discarded, how
 * many steady-state steps are kept, and which η range a diagram opens on. Each range is set by the problem's onsets
 * (math.md eq. 11), so it frames the period doublings whatever the target.
 */
public final class SweepDefaults {
    /**
     * Steps of the reduced recursion discarded before the attractor is read. Generous on purpose: near an onset the
     * orbit's contraction factor tends to 1 and it settles slowly, and each step of the recursion costs O(r·L).
     */
    public static final int TRANSIENT = 20_000;
    /** Steady-state steps kept per η in the app: two full cycles of any period up to 32. */
    public static final int KEEP = 64;
    /** Kept per η by {@code sweep} (its CSV): two full cycles of any period up to 64. */
    public static final int CLI_KEEP = 128;
    /** The dense engine (verifying the recursion): a shorter transient at a few η, as each step costs O(L·d³). */
    public static final int DENSE_TRANSIENT = 4_000;
    public static final int DENSE_POINTS = 24;
    /** The period map's resolution: η columns and rows of the second parameter. */
    public static final int MAP_ETAS = 160;
    public static final int MAP_YS = 48;
    /** Mode 1's cascade is framed up to its doubling to this period (math.md's cascade table), plus a margin. */
    public static final int CASCADE_PERIOD = 32;
    static final double CASCADE_MARGIN = 1.03;

    private SweepDefaults() {}

    /**
     * The bifurcation diagram: from 0.85·η₁ through mode 1's whole cascade (3 % past its 16→32 doubling, so the
     * chaos beyond it shows), and on up to 1.15·η_r when mode r's onset is within 1.5·η₁.
     */
    public static double[] bifurcationRange(Parameters p) {
        double eta1 = Theory.onsetLearningRate(p, 1);
        double etaR = Theory.onsetLearningRate(p, p.rank());
        double[] doublings = PeriodDoublings.universal(p.depth(), CASCADE_PERIOD);
        double cascade = CASCADE_MARGIN * doublings[doublings.length - 1] * eta1;    // mode 1's whole cascade
        return new double[] {0.85 * eta1, Math.max(cascade, Math.min(1.15 * etaR, 1.5 * eta1))};
    }

    /** An η ramp of an animation: from just below the first onset to well into mode 1's oscillation. */
    public static double[] rampRange(Parameters p) {
        double eta1 = Theory.onsetLearningRate(p, 1);
        return new double[] {0.9 * eta1, 1.3 * eta1};
    }

    /** An η ramp of a network without an onset formula (the ReLU network): half to one and a half times its η. */
    public static double[] rampRange(double eta) {
        return new double[] {0.5 * eta, 1.5 * eta};
    }

    /**
     * The period map's η range over rows whose first onsets span [{@code minOnset}, {@code maxOnset}]: from 0.8 of
     * the smallest to 1.5 of the largest (in units of each row's η₁: 0.8 to 1.5); none known: around {@code eta}.
     */
    public static double[] mapRange(double minOnset, double maxOnset, double eta) {
        return maxOnset == 0 ? new double[] {0.5 * eta, 1.5 * eta} : new double[] {0.8 * minOnset, 1.5 * maxOnset};
    }

    /** The period map's range in units of each row's η₁. */
    public static double[] relativeMapRange() {
        return mapRange(1, 1, 1);
    }
}
