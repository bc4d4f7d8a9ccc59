package org.eoslab.run;

/** When a run counts as diverged: a non-finite loss, or one so large the next products overflow. */
public final class Divergence {
    /** Above this the entries of E are ~1e75 and the next step's products leave the double range. */
    public static final double LOSS_LIMIT = 1e150;

    private Divergence() {}

    public static boolean diverged(double loss) {
        return !(loss <= LOSS_LIMIT);
    }

    public static String message(long step) {
        return "diverged at step " + step;
    }
}
