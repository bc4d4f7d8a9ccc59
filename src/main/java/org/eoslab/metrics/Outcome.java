package org.eoslab.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * How a run ended, judged from the tail of each mode's trajectory: diverged at step t; oscillating (which
 * modes, with which period); converged; or still training (no oscillation, loss still well above zero).
 */
public record Outcome(Status status, long divergedAtStep, List<ModeBehaviour> modes) {

    public enum Status { CONVERGED, OSCILLATING, DIVERGED, TRAINING }

    /**
     * One mode over the tail window. period: smallest p ≤ 64 with x(t) = x(t−p) to 1e-8·σ*_i, 0 if none.
     */
    public record ModeBehaviour(int mode, boolean oscillating, int period, double min, double max) {
        public double amplitude() { return max - min; }
    }

    /** Step-to-step moves below this fraction of σ*_i do not count as oscillation. */
    public static final double AMPLITUDE_TOLERANCE = 1e-6;
    /** Two values this close (relative to σ*_i) are the same point of an orbit. */
    public static final double PERIOD_TOLERANCE = 1e-8;
    /** A loss this far below its start counts as converged. */
    public static final double CONVERGED_LOSS_RATIO = 1e-8;

    public static Outcome diverged(long step) {
        return new Outcome(Status.DIVERGED, step, List.of());
    }

    /**
     * @param tails tails[i][t]: mode i+1 over the last n steps (n ≥ 3 for a judgement)
     * @param targets σ*_i, the scale of each mode
     */
    public static Outcome classify(double[][] tails, int n, double[] targets, double firstLoss, double lastLoss) {
        List<ModeBehaviour> modes = new ArrayList<>();
        boolean anyOscillating = false;
        for (int i = 0; i < tails.length; i++) {
            ModeBehaviour m = judge(i + 1, tails[i], n, targets[i]);
            anyOscillating |= m.oscillating();
            modes.add(m);
        }
        Status status;
        if (anyOscillating) {
            status = Status.OSCILLATING;
        } else if (lastLoss <= CONVERGED_LOSS_RATIO * firstLoss || lastLoss == 0) {
            status = Status.CONVERGED;
        } else {
            status = Status.TRAINING;
        }
        return new Outcome(status, -1, List.copyOf(modes));
    }

    /**
     * Oscillating = moves larger than the tolerance whose direction flips at least every other step on
     * average (a monotone approach, e.g. a saddle escape, never flips).
     */
    public static ModeBehaviour judge(int mode, double[] x, int n, double scale) {
        double largestMove = 0;
        int flips = 0;
        for (int t = 1; t < n; t++) {
            double move = x[t] - x[t - 1];
            largestMove = Math.max(largestMove, Math.abs(move));
            if (t >= 2 && move * (x[t - 1] - x[t - 2]) < 0) flips++;
        }
        boolean oscillating = n >= 3 && largestMove > AMPLITUDE_TOLERANCE * scale && flips >= (n - 2) / 4;
        int period = PeriodDetector.period(x, 0, n, PeriodDetector.MAX_PERIOD, PERIOD_TOLERANCE * scale);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            lo = Math.min(lo, x[t]);
            hi = Math.max(hi, x[t]);
        }
        return new ModeBehaviour(mode, oscillating, period, lo, hi);
    }

    /** 1-based indices of the oscillating modes. */
    public List<Integer> oscillatingModes() {
        List<Integer> out = new ArrayList<>();
        for (ModeBehaviour m : modes) if (m.oscillating()) out.add(m.mode());
        return out;
    }

    /** One line for people: "oscillating: modes 1, 2 (periods 2, 2)". */
    public String describe() {
        return switch (status) {
            case DIVERGED -> "diverged at step " + divergedAtStep;
            case CONVERGED -> "converged";
            case TRAINING -> "still training (no oscillation, loss not yet converged)";
            case OSCILLATING -> {
                StringBuilder modesText = new StringBuilder();
                StringBuilder periods = new StringBuilder();
                for (ModeBehaviour m : modes) {
                    if (!m.oscillating()) continue;
                    if (modesText.length() > 0) { modesText.append(", "); periods.append(", "); }
                    modesText.append(m.mode());
                    periods.append(m.period() == 0 ? "none up to 64" : Integer.toString(m.period()));
                }
                yield "oscillating: modes " + modesText + " (periods " + periods + ")";
            }
        };
    }
}
