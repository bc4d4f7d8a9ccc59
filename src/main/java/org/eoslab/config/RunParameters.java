package org.eoslab.config;

/**
 * What every run's parameters have, whichever network it trains: the learning rate (changeable live), the
 * length of the run and the sharpness cadence. The deep linear network's {@link Parameters} and the ReLU
 * network's {@link MlpParameters} are the only kinds.
 */
public sealed interface RunParameters extends java.io.Serializable permits Parameters, MlpParameters {
    double eta();

    long steps();

    int sharpnessEvery();

    long seed();

    RunParameters withEta(double eta);

    RunParameters withSharpnessEvery(int every);

    /** Checks every field; returns this, or throws naming the first bad field and its allowed range. */
    RunParameters validate();

    RunParameters withSteps(long steps);

    /**
     * True when only the live fields differ ({@link Field#live()}: η, the run length, the sharpness cadence), which
     * the engine applies to the running run: no restart.
     */
    default boolean sameProblemAs(RunParameters other) {
        return other != null && other.getClass() == getClass()
                && withEta(other.eta()).withSteps(other.steps()).withSharpnessEvery(other.sharpnessEvery()).equals(other);
    }
}
