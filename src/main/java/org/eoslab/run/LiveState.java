package org.eoslab.run;

import org.eoslab.config.RunParameters;
import org.eoslab.metrics.Phase;

/**
 * What the engine thread publishes for the UI: immutable, replaced as a whole. The UI reads rows from
 * {@code history} (safe for concurrent readers) and never touches the engine.
 *
 * @param generation increases at every restart; the UI clears its charts when it changes
 * @param parameters the run's parameters with the η in force
 * @param source what the network learns from (the data, or the target), or null before the first run
 * @param targetValues σ*_i of the target in use (empty for the ReLU network, which fits data)
 * @param history every row so far, or null before the first run is built
 * @param steps steps taken so far
 * @param stopAt the engine pauses when {@code steps} reaches this
 * @param divergedAt the step whose loss diverged, or −1
 * @param end how the run stopped early ("diverged at step t", "network died at step t"), or null
 * @param phase where the run is ({@link Phase#TRAINING} for a network without the linear network's judgement)
 * @param oscillating modes oscillating now (recent window)
 * @param stepsPerSecond measured engine throughput
 * @param message a notice or an error ("could not start: …") for the status line, or null
 * @param refused the last restart (or resume) was refused, its message says why; the previous run goes on
 * @param computePath where the run's products and spectra are computed
 */
public record LiveState<P extends RunParameters>(int generation, P parameters, String source, double[] targetValues,
                                                 History history, long steps, boolean playing, long stopAt,
                                                 long divergedAt, String end, Phase phase, int oscillating,
                                                 double stepsPerSecond, String message, boolean refused,
                                                 ComputePath computePath) {

    public boolean diverged() { return divergedAt >= 0; }

    public double eta() { return parameters.eta(); }
}
