package org.eoslab.run;

import org.eoslab.config.RunParameters;
import org.eoslab.metrics.Layout;

/**
 * One training run of either network, advanced one GD step at a time by the one thread that owns it (the
 * live engine thread, or a headless command). Step 0 is the initial weights. What it hands out is immutable
 * {@link Snapshot}s laid out by {@link #columns()}; η and the sharpness cadence can change between steps,
 * nothing else can.
 *
 * @param <P> the parameters of its kind of network
 */
public interface Run<P extends RunParameters> {
    /** The parameters it runs, with the η and sharpness cadence in force now. */
    P parameters();

    Layout columns();

    /** One GD step with the current η; false, leaving the last snapshot in place, once the run has ended. */
    boolean advance();

    /** The latest good step's measurements (null only if the initial weights already diverge). */
    Snapshot snapshot();

    long step();

    double eta();

    /** Applies from the next step on (a live change, no restart). */
    void setEta(double eta);

    /** Sharpness cadence K (0 = off), from the next step on. */
    void setSharpnessEvery(int every);

    /** The step whose loss diverged, or −1. */
    long divergedAt();

    /** How the run stopped early ("diverged at step t", "network died at step t"), or null while it can go on. */
    String endMessage();

    default boolean ended() { return endMessage() != null; }

    /** A copy of the weights, enough to continue the run later (sessions). Owning thread only. */
    double[][] state();

    /** What the network learns from, for status lines and reports: the data, or the target's spectrum. */
    String source();

    /** σ*_i of the target in use; empty for a network that fits data rather than a target matrix. */
    default double[] targetValues() { return new double[0]; }

    /** Where its products and spectra are computed. */
    default ComputePath computePath() { return ComputePath.current(); }

    /**
     * The landscape view's measurement at the latest step (issue 26), owning thread only; empty for a run without
     * one. A small run keeps its recent iterates from the start; a large one from the first call.
     */
    default java.util.Optional<org.eoslab.metrics.Landscape> landscape(int points, int grid) {
        return java.util.Optional.empty();
    }

    /** The live judgement of phase and oscillating modes; empty for a model without one (the ReLU network). */
    default java.util.Optional<PhaseMonitor> monitor() { return java.util.Optional.empty(); }
}
