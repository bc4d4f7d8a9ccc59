package org.eoslab.metrics;

/** Measures one step. Runs on the engine thread right after the forward pass of that step. */
public interface Probe {
    /** Fills every column of {@code row} for step {@code step} except step, loss, sharpness and η (NaN = not measured). */
    void measure(long step, double[] row);

    /** Forgets the previous step (after the weights were replaced): step-to-step metrics restart. */
    default void reset() {}
}
