package org.eoslab.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.eoslab.config.MlpParameters;
import org.eoslab.engine.mlp.Dataset;
import org.eoslab.run.cells.CellFunction;

/**
 * A sweep of the ReLU network (paper section 4.2, Figs. 15-18: "various learning rates", depths, seeds): one full
 * run per (η, seed, depth) cell, each summarised by the edge-of-stability numbers that {@code run --model mlp}
 * writes to run.json. A cell is a pure function of the base parameters and its (η, seed, depth), so it gives the
 * same row on any core or any cluster node.
 */
public final class MlpSweep {
    /** What a sweep covers: the base run (data, width, α, steps, …) and the values swept over it. */
    public record Spec(MlpParameters base, double[] etas, long[] seeds, int[] depths) implements Serializable {
        /** The cells, depth-major, then seed, then η (the order of mlp-sweep.csv). */
        public List<Cell> cells() {
            List<Cell> out = new ArrayList<>();
            for (int depth : depths) for (long seed : seeds) for (double eta : etas) out.add(new Cell(eta, seed, depth));
            return out;
        }

        /** The run of one cell: the base with the cell's η, seed and depth, checked. */
        public MlpParameters parameters(Cell c) {
            return base.withEta(c.eta()).withSeed(c.seed()).withDepth(c.depth()).validate();
        }
    }

    /** One cell's coordinates. */
    public record Cell(double eta, long seed, int depth) implements Serializable {}

    /**
     * One cell's numbers, as run.json has them ({@link MlpOutcome}): NaN where never measured, −1 for an edge never
     * reached, a run that did not diverge or a network that did not die.
     */
    public record Row(Cell cell, long stepsCompleted, long edgeStep, double medianSharpnessOverTwoOverEta,
                      double lossRiseFraction, double topToBottomMotion, double topGrowth, double finalLoss,
                      double finalAccuracy, long divergedAtStep, long diedAtStep) implements Serializable {
        static Row of(Cell c, MlpOutcome.Summary o) {
            var e = o.stats();
            return new Row(c, o.stepsCompleted(), e.edgeStep(), e.medianSharpnessOverTwoOverEta(), e.lossRiseFraction(),
                    e.topToBottomMotion(), e.topGrowth(), o.finalLoss(), o.finalAccuracy(), o.divergedAt(), o.diedAt());
        }
    }

    private MlpSweep() {}

    /**
     * Runs one cell to its end (the base's steps, or divergence, or a dead network) on one thread, as
     * {@code run --model mlp} would; null if the thread was interrupted part way (a cancelled or killed cell).
     */
    public static Row run(Spec spec, Cell cell, Dataset data) {
        MlpParameters p = spec.parameters(cell);
        MlpTrainer trainer = new MlpTrainer(p, data, false);
        MlpOutcome report = new MlpOutcome(trainer);
        if (trainer.snapshot() != null && trainer.divergedAt() < 0) report.add(trainer.snapshot());
        while (trainer.step() < p.steps() && trainer.advance()) {
            if (Thread.currentThread().isInterrupted()) return null;
            report.add(trainer.snapshot());
        }
        return Row.of(cell, report.finish());
    }

    /**
     * The cell function a runner sends to its workers: it carries the sweep's spec and reads the data where it runs,
     * once per process and data set (the shipped subsets are inside the jar). A process keeps only the last data set
     * it read: a sweep's cells share one, and the app's next sweep may want another.
     */
    public record Task(Spec spec) implements CellFunction<Cell, Row> {
        private record Loaded(String key, Dataset data) {}

        private static Loaded last;                                   // guarded by Task.class

        @Override
        public Row apply(Cell cell) {
            return run(spec, cell, data(spec.base()));
        }

        private static synchronized Dataset data(MlpParameters p) {
            String key = p.data() + "#" + p.samples();
            if (last == null || !last.key().equals(key)) {
                last = null;                                          // the old set can go before the new one is read
                last = new Loaded(key, MlpTrainer.load(p));
            }
            return last.data();
        }
    }
}
