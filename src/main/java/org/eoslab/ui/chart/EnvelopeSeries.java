package org.eoslab.ui.chart;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.DoubleErrorDataSet;
import java.util.function.DoubleUnaryOperator;
import org.eoslab.metrics.Columns;
import org.eoslab.run.History;

/**
 * A history column (optionally transformed, e.g. floored for a log axis), min/max-decimated. Drawn as a
 * band: a line through each bucket's lowest value with a filled surface up to its highest, so an
 * oscillating mode shows its orbit's envelope and a quiet one a plain line. One filled polygon per series
 * instead of a zigzag keeps software rendering fast. Sampled quantities (sharpness) are drawn as points
 * instead: both extremes of every bucket, so the two branches of a 2-cycle stay apart.
 */
public final class EnvelopeSeries implements Series {
    /** What a series draws for a row: by default the value of its column; or something of several rows. */
    public interface RowValue {
        double at(History h, int row, int column);
    }

    /** The column's value. */
    public static final RowValue VALUE = (h, row, column) -> h.get(row, column);

    /** The change since the first row: x(t) − x(0). */
    public static final RowValue SINCE_START = (h, row, column) -> h.get(row, column) - h.get(0, column);

    /**
     * Σ_k |x_k(t) − x_k(t−1)| over {@code width} adjacent columns from the series' column (NaN unless both rows
     * were measured): how far a group of values moved in one step.
     */
    public static RowValue stepMotion(int width) {
        return (h, row, column) -> {
            if (row == 0) return Double.NaN;
            double sum = 0;
            for (int k = 0; k < width; k++) sum += Math.abs(h.get(row, column + k) - h.get(row - 1, column + k));
            return sum;
        };
    }

    /** Buckets per series: about one per horizontal pixel of a large panel. */
    static final int BUCKETS = 1024;

    private final boolean asPoints;
    private final RowValue value;
    private final DoubleUnaryOperator transform;
    private final Decimator decimator = new Decimator(BUCKETS);
    private final DoubleErrorDataSet band;
    private final DoubleDataSet points;
    private final double[] x = new double[2 * BUCKETS];
    private final double[] y = new double[2 * BUCKETS];
    private final double[] span = new double[BUCKETS];
    private final double[] zeros = new double[BUCKETS];
    private int column;
    private boolean dirty;

    public EnvelopeSeries(String name, int column, DoubleUnaryOperator transform, String style, boolean asPoints) {
        this(name, column, VALUE, transform, style, asPoints);
    }

    public EnvelopeSeries(String name, int column, RowValue value, DoubleUnaryOperator transform, String style,
                          boolean asPoints) {
        this.column = column;
        this.value = value;
        this.transform = transform;
        this.asPoints = asPoints;
        this.band = asPoints ? null : new DoubleErrorDataSet(name);
        this.points = asPoints ? new DoubleDataSet(name) : null;
        if (style != null) dataSet().setStyle(style);
    }

    public EnvelopeSeries(String name, int column, DoubleUnaryOperator transform, String style) {
        this(name, column, transform, style, false);
    }

    @Override
    public DataSet dataSet() { return asPoints ? points : band; }

    @Override
    public void consume(History h, int from, int to) {
        if (column < 0) return;
        for (int i = from; i < to; i++) {
            decimator.add((long) h.get(i, Columns.STEP), transform.applyAsDouble(value.at(h, i, column)));
        }
        dirty |= to > from;
    }

    @Override
    public void rebind(int newColumn, History h) {
        column = newColumn;
        decimator.clear();
        if (h != null) consume(h, 0, h.size());
        dirty = true;
    }

    @Override
    public boolean flush() {
        if (!dirty || !Series.writable(dataSet())) return false;
        if (asPoints) {
            int n = decimator.fill(x, y);
            points.set(x, y, n, true);
        } else {
            int n = decimator.fillEnvelope(x, y, span);
            band.set(x, y, zeros, span, n, true);
        }
        dirty = false;
        return true;
    }
}
