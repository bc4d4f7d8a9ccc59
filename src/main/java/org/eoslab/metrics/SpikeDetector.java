package org.eoslab.metrics;

import java.util.Arrays;

/**
 * Marks momentary spikes in a positive series such as the step-to-step subspace distance (paper section 4.2:
 * "the subspace distance spikes momentarily"): a value is a spike when it exceeds {@code factor} times the median
 * of the previous {@code window} finite values (and at least {@code window}/4 of them were seen). Missing values
 * (NaN, steps not measured) are skipped. Allocation-free after construction.
 */
public final class SpikeDetector {
    public static final int WINDOW = 40;
    public static final double FACTOR = 10;

    private final int window;
    private final double factor;
    private final double[] ring;
    private final double[] sorted;
    private int count;
    private int next;

    public SpikeDetector() {
        this(WINDOW, FACTOR);
    }

    public SpikeDetector(int window, double factor) {
        this.window = window;
        this.factor = factor;
        this.ring = new double[window];
        this.sorted = new double[window];
    }

    /** Takes the next value; true when it is a spike against the values before it. */
    public boolean offer(double v) {
        if (!Double.isFinite(v)) return false;
        boolean spike = count >= Math.max(1, window / 4) && v > factor * median();
        ring[next] = v;
        next = (next + 1) % window;
        count = Math.min(count + 1, window);
        return spike;
    }

    private double median() {
        System.arraycopy(ring, 0, sorted, 0, count);
        Arrays.sort(sorted, 0, count);
        return count % 2 == 1 ? sorted[count / 2] : 0.5 * (sorted[count / 2 - 1] + sorted[count / 2]);
    }

    public void reset() {
        count = 0;
        next = 0;
    }
}
