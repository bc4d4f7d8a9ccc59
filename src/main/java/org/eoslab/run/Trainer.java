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
import org.eoslab.metrics.Landscape;
import org.eoslab.metrics.LandscapeProbe;
import org.eoslab.metrics.Probe;
import org.eoslab.metrics.ReducedProbe;
import org.eoslab.numerics.Sharpness;

/**
 * One run of the deep linear network: an engine (dense GD or the reduced recursion), its probe and its
 * sharpness estimator, advanced one step at a time (see {@link Run}).
 */
public final class Trainer extends AbstractRun<Parameters> {
    private final Parameters parameters;
    private final Columns columns;
    private final Dynamics dynamics;
    private final Probe probe;
    private final DenseEngine dense;      // null for the reduced recursion
    private Sharpness sharpness;          // made on the first estimate
    private LandscapeProbe landscape;     // the recent iterates: kept from the start if small, else from the first ask

    public Trainer(Parameters parameters) {
        this(parameters, Targets.of(parameters.validate()));
    }

    public Trainer(Parameters parameters, Target target) {
        this(MemoryBudget.require(parameters.validate()), target, Columns.of(parameters));
        recordAt(0);
        afterStep();
    }

    private Trainer(Parameters parameters, Target target, Columns columns) {
        super(columns, parameters);
        this.parameters = parameters;
        this.columns = columns;
        if (parameters.engine() == EngineKind.REDUCED) {
            ReducedDynamics reduced = ReducedDynamics.create(parameters, target);
            this.dynamics = reduced;
            this.probe = new ReducedProbe(reduced, columns);
            this.dense = null;
        } else {
            DenseEngine engine = DenseEngine.create(parameters, target);
            this.dynamics = engine;
            this.probe = new DenseProbe(engine, columns);
            this.dense = engine;
            if (LandscapeProbe.keptFromTheStart((long) engine.depth() * engine.width() * engine.width())) {
                landscape = new LandscapeProbe(new org.eoslab.metrics.DenseSurface(engine), parameters.seed());
            }
        }
    }

    /**
     * Resumes a saved run: the weights of step {@code step} at η = parameters.eta(). The first snapshot is
     * that step measured again (its subspace distances are NaN: the previous step's vectors are not saved).
     */
    public Trainer(Parameters parameters, Target target, double[][] state, long step) {
        this(parameters, target);
        dynamics.restore(state);
        probe.reset();
        recordAt(step);
        if (landscape != null) landscape.reset();
        afterStep();
    }

    @Override
    void takeStep(double eta) { dynamics.step(eta); }

    @Override
    double forward() { return dynamics.forward(); }

    @Override
    double estimateSharpness() {
        if (dense == null) return Double.NaN;
        if (sharpness == null) sharpness = new Sharpness(new DenseHessian(dense), parameters.seed());  // its Lanczos
        // tracked relative to max(λ, 2/η): accurate at the edge of stability's scale, without chasing the saddle's ~0
        return tracksSharpness() ? sharpness.track(step(), 2 / eta()) : sharpness.estimate().eigenvalue();
    }

    @Override
    void measure(long step, double[] row) { probe.measure(step, row); }

    @Override
    void afterStep() {
        if (landscape != null && snapshot() != null) landscape.observe(step(), snapshot().loss());
    }

    /** Dense runs only: the reduced recursion has no weights to slice. */
    @Override
    public java.util.Optional<Landscape> landscape(int points, int grid) {
        if (dense == null || snapshot() == null) return java.util.Optional.empty();
        if (landscape == null) {
            landscape = new LandscapeProbe(new org.eoslab.metrics.DenseSurface(dense), parameters.seed());
            landscape.observe(step(), snapshot().loss());
        }
        return java.util.Optional.of(landscape.measure(eta(), points, grid));
    }

    @Override
    public Columns columns() { return columns; }

    @Override
    public Parameters parameters() { return parameters.withEta(eta()).withSharpnessEvery(sharpnessEvery()); }

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
    public java.util.Optional<PhaseMonitor> monitor() {
        return java.util.Optional.of(new PhaseMonitor(columns, target().singularValues()));
    }

    @Override
    public double[][] state() {
        return dynamics.state();
    }

    /** The dynamics; for benchmarks and tests on the owning thread only. */
    public Dynamics dynamics() { return dynamics; }
}
