package org.eoslab.run;

import java.nio.file.Path;
import java.util.Arrays;
import org.eoslab.config.LossKind;
import org.eoslab.config.MlpParameters;
import org.eoslab.engine.Sharpness;
import org.eoslab.engine.mlp.Dataset;
import org.eoslab.engine.mlp.IdxReader;
import org.eoslab.engine.mlp.Mlp;
import org.eoslab.engine.mlp.MlpHessian;
import org.eoslab.metrics.Layout;
import org.eoslab.metrics.MlpColumns;
import org.eoslab.metrics.MlpProbe;

/** One MLP run, advanced a step at a time by one owning thread; hands out immutable {@link Snapshot}s. */
public final class MlpTrainer {
    private final MlpParameters parameters;
    private final MlpColumns columns;
    private final Mlp mlp;
    private final Sharpness sharpness;
    private final MlpProbe probe;
    private final double[] row;
    private final String dataName;
    private double eta;
    private long step;
    private long divergedAt = -1;
    private long diedAt = -1;
    private Snapshot latest;

    public MlpTrainer(MlpParameters p) {
        this(p, load(p.validate()), true);
    }

    public MlpTrainer(MlpParameters p, Dataset data, boolean parallel) {
        this.parameters = p.validate();
        this.columns = new MlpColumns(p.depth());
        this.dataName = data.source() + ", " + data.samples() + " samples";
        // f = (c/2)‖F − Y‖²: c = 2/(n·classes) makes it PyTorch's MSELoss, the mean over all n·classes entries
        double c = p.loss() == LossKind.MEAN ? 2.0 / ((double) data.samples() * data.classes()) : 1.0;
        this.mlp = new Mlp(data, p.depth(), p.hidden(), p.alpha(), p.seed(), c, parallel);
        this.sharpness = new Sharpness(new MlpHessian(mlp), p.seed());
        this.probe = new MlpProbe(mlp, columns, p.metricsEvery());
        this.row = columns.emptyRow();
        this.eta = p.eta();
        record(mlp.forward());
        if (mlp.dead()) diedAt = 0;
    }

    /** The data of a parameter set: its IDX file, or the shipped subset. */
    public static Dataset load(MlpParameters p) {
        if (p.data() == null) return IdxReader.readBundled(p.samples());
        Path images = Path.of(p.data());
        return IdxReader.read(images, IdxReader.labelsFor(images), p.samples());
    }

    /** One GD step; false once the run has diverged or the network has died (then nothing changes). */
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

    public boolean ended() { return divergedAt >= 0 || diedAt >= 0; }

    /** The step at which every ReLU of the last hidden layer went off for good, −1 if it has not. */
    public long diedAt() { return diedAt; }

    /** How the run stopped early, or null: "diverged at step t", "network died at step t". */
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
        if (parameters.sharpnessEvery() > 0 && step % parameters.sharpnessEvery() == 0) {
            row[Layout.SHARPNESS] = sharpness.estimate(1e-8).eigenvalue();
        }
        probe.measure(step, row);
        latest = Snapshot.of(columns, row);
    }

    public Snapshot snapshot() { return latest; }

    public long step() { return step; }

    public long divergedAt() { return divergedAt; }

    public boolean diverged() { return divergedAt >= 0; }

    public void setEta(double v) { eta = v; }

    public double eta() { return eta; }

    public MlpColumns columns() { return columns; }

    /** Where the data came from and how much of it, for reports and captions. */
    public String dataName() { return dataName; }

    public MlpParameters parameters() { return parameters; }

    public Mlp mlp() { return mlp; }
}
