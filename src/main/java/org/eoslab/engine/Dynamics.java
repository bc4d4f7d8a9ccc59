package org.eoslab.engine;

/**
 * One gradient-descent trajectory. The iterate is advanced in two halves so that every metric of step t
 * is measured on the same forward pass that the update of step t uses:
 * {@code forward()} evaluates the loss at the current weights, {@code step(η)} applies the GD update.
 * Implementations are single-threaded: one thread owns an instance.
 */
public interface Dynamics {
    /** Evaluates the loss at the current iterate and caches what {@link #step} needs. */
    double forward();

    /** One GD step (paper eq. 2) with learning rate η, from the cache of the last {@link #forward}. */
    void step(double eta);

    int width();

    int depth();

    /** c with loss = (c/2)‖P − M*‖_F². */
    double lossScale();

    Target target();

    /** A copy of the weights (one array per layer, or per mode for the reduced engine), for sessions. */
    double[][] state();

    /** Replaces the weights with a saved {@link #state()}; the next call must be {@link #forward()}. */
    void restore(double[][] state);
}
