package org.eoslab.run;

import java.util.Arrays;
import org.eoslab.config.Fields;
import org.eoslab.config.RunParameters;
import org.eoslab.metrics.Layout;

/**
 * What every run does around a GD step, whichever network: η and the sharpness cadence in force, the step count,
 * divergence, and the row of measurements each step leaves (step, loss, η, sharpness every K steps, then the
 * model's own probes). Subclasses say how to step, how to measure, and how to estimate the sharpness, and
 * call {@link #record} for the initial weights at the end of their constructor.
 *
 * @param <P> the parameters of the network
 */
abstract class AbstractRun<P extends RunParameters> implements Run<P> {
    private final Layout columns;
    private final double[] row;
    private double eta;
    private int sharpnessEvery;
    private long step;
    private long divergedAt = -1;
    private Snapshot latest;

    AbstractRun(Layout columns, P parameters) {
        this.columns = columns;
        this.row = columns.emptyRow();
        this.eta = parameters.eta();
        this.sharpnessEvery = parameters.sharpnessEvery();
    }

    /** W ← W − η∇f(W), on the owning thread. */
    abstract void takeStep(double eta);

    /** The loss at the current weights (and whatever the measurements need cached from that pass). */
    abstract double forward();

    /** λ_max(∇²f) at the current weights, NaN where the model has no estimator. */
    abstract double estimateSharpness();

    /** Fills the model's own columns of {@code row} for this step. */
    abstract void measure(long step, double[] row);

    /** After a good step: notes any other way the run ends (a dead ReLU network). */
    void afterStep() {}

    @Override
    public boolean advance() {
        if (ended()) return false;
        takeStep(eta);
        step++;
        double loss = forward();
        if (Divergence.diverged(loss)) {
            divergedAt = step;
            return false;
        }
        record(loss);
        afterStep();
        return true;
    }

    /** Measures the current weights as step {@code at} (the initial weights, or restored ones). */
    final void recordAt(long at) {
        step = at;
        record(forward());
    }

    private void record(double loss) {
        if (Divergence.diverged(loss)) {
            divergedAt = step;
            return;
        }
        Arrays.fill(row, Double.NaN);
        row[Layout.STEP] = step;
        row[Layout.LOSS] = loss;
        row[columns.eta()] = eta;
        if (sharpnessEvery > 0 && step % sharpnessEvery == 0) row[Layout.SHARPNESS] = estimateSharpness();
        measure(step, row);
        latest = Snapshot.of(columns, row);
    }

    @Override
    public Snapshot snapshot() { return latest; }

    @Override
    public long step() { return step; }

    @Override
    public long divergedAt() { return divergedAt; }

    public boolean diverged() { return divergedAt >= 0; }

    @Override
    public String endMessage() { return diverged() ? Divergence.message(divergedAt) : null; }

    @Override
    public double eta() { return eta; }

    @Override
    public void setEta(double eta) {
        this.eta = Fields.ETA.check(eta);              // an InvalidParameterException names the field
    }

    int sharpnessEvery() { return sharpnessEvery; }

    /**
     * Sharpness every step or every other step is tracked ({@link org.eoslab.numerics.Sharpness#track}: one
     * Hessian-vector product from the eigenvector of two steps back, Lanczos to check); sparser estimates
     * each run a warm-started Lanczos.
     */
    boolean tracksSharpness() { return sharpnessEvery == 1 || sharpnessEvery == 2; }

    @Override
    public void setSharpnessEvery(int every) { sharpnessEvery = Math.max(0, every); }
}
