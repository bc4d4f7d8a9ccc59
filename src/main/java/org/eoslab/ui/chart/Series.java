package org.eoslab.ui.chart;

import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.function.DoubleUnaryOperator;
import org.eoslab.metrics.Columns;
import org.eoslab.run.History;

/**
 * One line of a panel: a history column (optionally transformed, e.g. η ↦ 2/η, or floored for a log
 * axis), decimated, pushed to a ChartFX data set once per frame in one locked batch.
 */
public final class Series {
    /** Buckets per series: ~2 points per horizontal pixel of a large panel. */
    static final int BUCKETS = 2048;

    private final DoubleDataSet dataSet;
    private int column;
    private final DoubleUnaryOperator transform;
    private final Decimator decimator = new Decimator(BUCKETS);
    private final double[] x = new double[2 * BUCKETS];
    private final double[] y = new double[2 * BUCKETS];
    private boolean dirty;

    public Series(String name, int column, DoubleUnaryOperator transform, String style) {
        this.dataSet = new DoubleDataSet(name);
        this.column = column;
        this.transform = transform;
        if (style != null) dataSet.setStyle(style);
    }

    public DoubleDataSet dataSet() { return dataSet; }

    /** Reads rows [from, to) of the history. */
    public void consume(History h, int from, int to) {
        if (column < 0) return;
        for (int i = from; i < to; i++) {
            decimator.add((long) h.get(i, Columns.STEP), transform.applyAsDouble(h.get(i, column)));
        }
        dirty |= to > from;
    }

    /** Points at another column and re-reads the whole history (e.g. another layer chosen). */
    public void rebind(int newColumn, History h) {
        column = newColumn;
        decimator.clear();
        if (h != null) consume(h, 0, h.size());
        dirty = true;
    }

    public void clear() {
        decimator.clear();
        dirty = true;
    }

    /** Sends the decimated points to the data set if anything changed; FX thread. Returns whether it did. */
    public boolean flush() {
        if (!dirty) return false;
        int n = decimator.fill(x, y);
        dataSet.set(x, y, n, true);
        dirty = false;
        return true;
    }

    public int pointCount() { return dataSet.getDataCount(); }

    /** For log axes: values ≤ 0 or below {@code floor} are drawn at {@code floor}. */
    public static DoubleUnaryOperator floorAt(double floor) {
        return v -> Double.isNaN(v) ? v : Math.max(v, floor);
    }
}
