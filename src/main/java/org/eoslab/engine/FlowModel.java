package org.eoslab.engine;

/**
 * A central flow integrated beside GD, one unit of time per GD step (issue 26): the deep linear network's
 * ({@link CentralFlow}, exact derivatives and GD's 2-cycle condition) or any network's on its flat parameters
 * ({@code metrics.SurfaceFlow}, the ReLU network's).
 */
public interface FlowModel {
    /** Measures the flow at its current weights (loss, S, σ²) without moving it. */
    void measure(double eta);

    /** Integrates one unit of time at learning rate η, then measures. */
    void advance(double eta);

    /** The step at which its numbers stopped being finite, or −1. */
    long brokeAt();

    double loss();

    double sharpness();

    /** σ², the predicted variance of GD's oscillation along u (0 below the edge). */
    double variance();

    /** The predicted time average of GD's loss. */
    double predictedLoss();

    /** The flow's own top-k singular values of the end-to-end product (none for a network without one). */
    double[] singularValues(int k);

    /** The predicted time averages of GD's top-k singular values. */
    double[] predictedSingularValues(int k);
}
