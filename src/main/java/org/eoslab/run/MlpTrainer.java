package org.eoslab.run;

import java.nio.file.Path;
import org.eoslab.config.LossKind;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.ShippedData;
import org.eoslab.engine.mlp.Dataset;
import org.eoslab.engine.mlp.IdxReader;
import org.eoslab.engine.mlp.Mlp;
import org.eoslab.engine.mlp.MlpHessian;
import org.eoslab.metrics.Landscape;
import org.eoslab.metrics.LandscapeProbe;
import org.eoslab.metrics.MlpColumns;
import org.eoslab.metrics.MlpSurface;
import org.eoslab.metrics.MlpProbe;
import org.eoslab.numerics.Sharpness;

/** One run of the ReLU network (paper section 4.2), advanced one step at a time (see {@link Run}). */
public final class MlpTrainer extends AbstractRun<MlpParameters> {
    private final MlpParameters parameters;
    private final MlpColumns columns;
    private final Mlp mlp;
    /**
     * Lanczos stops at a residual ‖Hv − λv‖ ≤ this·λ. The eigenvalue's error is of order residual²/gap: measured
     * at the live tab's size (n = 1000, width 200, depth 4, η = 2, steps 100-400) it stayed within 1.6e-8 of the
     * value at 1e-8, in 9-19 Hessian-vector products instead of 16-25.
     */
    public static final double SHARPNESS_TOLERANCE = 1e-4;

    private Sharpness sharpness;          // made on the first estimate: its Lanczos basis is large
    private final MlpProbe probe;
    private final String dataName;
    private final ComputePath computePath;
    private long diedAt = -1;
    private LandscapeProbe landscape;     // the recent iterates, kept from the landscape tab's first ask (issue 26)

    public MlpTrainer(MlpParameters p) {
        this(p, load(p.validate()), true);
    }

    public MlpTrainer(MlpParameters p, Dataset data, boolean parallel) {
        this(p.validate(), data, parallel, MlpColumns.of(p));
        recordAt(0);
        if (mlp.dead()) diedAt = 0;
    }

    private MlpTrainer(MlpParameters p, Dataset data, boolean parallel, MlpColumns columns) {
        super(columns, MemoryBudget.require(p, data.features()));
        this.parameters = p;
        this.columns = columns;
        this.dataName = data.source() + ", " + data.samples() + " samples";
        // f = (c/2)‖F − Y‖²: c = 2/(n·classes) makes it PyTorch's MSELoss, the mean over all n·classes entries
        double c = p.loss() == LossKind.MEAN ? 2.0 / ((double) data.samples() * data.classes()) : 1.0;
        this.mlp = new Mlp(data, p.depth(), p.hidden(), p.alpha(), p.seed(), c, p.biases(), parallel);
        this.probe = new MlpProbe(mlp, columns, p.metricsEvery());
        this.computePath = mlp.onNativeBlas() || org.eoslab.numerics.NativeBlas.source() == null
                ? ComputePath.current() : ComputePath.javaKernels();
    }

    /** Where this network's products and layer spectra run: the native library and binding, or the Java kernels and why. */
    @Override
    public ComputePath computePath() { return computePath; }

    /** Resumes saved weights at step {@code step}; that step is measured again. */
    public MlpTrainer(MlpParameters p, Dataset data, double[][] state, long step) {
        this(p, data, true);
        mlp.restore(state);
        recordAt(step);
        if (mlp.dead()) diedAt = step;
    }

    /** The data of a parameter set: its IDX file, or the shipped subset. */
    public static Dataset load(MlpParameters p) {
        ShippedData shipped = ShippedData.named(p.data());
        if (shipped != null) return IdxReader.readShipped(shipped, p.samples());
        Path images = org.eoslab.config.InputFiles.path("mlp.data", p.data());
        return IdxReader.read(images, IdxReader.labelsFor(images), p.samples());
    }

    @Override
    void takeStep(double eta) { mlp.step(eta); }

    @Override
    double forward() { return mlp.forward(); }

    @Override
    double estimateSharpness() {
        if (sharpness == null) sharpness = new Sharpness(new MlpHessian(mlp), parameters.seed());
        // not tracked: at the ReLU network's edge of stability the top eigenvector of two steps back is 13-35 %
        // off (residual ‖Hv − λv‖/λ, measured at n = 1000), so a Rayleigh quotient never passes; warm Lanczos
        return sharpness.estimate(SHARPNESS_TOLERANCE).eigenvalue();
    }

    @Override
    void measure(long step, double[] row) { probe.measure(step, row); }

    @Override
    void afterStep() {
        if (mlp.dead()) diedAt = step();
        if (landscape != null && snapshot() != null) landscape.observe(step(), snapshot().loss());
    }

    /**
     * The landscape at the latest step: the loss along the top Hessian eigenvector and over its plane with the
     * gradient, a forward pass over all the data per point ({@link MlpSurface}). The recent iterates are kept from the
     * first ask (16 copies of the default network are 30 MB).
     */
    @Override
    public java.util.Optional<Landscape> landscape(int points, int grid) {
        if (snapshot() == null) return java.util.Optional.empty();
        if (landscape == null) {
            requireLandscapeMemory();
            landscape = new LandscapeProbe(new MlpSurface(mlp), parameters.seed());
            landscape.observe(step(), snapshot().loss());
        }
        return java.util.Optional.of(landscape.measure(eta(), points, grid));
    }

    /**
     * The probe holds 16 iterates, a Lanczos basis of up to 80 vectors and a copy of the network: refused, with the
     * size, when that would take more than a quarter of the heap (showing a tab must not stop the run).
     */
    private void requireLandscapeMemory() {
        long vectors = LandscapeProbe.RECENT + org.eoslab.numerics.Sharpness.MAX_ITERATIONS + 8L;
        long n = parameters.samples(), hidden = parameters.hidden(), classes = mlp.rows(mlp.depth());
        long copy = Double.BYTES * n * (2 * hidden * (mlp.depth() - 1) + classes + 2 * Math.max(hidden, classes));  // its activations
        long bytes = vectors * mlp.parameterCount() * Double.BYTES + copy;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap / 4) {
            throw new IllegalStateException("the landscape of this network needs about " + (bytes >> 20) + " MiB, more"
                    + " than a quarter of the heap (" + (heap >> 20) + " MiB); choose a smaller network");
        }
    }

    @Override
    public boolean ended() { return diverged() || diedAt >= 0; }

    /** The step at which every ReLU of the last hidden layer went off for good, −1 if it has not. */
    public long diedAt() { return diedAt; }

    @Override
    public String endMessage() {
        if (diverged()) return Divergence.message(divergedAt());
        if (diedAt >= 0) {
            return "network died at step " + diedAt
                    + ": every ReLU of the last hidden layer is off, so the output and all gradients are zero";
        }
        return null;
    }

    @Override
    public MlpColumns columns() { return columns; }

    /** Where the data came from and how much of it, for reports and captions. */
    @Override
    public String source() { return dataName; }

    @Override
    public MlpParameters parameters() { return parameters.withEta(eta()).withSharpnessEvery(sharpnessEvery()); }

    @Override
    public double[][] state() { return mlp.state(); }

    public Mlp mlp() { return mlp; }
}
