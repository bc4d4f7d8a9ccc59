package org.eoslab.run;

import org.eoslab.metrics.EdgeOfStabilityStats;
import org.eoslab.metrics.MlpColumns;

/**
 * Where a ReLU network run ended and its edge-of-stability numbers (paper section 4.2), fed row by row: what
 * run.json reports and a sweep's cell keeps.
 */
public final class MlpOutcome {
    /** The end of a run: steps completed, the last loss and accuracy, and the statistics of its rows. */
    public record Summary(long stepsCompleted, double finalLoss, double finalAccuracy, long divergedAt, long diedAt,
                          EdgeOfStabilityStats.Summary stats) {}

    private final MlpTrainer trainer;
    private final EdgeOfStabilityStats stats;
    private long rows;
    private double lastLoss = Double.NaN;
    private double lastAccuracy = Double.NaN;

    public MlpOutcome(MlpTrainer trainer) {
        this.trainer = trainer;
        this.stats = new EdgeOfStabilityStats(trainer.columns());
    }

    public void add(Snapshot s) {
        stats.add(s::get);
        rows++;
        lastLoss = s.loss();
        lastAccuracy = s.get(MlpColumns.ACCURACY);
    }

    public Summary finish() {
        return new Summary(Math.max(0, rows - 1), lastLoss, lastAccuracy, trainer.divergedAt(), trainer.diedAt(),
                stats.summary(trainer.parameters().eta()));
    }
}
