package org.eoslab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.Parameters;
import org.eoslab.engine.Target;
import org.eoslab.metrics.OrbitAnalysis;
import org.eoslab.metrics.PeriodDetector;
import org.eoslab.metrics.Theory;
import org.eoslab.run.cells.CellFunction;
import org.eoslab.run.cells.CellRunner;
import org.eoslab.run.cells.LocalCells;

/**
 * A two-dimensional period map: x = η, y = a second parameter; each cell is one run of the problem (the same
 * runs as a {@link Sweep}: transient, then the kept steady state) classified by the attractor it reached.
 * Every cell is a task on a pool of every core; cancellable; progress readable from any thread.
 */
public final class PeriodMap {
    /** The second parameter. */
    public enum Axis {
        /** The ratio σ₂* : σ₁* of a rank-2 target (σ₁* kept). */
        RATIO("ratio", "σ₂*/σ₁*"),
        DEPTH("depth", "depth L"),
        ALPHA("alpha", "init scale α"),
        /** σ₁* (the other values kept). */
        SIGMA1("sigma1", "σ₁*");

        private final String key;
        private final String label;

        Axis(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() { return key; }

        public String label() { return label; }

        @Override public String toString() { return label; }

        /** The axis named {@code key} (ratio, depth, alpha, sigma1), or null. */
        public static Axis of(String key) {
            for (Axis a : values()) if (a.key.equals(key)) return a;
            return null;
        }

        /** The range the app's map starts with for {@code p}. */
        public double[] defaultRange(Parameters p) {
            return switch (this) {
                case RATIO -> new double[] {0.5, 1.0};
                case DEPTH -> new double[] {2, 6};
                case ALPHA -> new double[] {0.01, 0.5};
                case SIGMA1 -> new double[] {p.rank() > 1 ? p.singularValue(2) : 0.5 * p.singularValue(1), 2 * p.singularValue(1)};
            };
        }

        /** {@code base} with this parameter set to {@code y} (checked: a bad value names the field). */
        public Parameters apply(Parameters base, double y) {
            Parameters p = switch (this) {
                case RATIO -> base.withSpectrum(new double[] {base.singularValue(1), y * base.singularValue(1)});
                case DEPTH -> base.withDepth((int) Math.round(y));
                case ALPHA -> base.withAlpha(y);
                case SIGMA1 -> {
                    double[] s = base.singularValues();
                    s[0] = y;
                    yield base.withSpectrum(s);
                }
            };
            return p.validate();
        }
    }

    /** What a run settled into, from the simplest to the wildest; a cell shows its wildest mode. */
    public enum Attractor {
        CONVERGED("converged"), SADDLE("stuck at σ = 0"), PERIOD_2("period 2"), PERIOD_4("period 4"),
        PERIOD_8("period 8"), PERIOD_16("period 16"), SLOW("settling slowly"), OTHER("other period"),
        CHAOTIC("chaotic"), DIVERGED("diverged");

        /** |λ| below this with no period found: the map is marginal, i.e. near a bifurcation, and settles slowly. */
        static final double MARGINAL = 0.01;

        private final String label;

        Attractor(String label) { this.label = label; }

        public String label() { return label; }

        /**
         * A mode's attractor from its steady state, its map's Lyapunov exponent and its target σ*: a constant
         * value that is not σ* (every minimum of a mode has σ = σ*) is the saddle at 0 the run never left or fell
         * back to; no period up to 64 is chaos where the exponent is positive, a slow approach where it is about 0
         * (a bifurcation is near), and a longer period otherwise.
         */
        public static Attractor of(OrbitAnalysis orbit, double lyapunov, double target) {
            int period = orbit.period();
            if (period == PeriodDetector.NONE) {
                return lyapunov > 0 ? CHAOTIC : Math.abs(lyapunov) < MARGINAL ? SLOW : OTHER;
            }
            return switch (period) {
                case OrbitAnalysis.DIVERGED -> DIVERGED;
                case 1 -> Math.abs(orbit.max() - target) <= 1e-6 * target ? CONVERGED : SADDLE;
                case 2 -> PERIOD_2;
                case 4 -> PERIOD_4;
                case 8 -> PERIOD_8;
                case 16 -> PERIOD_16;
                default -> OTHER;
            };
        }
    }

    /**
     * One cell: each mode's period (as in periods.csv), its map's Lyapunov exponent and its attractor, and the
     * cell's attractor (its wildest mode's).
     */
    public record Cell(int column, int row, double eta, double y, int[] periods, double[] lyapunov, Attractor[] modes,
                       Attractor attractor) implements java.io.Serializable {
        /** The attractor of mode m (1-based), or the cell's for m = 0. */
        public Attractor attractor(int m) {
            return m == 0 ? attractor : m <= modes.length ? modes[m - 1] : Attractor.CONVERGED;
        }
    }

    private final Parameters base;
    private final Axis axis;
    private final double[] etas;
    private final boolean relative;
    private final double[][] rowEtas;
    private final double[] ys;
    private final int transientSteps;
    private final int keep;
    private final Parameters[] rows;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile CellRunner runner;

    /** Refuses (naming the field) a y range that makes an invalid problem, before anything runs. */
    public PeriodMap(Parameters base, Axis axis, double[] etas, double[] ys, int transientSteps, int keep) {
        this(base, axis, etas, ys, transientSteps, keep, false);
    }

    /**
     * @param relative x is η/η₁ of each row ({@code etas} are multiples of the row's onset), so rows whose η₁
     *                 differ (another depth or σ₁*) line up at their onsets
     */
    public PeriodMap(Parameters base, Axis axis, double[] etas, double[] ys, int transientSteps, int keep, boolean relative) {
        this.relative = relative;
        this.base = base.validate();
        this.axis = axis;
        this.etas = etas.clone();
        this.ys = ys.clone();
        this.transientSteps = transientSteps;
        this.keep = keep;
        rows = new Parameters[ys.length];
        rowEtas = new double[ys.length][];
        for (int j = 0; j < ys.length; j++) {
            try {
                rows[j] = axis.apply(base, ys[j]);
                double unit = relative ? Theory.onsetLearningRate(rows[j], 1) : 1;
                rowEtas[j] = java.util.Arrays.stream(etas).map(x -> x * unit).toArray();
                rows[j].validate();                                                   // checks the row's problem
            } catch (InvalidParameterException e) {
                throw new InvalidParameterException("y = " + ys[j] + " (" + axis.key() + ")", e.getMessage());
            }
        }
    }

    /**
     * The default η range over rows y = lo and hi ({@link SweepDefaults#mapRange}: every row's cascade in view), or in
     * units of each row's η₁ when {@code relative}.
     */
    public static double[] defaultEtaRange(Parameters p, Axis a, double lo, double hi, boolean relative) {
        if (relative) return SweepDefaults.relativeMapRange();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double y : new double[] {lo, hi}) {
            try {
                double onset = Theory.onsetLearningRate(a.apply(p, y), 1);
                min = Math.min(min, onset);
                max = Math.max(max, onset);
            } catch (InvalidParameterException e) {
                // a y that makes no problem: the map refuses it, naming it, when computed
            }
        }
        return SweepDefaults.mapRange(min, max, p.eta());
    }

    public Axis axis() { return axis; }

    /** The x values: η, or η/η₁ of each row when {@link #relative()}. */
    public double[] etas() { return etas.clone(); }

    public boolean relative() { return relative; }

    /** The onsets of row j in x units (η_i, or η_i/η₁). */
    public double[] onsetsInX(int j) {
        double[] on = onsets(j);
        if (!relative) return on;
        double first = on[0];
        for (int i = 0; i < on.length; i++) on[i] /= first;
        return on;
    }

    public double[] ys() { return ys.clone(); }

    /** The problem of row j. */
    public Parameters row(int j) { return rows[j]; }

    /** η_i of every mode of row j (math.md): the onset curves drawn over the map. */
    public double[] onsets(int j) {
        return Theory.onsetLearningRates(rows[j]);
    }

    /**
     * Computes the map in the background on every core (a daemon driver thread): its cells, row by row, all of them
     * unless cancelled; progress is {@link #done()} of {@link #total()}, readable from any thread.
     */
    public CompletableFuture<List<Cell>> start() {
        int threads = Runtime.getRuntime().availableProcessors();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return run(threads);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.<Cell>of();
            }
        }, runnable -> {
            Thread t = new Thread(runnable, "eos-period-map-driver");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Runs every cell on {@code threads} workers; the cells computed, row by row (all, unless cancelled). */
    public List<Cell> run(int threads) throws InterruptedException {
        return run(new LocalCells(threads, "eos-period-map"));
    }

    /** Runs every cell on {@code cells} (local threads or a cluster); the cells computed, row by row. */
    public List<Cell> run(CellRunner cells) throws InterruptedException {
        runner = cells;
        if (cancelled.get()) cells.cancel();
        List<int[]> places = new ArrayList<>();
        for (int j = 0; j < ys.length; j++) for (int i = 0; i < etas.length; i++) places.add(new int[] {i, j});
        Cell[] out = new Cell[places.size()];
        cells.run(places, new Task(rows, rowEtas, ys, transientSteps, keep), (k, c) -> {
            out[k] = c;
            done.incrementAndGet();
        });
        return java.util.Arrays.stream(out).filter(java.util.Objects::nonNull).toList();
    }

    /** One cell {column, row} of a map, wherever the runner puts it; each row's target made once per worker. */
    static final class Task implements CellFunction<int[], Cell> {
        private final Parameters[] rows;
        private final double[][] rowEtas;
        private final double[] ys;
        private final int transientSteps;
        private final int keep;
        private transient Sweep.Task[] rowTasks;

        Task(Parameters[] rows, double[][] rowEtas, double[] ys, int transientSteps, int keep) {
            this.rows = rows;
            this.rowEtas = rowEtas;
            this.ys = ys;
            this.transientSteps = transientSteps;
            this.keep = keep;
        }

        private synchronized Sweep.Task row(int j) {
            if (rowTasks == null) rowTasks = new Sweep.Task[rows.length];
            if (rowTasks[j] == null) rowTasks[j] = new Sweep.Task(rows[j], transientSteps, keep);
            return rowTasks[j];
        }

        @Override
        public Cell apply(int[] place) {
            int column = place[0], rowIndex = place[1];
            Sweep.Task row = row(rowIndex);
            Sweep.Point point = row.apply(rowEtas[rowIndex][column]);
            if (point == null) return null;                               // cancelled
            Target target = row.target();
            int r = point.orbits().length;
            int[] periods = new int[r];
            Attractor[] modes = new Attractor[r];
            Attractor wildest = Attractor.CONVERGED;
            for (int m = 0; m < r; m++) {
                periods[m] = point.orbits()[m].period();
                modes[m] = Attractor.of(point.orbits()[m], point.lyapunov()[m], target.singularValue(m + 1));
                if (modes[m].ordinal() > wildest.ordinal()) wildest = modes[m];
            }
            return new Cell(column, rowIndex, rowEtas[rowIndex][column], ys[rowIndex], periods, point.lyapunov().clone(), modes, wildest);
        }
    }

    public void cancel() {
        cancelled.set(true);
        CellRunner r = runner;
        if (r != null) r.cancel();
    }

    public boolean isCancelled() { return cancelled.get(); }

    public int done() { return done.get(); }

    public int total() { return etas.length * ys.length; }
}
