package org.eoslab.run;

import org.eoslab.config.MlpParameters;
import org.eoslab.config.Parameters;
import org.eoslab.config.RunParameters;
import org.eoslab.engine.Targets;

/**
 * How a kind of network starts a run: fresh from its parameters, or from saved weights. Called on the thread
 * that will own the run; starting may take a while (a target file, a data set to read).
 *
 * @param <P> the parameters of that kind of network
 */
public interface RunFactory<P extends RunParameters> {
    Run<P> start(P parameters);

    /** The run at step {@code step} with the given weights, measured again there. */
    Run<P> resume(P parameters, double[][] state, long step);

    /**
     * Throws {@link org.eoslab.config.InvalidParameterException} if a linear run of {@code p} could not start for a
     * reason found before any run (its target file): checked before the window switches to a session's parameters.
     */
    static void verifyLinear(Parameters p) {
        Targets.of(p);
    }

    /** Shown while a start takes long enough to be seen (e.g. "loading data…"), or null. */
    default String preparing() { return null; }

    /** The deep linear network: the dense engine or the reduced Theorem-1 recursion, as the parameters say. */
    static RunFactory<Parameters> linear() {
        return new RunFactory<>() {
            @Override
            public Run<Parameters> start(Parameters p) {
                return new Trainer(p);
            }

            @Override
            public Run<Parameters> resume(Parameters p, double[][] state, long step) {
                return new Trainer(p, Targets.of(p), state, step);
            }
        };
    }

    /** The ReLU network; the data of the last run is reused while the data file and sample count stay the same. */
    static RunFactory<MlpParameters> mlp() {
        return new MlpRuns();
    }
}
