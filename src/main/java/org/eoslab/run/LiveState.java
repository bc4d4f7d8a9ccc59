package org.eoslab.run;

import org.eoslab.config.Parameters;
import org.eoslab.metrics.Phase;

/**
 * What the engine thread publishes for the UI: immutable, replaced as a whole. The UI reads rows from
 * {@code history} (safe for concurrent readers) and never touches the engine.
 *
 * @param generation increases at every restart; the UI clears its charts when it changes
 * @param parameters the problem being run, with the η in force
 * @param targetValues σ*_i of the target actually in use
 * @param steps steps taken so far
 * @param stopAt the engine pauses when {@code steps} reaches this
 * @param divergedAt the step whose loss diverged, or −1
 * @param oscillating modes oscillating now (recent window)
 * @param stepsPerSecond measured engine throughput
 * @param message an error or notice for the status bar, or null
 */
public record LiveState(int generation, Parameters parameters, double[] targetValues, History history,
                        long steps, boolean playing, long stopAt, long divergedAt, Phase phase, int oscillating,
                        double stepsPerSecond, String message) {

    public boolean diverged() { return divergedAt >= 0; }

    public double eta() { return parameters.eta(); }
}
