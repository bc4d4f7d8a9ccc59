package org.eoslab.run;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eoslab.config.EngineKind;
import org.eoslab.config.Init;
import org.eoslab.config.Parameters;
import org.eoslab.metrics.OrbitAnalysis;

/**
 * The bifurcation diagram's computation: an η range swept by the reduced recursion (hundreds of η, instant),
 * by the dense engine (a few, to verify), or both, on every core in a background thread, with progress and
 * cancel readable from any thread.
 */
public final class BifurcationSweep {

    /** Which engines sweep. */
    public enum Engines {
        REDUCED("reduced (instant)", true, false),
        DENSE("dense (verify)", false, true),
        BOTH("both, overlaid", true, true);

        private final String label;
        private final boolean reduced;
        private final boolean dense;

        Engines(String label, boolean reduced, boolean dense) {
            this.label = label;
            this.reduced = reduced;
            this.dense = dense;
        }

        @Override public String toString() { return label; }

        /**
         * The recursion follows real GD exactly from Theorem 1's identity init and Conjecture 2's zero-orthogonal one;
         * from another init the diagram overlays real GD on it.
         */
        public static Engines defaultFor(Init init) {
            return init == Init.IDENTITY || init == Init.ZERO_ORTHOGONAL ? REDUCED : BOTH;
        }
    }

    /** The points each engine computed (empty for an engine not asked), and whether the sweep was cancelled. */
    public record Result(List<Sweep.Point> reduced, List<Sweep.Point> dense, boolean cancelled) {}

    private final Sweep reduced;
    private final Sweep dense;
    private final CompletableFuture<Result> result = new CompletableFuture<>();

    /** Starts sweeping [from, to] at {@code points} η (the dense engine at most {@link SweepDefaults#DENSE_POINTS}). */
    public BifurcationSweep(Parameters p, double from, double to, int points, Engines engines) {
        reduced = engines.reduced ? new Sweep(p.withInit(Init.IDENTITY).withEngine(EngineKind.REDUCED),
                Sweep.linspace(from, to, points), SweepDefaults.TRANSIENT, SweepDefaults.KEEP) : null;
        dense = engines.dense ? new Sweep(p.withEngine(EngineKind.DENSE),
                Sweep.linspace(from, to, Math.min(points, SweepDefaults.DENSE_POINTS)), SweepDefaults.DENSE_TRANSIENT,
                SweepDefaults.KEEP) : null;
        Thread worker = new Thread(this::compute, "eos-bifurcation");
        worker.setDaemon(true);
        worker.start();
    }

    private void compute() {
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            List<Sweep.Point> r = reduced == null ? List.of() : reduced.run(cores);
            List<Sweep.Point> d = dense == null || cancelled() ? List.of() : dense.run(cores);
            result.complete(new Result(r, d, cancelled()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /** Completes (on the worker thread) with the points, or with the error that stopped the sweep. */
    public CompletableFuture<Result> result() { return result; }

    public void cancel() {
        if (reduced != null) reduced.cancel();
        if (dense != null) dense.cancel();
    }

    private boolean cancelled() {
        return (reduced != null && reduced.isCancelled()) || (dense != null && dense.isCancelled());
    }

    public boolean running() { return !result.isDone(); }

    /** η values finished so far, over both engines. */
    public int done() { return (reduced == null ? 0 : reduced.done()) + (dense == null ? 0 : dense.done()); }

    public int total() { return (reduced == null ? 0 : reduced.total()) + (dense == null ? 0 : dense.total()); }

    /**
     * The status line after a sweep: how many learning rates each engine ran, how many dense runs diverged (they have
     * no points to draw), and the range.
     */
    public static String summary(List<Sweep.Point> reduced, List<Sweep.Point> dense, boolean stopped, double from, double to) {
        long diverged = dense.stream().filter(p -> p.orbits().length > 0 && p.orbits()[0].period() == OrbitAnalysis.DIVERGED).count();
        return (stopped ? "cancelled: " : "") + reduced.size() + " reduced"
                + (dense.isEmpty() ? "" : " + " + dense.size() + " dense") + " learning rates"
                + (diverged > 0 ? " (" + diverged + " dense diverged: no points)" : "")
                + (stopped ? "" : String.format(java.util.Locale.ROOT, " on [%.5g, %.5g]", from, to));
    }
}
