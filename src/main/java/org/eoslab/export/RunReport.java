package org.eoslab.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.eoslab.config.Parameters;
import org.eoslab.metrics.Outcome;
import org.eoslab.metrics.TheorySummary;
import org.eoslab.run.Snapshot;
import org.eoslab.run.TailWindow;
import org.eoslab.run.Trainer;

/** run.json of a deep linear network run: every parameter used, the theory numbers, the outcome and the timing. */
@JsonPropertyOrder({"outcome", "summary", "parameters", "theory", "stepsCompleted", "seconds", "stepsPerSecond", "columns"})
public record RunReport(Outcome outcome, String summary, Parameters parameters, TheorySummary theory,
                        long stepsCompleted, double seconds, double stepsPerSecond, List<String> columns)
        implements ReportBuilder.Report {

    @Override
    public void write(Path file) {
        AtomicFiles.writeJson(file, this);
    }

    @Override
    public String headline() {
        return summary + " after " + stepsCompleted + " steps (" + String.format(Locale.ROOT, "%.2f", seconds) + " s)";
    }

    /** Keeps the tail of every mode (for the outcome) while the rows go by. */
    public static final class Builder implements ReportBuilder {
        private final Trainer trainer;
        private final TailWindow tail;

        public Builder(Trainer trainer) {
            this.trainer = trainer;
            this.tail = new TailWindow(trainer.columns(), trainer.targetValues(),
                    TailWindow.DEFAULT_CAPACITY);
        }

        @Override
        public void add(Snapshot s) { tail.add(s); }

        @Override
        public RunReport finish(double seconds) {
            Parameters p = trainer.parameters();
            Outcome outcome = tail.outcome(trainer.divergedAt());
            long completed = trainer.diverged() ? trainer.divergedAt() - 1 : trainer.step();
            TheorySummary theory = TheorySummary.of(trainer.targetValues(), p.depth(), p.lossScale(), p.eta());
            return new RunReport(outcome, outcome.describe(), p, theory, completed, seconds,
                    completed / Math.max(seconds, 1e-9), trainer.columns().names());
        }
    }
}
