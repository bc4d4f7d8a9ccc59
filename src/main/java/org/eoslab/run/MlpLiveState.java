package org.eoslab.run;

import org.eoslab.config.MlpParameters;

/**
 * What the MLP engine thread publishes for the UI: immutable, replaced as a whole.
 *
 * @param generation increases at every restart; the UI clears its charts when it changes
 * @param parameters the run's parameters with the η in force
 * @param data where the images came from and how many, or null before the first run is built
 * @param history every row so far (safe for concurrent readers), or null before the first run
 * @param end "diverged at step t" / "network died at step t", or null while the run can go on
 * @param message a notice or error for the status line, or null
 */
public record MlpLiveState(int generation, MlpParameters parameters, String data, History history, long steps,
                           boolean playing, String end, double stepsPerSecond, String message) {

    public double eta() { return parameters.eta(); }
}
