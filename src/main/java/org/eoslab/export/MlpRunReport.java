package org.eoslab.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.eoslab.config.MlpParameters;
import org.eoslab.metrics.MlpColumns;
import org.eoslab.run.MlpTrainer;
import org.eoslab.run.Snapshot;

/**
 * run.json of an MLP run: parameters, data, where it ended, and the edge-of-stability numbers over the second
 * half of the run: the median sharpness against 2/η and how often the loss went up.
 */
@JsonPropertyOrder({"model", "summary", "data", "parameters", "divergedAtStep", "diedAtStep", "stepsCompleted", "finalLoss",
        "finalAccuracy", "twoOverEta", "medianSharpnessSecondHalf", "lossIncreasesSecondHalf", "seconds",
        "stepsPerSecond", "columns"})
public record MlpRunReport(String model, String summary, String data, MlpParameters parameters, long divergedAtStep,
                           long diedAtStep, long stepsCompleted, double finalLoss, double finalAccuracy, double twoOverEta,
                           double medianSharpnessSecondHalf, long lossIncreasesSecondHalf, double seconds,
                           double stepsPerSecond, List<String> columns) implements ReportBuilder.Report {

    @Override
    public void write(Path file) {
        AtomicFiles.writeJson(file, this);
    }

    @Override
    public String headline() { return summary; }

    /** Collects what the report needs while the rows stream by: losses and sharpness samples. */
    public static final class Builder implements ReportBuilder {
        private final MlpTrainer trainer;
        private final MlpParameters parameters;
        private double[] loss = new double[1024];
        private double[] sharpness = new double[256];
        private long[] sharpnessStep = new long[256];
        private int steps;
        private int samples;
        private double lastAccuracy = Double.NaN;

        public Builder(MlpTrainer trainer) {
            this.trainer = trainer;
            this.parameters = trainer.parameters();
        }

        @Override
        public void add(Snapshot s) {
            if (steps == loss.length) loss = Arrays.copyOf(loss, 2 * steps);
            loss[steps++] = s.loss();
            lastAccuracy = s.get(MlpColumns.ACCURACY);
            if (!Double.isNaN(s.sharpness())) {
                if (samples == sharpness.length) {
                    sharpness = Arrays.copyOf(sharpness, 2 * samples);
                    sharpnessStep = Arrays.copyOf(sharpnessStep, 2 * samples);
                }
                sharpnessStep[samples] = s.step();
                sharpness[samples++] = s.sharpness();
            }
        }

        @Override
        public MlpRunReport finish(double seconds) {
            String end = trainer.endMessage();
            long completed = Math.max(0, steps - 1L);
            long half = completed / 2;
            long rises = 0;
            for (int t = (int) half + 1; t < steps; t++) if (loss[t] > loss[t - 1]) rises++;
            double[] tail = new double[samples];
            int k = 0;
            for (int i = 0; i < samples; i++) if (sharpnessStep[i] >= half) tail[k++] = sharpness[i];
            Arrays.sort(tail, 0, k);
            double median = k == 0 ? Double.NaN : tail[k / 2];
            double edge = 2 / parameters.eta();
            String summary = end != null ? end + " (data kept up to step " + completed + ")"
                    : String.format("completed %d steps: loss %.4g, accuracy %.1f%%, %s", completed, loss[steps - 1],
                            100 * lastAccuracy, k == 0 ? "sharpness not sampled in the second half"
                                    : String.format("sharpness %.4g vs 2/η = %.4g", median, edge));
            return new MlpRunReport("mlp", summary, trainer.source(), parameters, trainer.divergedAt(), trainer.diedAt(),
                    completed, steps == 0 ? Double.NaN : loss[steps - 1], lastAccuracy, edge, median, rises, seconds,
                    completed / Math.max(seconds, 1e-9), trainer.columns().names());
        }
    }
}
