package org.eoslab.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.eoslab.config.MlpParameters;
import org.eoslab.metrics.EdgeOfStabilityStats;
import org.eoslab.run.MlpOutcome;
import org.eoslab.run.MlpTrainer;
import org.eoslab.run.Snapshot;

/**
 * run.json of an MLP run: parameters, data, where it ended, and the edge-of-stability numbers of paper section
 * 4.2 ({@link EdgeOfStabilityStats}): when the sharpness reached 2/η, its median over the second half, how often
 * the loss rose after that, how much more the penultimate layer's top-5 singular values moved than its bottom-5,
 * and how much its σ₁ grew.
 */
@JsonPropertyOrder({"model", "summary", "data", "parameters", "divergedAtStep", "diedAtStep", "stepsCompleted", "finalLoss",
        "finalAccuracy", "twoOverEta", "edgeStep", "medianSharpnessOverTwoOverEtaSecondHalf", "lossRiseFractionAfterEdge",
        "topToBottomMotion", "topGrowth", "seconds", "stepsPerSecond", "computePath", "columns"})
public record MlpRunReport(String model, String summary, String data, MlpParameters parameters, long divergedAtStep,
                           long diedAtStep, long stepsCompleted, double finalLoss, double finalAccuracy, double twoOverEta,
                           long edgeStep, double medianSharpnessOverTwoOverEtaSecondHalf, double lossRiseFractionAfterEdge,
                           double topToBottomMotion, double topGrowth, double seconds, double stepsPerSecond,
                           String computePath, List<String> columns) implements ReportBuilder.Report {

    @Override
    public void write(Path file) {
        AtomicFiles.writeJson(file, this);
    }

    @Override
    public String headline() { return summary; }

    /** Feeds every row to the run's outcome ({@link MlpOutcome}) and writes it with the run's parameters. */
    public static final class Builder implements ReportBuilder {
        private final MlpTrainer trainer;
        private final MlpOutcome outcome;

        public Builder(MlpTrainer trainer) {
            this.trainer = trainer;
            this.outcome = new MlpOutcome(trainer);
        }

        @Override
        public void add(Snapshot s) { outcome.add(s); }

        @Override
        public MlpRunReport finish(double seconds) {
            MlpParameters p = trainer.parameters();
            String end = trainer.endMessage();
            MlpOutcome.Summary o = outcome.finish();
            long completed = o.stepsCompleted();
            double edge = 2 / p.eta();
            EdgeOfStabilityStats.Summary e = o.stats();
            String summary = end != null ? end + " (data kept up to step " + completed + ")"
                    : String.format(Locale.ROOT, "completed %d steps: loss %.4g, accuracy %.1f%%, %s", completed, o.finalLoss(),
                            100 * o.finalAccuracy(), Double.isNaN(e.medianSharpnessOverTwoOverEta())
                                    ? "sharpness not sampled in the second half"
                                    : String.format(Locale.ROOT, "sharpness %.4g vs 2/η = %.4g",
                                            e.medianSharpnessOverTwoOverEta() * edge, edge));
            return new MlpRunReport("mlp", summary, trainer.source(), p, o.divergedAt(), o.diedAt(), completed,
                    o.finalLoss(), o.finalAccuracy(), edge, e.edgeStep(), e.medianSharpnessOverTwoOverEta(), e.lossRiseFraction(),
                    e.topToBottomMotion(), e.topGrowth(), seconds, completed / Math.max(seconds, 1e-9),
                    trainer.computePath().detail(), trainer.columns().names());
        }
    }
}
