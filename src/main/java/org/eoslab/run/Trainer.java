package org.eoslab.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eoslab.config.EngineKind;
import org.eoslab.config.Parameters;
import org.eoslab.engine.DenseEngine;
import org.eoslab.engine.DenseHessian;
import org.eoslab.engine.Dynamics;
import org.eoslab.engine.ReducedDynamics;
import org.eoslab.engine.Target;
import org.eoslab.engine.Targets;
import org.eoslab.metrics.Columns;
import org.eoslab.metrics.DenseProbe;
import org.eoslab.metrics.Probe;
import org.eoslab.metrics.ReducedProbe;
import org.eoslab.numerics.Sharpness;

/**
 * One run of the deep linear network: an engine (dense GD or the reduced recursion), its probe and its
 * sharpness estimator, advanced one step at a time (see {@link Run}).
 */
public final class Trainer implements Run<Parameters> {
    private final Parameters parameters;
    private final Columns columns;
    private final Dynamics dynamics;
    private final Probe probe;
    private final Sharpness sharpness;
    private final double[] row;
    private double eta;
    private int sharpnessEvery;
    private long step;
    private long divergedAt = -1;
    private Snapshot latest;

    public Trainer(Parameters parameters) {
        this(parameters, Targets.of(parameters.validate()));
    }

    public Trainer(Parameters parameters, Target target) {
        this.parameters = parameters.validate();
        this.columns = Columns.of(parameters);
        this.eta = parameters.eta();
        this.sharpnessEvery = parameters.sharpnessEvery();
        this.row = columns.emptyRow();
        if (parameters.engine() == EngineKind.REDUCED) {
            ReducedDynamics reduced = ReducedDynamics.create(parameters, target);
            this.dynamics = reduced;
            this.probe = new ReducedProbe(reduced, columns);
            this.sharpness = null;
        } else {
            DenseEngine dense = DenseEngine.create(parameters, target);
            this.dynamics = dense;
            this.probe = new DenseProbe(dense, columns);
            this.sharpness = new Sharpness(new DenseHessian(dense), parameters.seed());
        }
        record(dynamics.forward());
    }

    /**
     * Resumes a saved run: the weights of step {@code step} at η = parameters.eta(). The first snapshot is
     * that step measured again (its subspace distances are NaN: the previous step's vectors are not saved).
     */
    public Trainer(Parameters parameters, Target target, double[][] state, long step) {
        this(parameters, target);
        dynamics.restore(state);
        probe.reset();
        this.step = step;
        record(dynamics.forward());
    }

    @Override
    public boolean advance() {
        if (divergedAt >= 0) return false;
        dynamics.step(eta);
        step++;
        double loss = dynamics.forward();
        if (Divergence.diverged(loss)) {
            divergedAt = step;
            return false;
        }
        record(loss);
        return true;
    }

    private void record(double loss) {
        if (Divergence.diverged(loss)) {
            divergedAt = step;
            return;
        }
        Arrays.fill(row, Double.NaN);
        row[Columns.STEP] = step;
        row[Columns.LOSS] = loss;
        row[columns.eta()] = eta;
        if (sharpness != null && sharpnessEvery > 0 && step % sharpnessEvery == 0) {
            row[Columns.SHARPNESS] = sharpness.estimate().eigenvalue();
        }
        probe.measure(row);
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
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta: " + eta + " must be positive and finite");
        }
        this.eta = eta;
    }

    @Override
    public void setSharpnessEvery(int every) {
        this.sharpnessEvery = Math.max(0, every);
    }

    @Override
    public Columns columns() { return columns; }

    @Override
    public Parameters parameters() { return parameters.withEta(eta).withSharpnessEvery(sharpnessEvery); }

    public Target target() { return dynamics.target(); }

    @Override
    public double[] targetValues() { return target().singularValues(); }

    @Override
    public String source() {
        return parameters.targetFile() != null ? "target " + parameters.targetFile()
                : "target σ* = " + Arrays.stream(target().singularValues())
                        .mapToObj(v -> String.format(Locale.ROOT, "%.6g", v)).collect(Collectors.joining(", "));
    }

    @Override
    public PhaseMonitor monitor() {
        return new PhaseMonitor(columns, parameters.init(), target().singularValues());
    }

    @Override
    public double[][] state() {
        return dynamics.state();
    }

    /** The dynamics; for benchmarks and tests on the owning thread only. */
    public Dynamics dynamics() { return dynamics; }
}
