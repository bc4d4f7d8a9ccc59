package org.eoslab.run;

import org.eoslab.metrics.Columns;
import org.eoslab.metrics.Outcome;

/**
 * The last N values of every mode ({@link Columns#mode}: its own value u*ᵢᵀPv*ᵢ, never a re-sorted σᵢ(P)), enough to judge how a run ends ({@link Outcome}).
 */
public final class TailWindow {
    public static final int DEFAULT_CAPACITY = 512;

    private final int[] sources;
    private final double[] targets;
    private final double[][] ring;
    private final int capacity;
    private int count;
    private double firstLoss = Double.NaN;
    private double lastLoss = Double.NaN;

    public TailWindow(Columns columns, double[] targets, int capacity) {
        int r = targets.length;
        this.targets = targets.clone();
        this.capacity = capacity;
        this.sources = new int[r];
        for (int i = 1; i <= r; i++) sources[i - 1] = columns.mode(i);
        this.ring = new double[r][capacity];
    }

    public void add(Snapshot s) {
        int slot = count % capacity;
        for (int i = 0; i < sources.length; i++) ring[i][slot] = s.get(sources[i]);
        if (count == 0) firstLoss = s.loss();
        lastLoss = s.loss();
        count++;
    }

    /** The outcome over the window, or diverged at {@code divergedAt} when that is ≥ 0. */
    public Outcome outcome(long divergedAt) {
        if (divergedAt >= 0) return Outcome.diverged(divergedAt);
        int n = Math.min(count, capacity);
        double[][] tails = new double[sources.length][n];
        for (int i = 0; i < sources.length; i++) {
            for (int t = 0; t < n; t++) {
                tails[i][t] = ring[i][(count - n + t) % capacity];
            }
        }
        return Outcome.classify(tails, n, targets, firstLoss, lastLoss);
    }
}
