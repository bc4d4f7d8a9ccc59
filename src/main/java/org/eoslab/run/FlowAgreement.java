package org.eoslab.run;

import java.util.Locale;
import java.util.Optional;
import org.eoslab.metrics.CentralFlowColumns;
import org.eoslab.metrics.Columns;
import org.eoslab.metrics.Layout;
import org.eoslab.metrics.PeriodDetector;

/**
 * Where the central flow describes GD and where it stops (issue 26's readout), at the flow's latest step: its
 * predicted time averages against GD's means over the last {@link #WINDOW} steps (a whole number of periods 1, 2, 4
 * and 8), and GD's period there. The flow's theory is the 2-cycle's: past the first period doubling its error grows
 * (the 2-cycle flow on one mode, σ* = 1, L = 2: +0.00 % in the mean loss at 1.1 η₁, +5.4 % at 1.26 η₁, period 4;
 * FlowAgreementTest).
 *
 * @param step the flow's latest step, where both are compared
 * @param gdStep GD's latest step (the flow trails a fast run)
 * @param period GD's period over its last {@code periodSteps} steps to that step, or {@link PeriodDetector#NONE}
 * @param periodSteps the steps the period is read from: {@link #PERIOD_ROWS}, or all of them before that many
 * @param predictedLoss the flow's predicted time average of GD's loss; {@code gdLoss} GD's mean
 * @param predictedSigma1 the flow's predicted time average of GD's σ₁(P) (NaN for the ReLU network, which has no end-to-end
 *                        product); {@code gdSigma1} GD's mean of mode 1's value
 *                        |u*₁ᵀPv*₁| (the sorted σ₁(P) takes σ₂ when mode 1's low branch dips below it, as on the
 *                        default preset), or of σ₁(P) for a run without target modes
 * @param variance σ², the flow's predicted variance of GD's oscillation along u (0: the gradient flow)
 * @param sharpnessOverEdge the flow's S(w) in units of 2/η
 */
public record FlowAgreement(long step, long gdStep, int period, int periodSteps, double predictedLoss, double gdLoss,
                            double predictedSigma1, double gdSigma1, double variance, double sharpnessOverEdge) {
    /** GD's means are over this many steps. */
    public static final int WINDOW = 8;
    /** GD's period is read from this many steps. */
    static final int PERIOD_ROWS = 2 * PeriodDetector.MAX_PERIOD;

    /** The flow's relative error in GD's mean loss. */
    public double lossError() { return predictedLoss / gdLoss - 1; }

    /** The flow's relative error in GD's mean σ₁(P). */
    public double sigma1Error() { return predictedSigma1 / gdSigma1 - 1; }

    /** The comparison at the flow's latest row, once both have {@link #WINDOW} rows (and GD's are finite). */
    public static Optional<FlowAgreement> of(History gd, History flow) {
        if (!(flow.columns() instanceof CentralFlowColumns f)) return Optional.empty();
        Columns c = gd.columns() instanceof Columns linear && f.top() >= 1 ? linear : null;   // the ReLU network has no P
        int k = Math.min(gd.size(), flow.size()) - 1;
        if (k + 1 < WINDOW) return Optional.empty();
        double loss = 0, sigma1 = c == null ? Double.NaN : 0;
        for (int i = k - WINDOW + 1; i <= k; i++) {
            loss += gd.get(i, Layout.LOSS) / WINDOW;
            if (c != null) sigma1 += (c.rank() >= 1 ? Math.abs(gd.get(i, c.mode(1))) : gd.get(i, c.sigma(1))) / WINDOW;
        }
        if (!Double.isFinite(loss) || (c != null && !Double.isFinite(sigma1))) return Optional.empty();
        double eta = flow.get(k, f.eta());
        return Optional.of(new FlowAgreement((long) flow.get(k, Layout.STEP), (long) gd.get(gd.size() - 1, Layout.STEP),
                period(gd, k), Math.min(PERIOD_ROWS, k + 1), flow.get(k, f.meanLoss()), loss,
                c == null ? Double.NaN : flow.get(k, f.meanSigma(1)), sigma1, flow.get(k, f.variance()),
                flow.get(k, Layout.SHARPNESS) * eta / 2));
    }

    /** GD's loss repeats with this period over the steps to row k, to a thousandth of its range there. */
    private static int period(History gd, int k) {
        int from = Math.max(0, k + 1 - PERIOD_ROWS);
        double[] loss = new double[k + 1 - from];
        gd.column(Layout.LOSS, from, k + 1, loss);
        return PeriodDetector.period(loss, 0, loss.length, PeriodDetector.MAX_PERIOD,
                1e-3 * PeriodDetector.range(loss, 0, loss.length) + 1e-300);
    }

    /** The readout: what the flow predicts at its step, against GD, and whether the 2-cycle picture holds. */
    public String sentence(String flowName) {
        String at = String.format(Locale.ROOT, "%s at step %d%s: ", capitalised(flowName), step,
                gdStep > step ? " (GD is at step " + gdStep + ")" : "");
        String numbers = String.format(Locale.ROOT, "mean loss %.5g against GD's %.5g over its last %d steps (%+.2f %%)",
                predictedLoss, gdLoss, WINDOW, 100 * lossError()) + (Double.isNaN(gdSigma1) ? "" : String.format(Locale.ROOT,
                ", mode 1's σ₁ %.5g against %.5g (%+.2f %%)", predictedSigma1, gdSigma1, 100 * sigma1Error()));
        if (variance == 0) {
            return at + String.format(Locale.ROOT, "S = %.3f × 2/η, below the edge, so σ² = 0 and it is the gradient flow;"
                    + " %s.", sharpnessOverEdge, numbers);
        }
        String edge = String.format(Locale.ROOT, "at the edge (S = %.3f × 2/η, σ² = %.4g along u₁)", sharpnessOverEdge, variance);
        if (period == 2) return at + edge + ", GD orbits it in a 2-cycle: " + numbers + ".";
        String orbit = period == PeriodDetector.NONE ? "GD has no period up to " + PeriodDetector.MAX_PERIOD
                + " over its last " + periodSteps + " steps" : "GD's orbit has period " + period;
        String reading = period == 1 ? ": " : (period > 2 ? " (past the first period doubling): the 2-cycle picture breaks, " : ": ");
        return at + edge + "; " + orbit + reading + numbers + ".";
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
