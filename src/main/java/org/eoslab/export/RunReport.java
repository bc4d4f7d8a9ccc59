package org.eoslab.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.List;
import org.eoslab.config.Parameters;
import org.eoslab.metrics.Outcome;
import org.eoslab.metrics.TheorySummary;

/** run.json: every parameter used, the theory numbers, the outcome and the timing of one run. */
@JsonPropertyOrder({"outcome", "summary", "parameters", "theory", "stepsCompleted", "seconds", "stepsPerSecond", "columns"})
public record RunReport(Outcome outcome, String summary, Parameters parameters, TheorySummary theory,
                        long stepsCompleted, double seconds, double stepsPerSecond, List<String> columns) {

    public void write(Path file) {
        AtomicFiles.writeJson(file, this);
    }
}
