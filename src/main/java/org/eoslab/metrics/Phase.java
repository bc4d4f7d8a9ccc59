package org.eoslab.metrics;

/** Where a run is, as the status bar names it (paper section 3.2: saddle escape, sharpening, EOS). */
public enum Phase {
    STARTING("starting"),
    SADDLE("saddle"),
    PROGRESSIVE_SHARPENING("progressive sharpening"),
    CONVERGED("converged"),
    EDGE_OF_STABILITY("edge of stability"),
    DIVERGED("diverged"),
    /** A network without the mode-based judgement (the ReLU network): taking steps, neither starting nor diverged. */
    TRAINING("training");

    /** The loss counts as having left the saddle once it is this far below its start. */
    public static final double SADDLE_LOSS_FRACTION = 0.99;

    private final String label;

    Phase(String label) { this.label = label; }

    public String label() { return label; }

    /**
     * @param oscillating modes oscillating now
     * @param firstLoss the loss at step 0
     * @param loss the latest loss
     */
    public static Phase classify(boolean diverged, int oscillating, double firstLoss, double loss, long step) {
        if (diverged) return DIVERGED;
        if (step == 0) return STARTING;
        if (oscillating > 0) return EDGE_OF_STABILITY;
        if (loss <= Outcome.CONVERGED_LOSS_RATIO * firstLoss) return CONVERGED;
        if (loss > SADDLE_LOSS_FRACTION * firstLoss) return SADDLE;
        return PROGRESSIVE_SHARPENING;
    }
}
