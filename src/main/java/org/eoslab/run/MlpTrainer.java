package org.eoslab.run;

import java.nio.file.Path;
import java.util.Arrays;
import org.eoslab.config.LossKind;
import org.eoslab.config.MlpParameters;
import org.eoslab.engine.mlp.Dataset;
import org.eoslab.engine.mlp.IdxReader;
import org.eoslab.engine.mlp.Mlp;
import org.eoslab.engine.mlp.MlpHessian;
import org.eoslab.metrics.Layout;
import org.eoslab.metrics.MlpColumns;
import org.eoslab.metrics.MlpProbe;
import org.eoslab.numerics.Sharpness;

/** One run of the ReLU network (paper section 4.2), advanced one step at a time (see {@link Run}). */
public final class MlpTrainer implements Run<MlpParameters> {
    private final MlpParameters parameters;
    private final MlpColumns columns;
    private final Mlp mlp;
    private final Sharpness sharpness;
    private final MlpProbe probe;
    private final double[] row;
    private final String dataName;
    private double eta;
    private int sharpnessEvery;
    private long step;
    private long divergedAt = -1;
    private long diedAt = -1;
    private Snapshot latest;

    public MlpTrainer(MlpParameters p) {
        this(p, load(p.validate()), true);
    }

    public MlpTrainer(MlpParameters p, Dataset data, boolean parallel) {
        this.parameters = p.validate();
        this.columns = MlpColumns.of(p);
        this.dataName = data.source() + ", " + data.samples() + " samples";
        // f = (c/2)‖F − Y‖²: c = 2/(n·classes) makes it PyTorch's MSELoss, the mean over all n·classes entries
        double c = p.loss() == LossKind.MEAN ? 2.0 / ((double) data.samples() * data.classes()) : 1.0;
        this.mlp = new Mlp(data, p.depth(), p.hidden(), p.alpha(), p.seed(), c, parallel);
        this.sharpness = new Sharpness(new MlpHessian(mlp), p.seed());
        this.probe = new MlpProbe(mlp, columns, p.metricsEvery());
        this.row = columns.emptyRow();
        this.eta = p.eta();
        this.sharpnessEvery = p.sharpnessEvery();
        record(mlp.forward());
        if (mlp.dead()) diedAt = 0;
    }

    /** Resumes saved weights at step {@code step}; that step is measured again. */
    public MlpTrainer(MlpParameters p, Dataset data, double[][] state, long step) {
        this(p, data, true);
        mlp.restore(state);
        this.step = step;
        record(mlp.forward());
        if (mlp.dead()) diedAt = step;
    }

    /** The data of a parameter set: its IDX file, or the shipped subset. */
    public static Dataset load(MlpParameters p) {
        if (p.data() == null) return IdxReader.readBundled(p.samples());
        Path images = Path.of(p.data());
        return IdxReader.read(images, IdxReader.labelsFor(images), p.samples());
    }

    /** One GD step; false once the run has diverged or the network has died (then nothing changes). */
    @Override
    public boolean advance() {
        if (ended()) return false;
        mlp.step(eta);
        step++;
        double loss = mlp.forward();
        if (Divergence.diverged(loss)) {
            divergedAt = step;
            return false;
        }
        record(loss);
        if (mlp.dead()) diedAt = step;
        return true;
    }

    @Override
    public boolean ended() { return divergedAt >= 0 || diedAt >= 0; }

    /** The step at which every ReLU of the last hidden layer went off for good, −1 if it has not. */
    public long diedAt() { return diedAt; }

    @Override
    public String endMessage() {
        if (divergedAt >= 0) return Divergence.message(divergedAt);
        if (diedAt >= 0) {
            return "network died at step " + diedAt
                    + ": every ReLU of the last hidden layer is off, so the output and all gradients are zero";
        }
        return null;
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
        if (sharpnessEvery > 0 && step % sharpnessEvery == 0) {
            row[Layout.SHARPNESS] = sharpness.estimate(1e-8).eigenvalue();
        }
        probe.measure(step, row);
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
    public void setEta(double v) { eta = v; }

    @Override
    public double eta() { return eta; }

    @Override
    public void setSharpnessEvery(int every) { sharpnessEvery = Math.max(0, every); }

    @Override
    public MlpColumns columns() { return columns; }

    /** Where the data came from and how much of it, for reports and captions. */
    @Override
    public String source() { return dataName; }

    @Override
    public MlpParameters parameters() { return parameters.withEta(eta).withSharpnessEvery(sharpnessEvery); }

    @Override
    public double[][] state() { return mlp.state(); }

    public Mlp mlp() { return mlp; }
}
