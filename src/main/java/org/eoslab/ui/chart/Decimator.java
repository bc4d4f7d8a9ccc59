package org.eoslab.ui.chart;

/**
 * Min/max decimation of a series that grows by step: at most {@code capacity} buckets of equal width
 * (a power of two in steps), each keeping its lowest and highest value with their steps. When the steps
 * outgrow the buckets, neighbours merge and the width doubles, so a 10⁶-step series costs the same to draw
 * as a 10³-step one. Keeping both extremes preserves oscillation envelopes: a period-2 orbit drawn from
 * every other step would show a flat line. Not thread-safe: the FX thread owns it.
 */
public final class Decimator {
    private final int capacity;
    private final double[] low;
    private final double[] high;
    private final long[] lowAt;
    private final long[] highAt;
    private long width = 1;
    private int count;

    public Decimator(int capacity) {
        this.capacity = capacity - capacity % 2;
        this.low = new double[this.capacity];
        this.high = new double[this.capacity];
        this.lowAt = new long[this.capacity];
        this.highAt = new long[this.capacity];
    }

    public void clear() {
        width = 1;
        count = 0;
    }

    /** Adds one value; steps must not decrease. NaN (not measured) is skipped. */
    public void add(long step, double value) {
        if (Double.isNaN(value)) return;
        int b = (int) (step / width);
        while (b >= capacity) {
            mergePairs();
            b = (int) (step / width);
        }
        while (count <= b) {
            low[count] = Double.POSITIVE_INFINITY;
            high[count] = Double.NEGATIVE_INFINITY;
            count++;
        }
        if (value < low[b]) { low[b] = value; lowAt[b] = step; }
        if (value > high[b]) { high[b] = value; highAt[b] = step; }
    }

    private void mergePairs() {
        int merged = (count + 1) / 2;
        for (int i = 0; i < merged; i++) {
            int a = 2 * i;
            int b = a + 1;
            double lo = low[a], hi = high[a];
            long loAt = lowAt[a], hiAt = highAt[a];
            if (b < count) {
                if (low[b] < lo) { lo = low[b]; loAt = lowAt[b]; }
                if (high[b] > hi) { hi = high[b]; hiAt = highAt[b]; }
            }
            low[i] = lo; high[i] = hi; lowAt[i] = loAt; highAt[i] = hiAt;
        }
        count = merged;
        width *= 2;
    }

    /** Steps per bucket now. */
    public long width() { return width; }

    /**
     * Writes the decimated points in step order (the extremes of each bucket, once if equal) into x, y
     * (length ≥ 2·capacity); returns how many.
     */
    public int fill(double[] x, double[] y) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (low[i] > high[i]) continue;                 // empty bucket
            boolean lowFirst = lowAt[i] <= highAt[i];
            n = put(x, y, n, lowFirst ? lowAt[i] : highAt[i], lowFirst ? low[i] : high[i]);
            if (lowAt[i] != highAt[i]) n = put(x, y, n, lowFirst ? highAt[i] : lowAt[i], lowFirst ? high[i] : low[i]);
        }
        return n;
    }

    private static int put(double[] x, double[] y, int n, long step, double value) {
        x[n] = step;
        y[n] = value;
        return n + 1;
    }

    /**
     * One point per non-empty bucket: x = the step of its lowest value, low = that value, span = highest −
     * lowest (the band up to the upper envelope). Arrays of length ≥ capacity; returns how many.
     */
    public int fillEnvelope(double[] x, double[] low, double[] span) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (this.low[i] > high[i]) continue;
            x[n] = lowAt[i];
            low[n] = this.low[i];
            span[n] = high[i] - this.low[i];
            n++;
        }
        return n;
    }

    public int capacity() { return capacity; }
}
