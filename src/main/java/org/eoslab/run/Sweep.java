package org.eoslab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.eoslab.config.EngineKind;
import org.eoslab.config.Parameters;
import org.eoslab.engine.DenseEngine;
import org.eoslab.engine.Dynamics;
import org.eoslab.engine.ReducedDynamics;
import org.eoslab.engine.Target;
import org.eoslab.engine.Targets;
import org.eoslab.metrics.OrbitAnalysis;
import org.eoslab.metrics.ScalarMap;
import org.eoslab.run.cells.CellFunction;
import org.eoslab.run.cells.CellRunner;
import org.eoslab.run.cells.LocalCells;

/**
 * A learning-rate sweep for the bifurcation diagram: for each η a fresh engine runs {@code transient} steps,
 * then the next {@code keep} values of every mode are kept — the mode's own singular value, |p_i| in the
 * reduced engine and |u*_iᵀPv*_i| in the dense one, not re-sorted. Runs on every core, one engine per
 * task; cancellable; progress readable from any thread.
 */
public final class Sweep {
    /** Orbit points closer than this fraction of σ*_i count as the same point. */
    public static final double PERIOD_TOLERANCE = 1e-8;

    /** Steps of the mode's scalar map behind each Lyapunov exponent (after as many again of transient). */
    static final int LYAPUNOV_STEPS = 20_000;
    /** Steps in each of the three windows whose alternation decides "converging slowly" (see {@link OrbitAnalysis#judgedBy}). */
    static final int DECAY_WINDOW = 1000;
    /** Shorter runs are judged by their period alone. */
    static final int MIN_DECAY_WINDOW = 100;

    /**
     * Everything kept for one η. values[i][t]: mode i+1 at step transient + t; lyapunov[i]: the exponent of mode
     * i+1's balanced map at this η ({@link ScalarMap#lyapunov}; NaN where the map diverges).
     */
    public record Point(double eta, double[][] values, OrbitAnalysis[] orbits, double[] lyapunov) implements java.io.Serializable {}

    private final Parameters base;
    private final double[] etas;
    private final int transientSteps;
    private final int keep;
    private final AtomicInteger done = new AtomicInteger();
    private final java.util.Queue<Point> finished = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile CellRunner runner;

    public Sweep(Parameters base, double[] etas, int transientSteps, int keep) {
        this.base = base.validate();
        this.etas = etas.clone();
        this.transientSteps = transientSteps;
        this.keep = keep;
    }

    /** n values from a to b, evenly spaced (a single value for n = 1). */
    public static double[] linspace(double a, double b, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = n == 1 ? a : a + (b - a) * i / (n - 1);
        return v;
    }

    /** Runs the sweep on {@code threads} workers; returns the points computed (all, unless cancelled). */
    public List<Point> run(int threads) throws InterruptedException {
        return run(new LocalCells(threads, "eos-sweep"));
    }

    /** Runs the sweep's η values as cells of {@code cells} (local threads or a cluster); the points in η order. */
    public List<Point> run(CellRunner cells) throws InterruptedException {
        runner = cells;
        if (cancelled.get()) cells.cancel();
        Point[] points = new Point[etas.length];
        List<Double> each = java.util.Arrays.stream(etas).boxed().toList();
        cells.run(each, new Task(base, transientSteps, keep), (i, p) -> points[i] = finish(p));
        return java.util.Arrays.stream(points).filter(java.util.Objects::nonNull).toList();
    }

    public void cancel() {
        cancelled.set(true);
        CellRunner r = runner;
        if (r != null) r.cancel();
    }

    /**
     * One η of a sweep, computed wherever the runner puts it: a fresh engine from the base parameters, the target
     * made once per worker process; null if its thread was interrupted.
     */
    public static final class Task implements CellFunction<Double, Point> {
        private final Parameters base;
        private final int transientSteps;
        private final int keep;
        private transient Target target;

        public Task(Parameters base, int transientSteps, int keep) {
            this.base = base.validate();
            this.transientSteps = transientSteps;
            this.keep = keep;
        }

        synchronized Target target() {
            if (target == null) target = Targets.of(base);
            return target;
        }

        @Override
        public Point apply(Double eta) {
            return point(base, transientSteps, keep, target(), eta);
        }
    }

    /** σ*_i of the swept problem's target (from its spectrum or its target file). */
    public double[] targetValues() {
        Target target = Targets.of(base);
        double[] out = new double[target.rank()];
        for (int i = 0; i < out.length; i++) out[i] = target.singularValue(i + 1);
        return out;
    }

    public boolean isCancelled() { return cancelled.get(); }

    /** η values finished so far. */
    public int done() { return done.get(); }

    public int total() { return etas.length; }

    /** η's point: a fresh engine from {@code base}, {@code transientSteps} steps, then {@code keep} kept; null if interrupted. */
    static Point point(Parameters base, int transientSteps, int keep, Target target, double eta) {
        int r = target.rank();
        double[][] values = new double[r][keep];
        ModeReader reader = base.engine() == EngineKind.REDUCED
                ? new ReducedReader(ReducedDynamics.create(base, target)) : new DenseReader(base, target);
        Dynamics dynamics = reader.dynamics();
        OrbitAnalysis[] orbits = new OrbitAnalysis[r];
        int total = transientSteps + keep;
        int window = Math.min(DECAY_WINDOW, total / 3);
        int windowsFrom = total - 3 * window;
        double[][] amplitudes = new double[r][3];
        double[][] now = new double[r][1];
        double[] previous = new double[r];
        for (int t = 0; t < total; t++) {
            if (Thread.currentThread().isInterrupted()) return null;
            double loss = dynamics.forward();
            if (Divergence.diverged(loss)) {
                java.util.Arrays.fill(orbits, OrbitAnalysis.diverged());
                return new Point(eta, values, orbits, lyapunov(base, target, eta));
            }
            if (t >= transientSteps) reader.read(values, t - transientSteps);
            if (window > 0 && t >= windowsFrom) {
                trackAlternation(reader, values, t, transientSteps, windowsFrom, window, now, previous, amplitudes);
            }
            dynamics.step(eta);
        }
        for (int i = 0; i < r; i++) {
            OrbitAnalysis seen = OrbitAnalysis.of(values[i], keep, PERIOD_TOLERANCE * target.singularValue(i + 1));
            orbits[i] = window >= MIN_DECAY_WINDOW ? seen.judgedBy(values[i], keep, amplitudes[i], window) : seen;
        }
        return new Point(eta, values, orbits, lyapunov(base, target, eta));
    }

    /**
     * Largest |x_t − x_{t−1}| of each mode in each of the three windows before the end (see {@link OrbitAnalysis#judgedBy});
     * from step {@code kept0} on, x_t is already in {@code kept}.
     */
    private static void trackAlternation(ModeReader reader, double[][] kept, int t, int kept0, int from, int window,
                                         double[][] now, double[] previous, double[][] amplitudes) {
        if (t >= kept0) {
            for (int i = 0; i < now.length; i++) now[i][0] = kept[i][t - kept0];
        } else {
            reader.read(now, 0);
        }
        for (int i = 0; i < now.length; i++) {
            if (t > from) {
                int k = Math.min(2, (t - from) / window);
                amplitudes[i][k] = Math.max(amplitudes[i][k], Math.abs(now[i][0] - previous[i]));
            }
            previous[i] = now[i][0];
        }
    }

    private static double[] lyapunov(Parameters base, Target target, double eta) {
        double[] out = new double[target.rank()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new ScalarMap(target.singularValue(i + 1), base.depth(), eta, base.lossScale())
                    .lyapunov(LYAPUNOV_STEPS, LYAPUNOV_STEPS);
        }
        return out;
    }

    private Point finish(Point p) {
        finished.add(p);
        done.incrementAndGet();
        return p;
    }

    /** The points finished so far, in η order (for a sweep interrupted part way). */
    public List<Point> finishedSoFar() {
        List<Point> out = new ArrayList<>(finished);
        out.sort(java.util.Comparator.comparingDouble(Point::eta));
        return out;
    }

    /** Bytes a sweep holds: every point's kept values, and one engine per thread. */
    public static long bytes(Parameters p, int count, int keep, int threads) {
        long values = (long) count * p.rank() * keep * 8;
        return values + (long) threads * MemoryBudget.bytes(p.withSharpnessEvery(0));
    }

    /** Reads each mode's own value after a forward pass. */
    private interface ModeReader {
        Dynamics dynamics();

        void read(double[][] into, int t);
    }

    private record ReducedReader(ReducedDynamics dynamics) implements ModeReader {
        @Override
        public void read(double[][] into, int t) {
            for (int i = 0; i < into.length; i++) into[i][t] = Math.abs(dynamics.modeProduct(i + 1));
        }
    }

    /** |u*_iᵀ P v*_i| from B = U*ᵀ P V*; single-threaded engine (the sweep fills every core already). */
    private static final class DenseReader implements ModeReader {
        private final DenseEngine engine;
        private final DMatrixRMaj pv;
        private final DMatrixRMaj coupling;

        DenseReader(Parameters p, Target target) {
            this.engine = DenseEngine.create(p, target, false);
            this.pv = new DMatrixRMaj(target.width(), target.rank());
            this.coupling = new DMatrixRMaj(target.rank(), target.rank());
        }

        @Override
        public Dynamics dynamics() { return engine; }

        @Override
        public void read(double[][] into, int t) {
            Target target = engine.target();
            CommonOps_DDRM.mult(engine.product(), target.right(), pv);
            CommonOps_DDRM.multTransA(target.left(), pv, coupling);
            for (int i = 0; i < into.length; i++) into[i][t] = Math.abs(coupling.get(i, i));
        }
    }
}
