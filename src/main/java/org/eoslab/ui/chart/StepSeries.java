package org.eoslab.ui.chart;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.eoslab.metrics.Columns;
import org.eoslab.run.History;

/**
 * A piecewise-constant quantity such as 2/η (η changes only when the user moves it): only its change points
 * and the latest step are drawn, a handful of points however long the run.
 */
public final class StepSeries implements Series {
    private final DoubleDataSet dataSet;
    private final DoubleUnaryOperator transform;
    private int column;
    private double[] x = new double[16];
    private double[] y = new double[16];
    private int changes;
    private long lastStep = -1;
    private boolean dirty;

    public StepSeries(String name, int column, DoubleUnaryOperator transform, String style) {
        this.dataSet = new DoubleDataSet(name);
        this.column = column;
        this.transform = transform;
        dataSet.setStyle(style);
    }

    @Override
    public DataSet dataSet() { return dataSet; }

    @Override
    public void consume(History h, int from, int to) {
        for (int i = from; i < to; i++) {
            double v = transform.applyAsDouble(h.get(i, column));
            long step = (long) h.get(i, Columns.STEP);
            if (changes == 0 || Double.compare(v, y[changes - 1]) != 0) {
                if (changes + 2 > x.length) {
                    x = Arrays.copyOf(x, 2 * x.length);
                    y = Arrays.copyOf(y, 2 * y.length);
                }
                if (changes > 0) add(step, y[changes - 1]);   // the old value up to here: a vertical step
                add(step, v);
            }
            lastStep = step;
        }
        dirty |= to > from;
    }

    private void add(long step, double v) {
        x[changes] = step;
        y[changes] = v;
        changes++;
    }

    @Override
    public void rebind(int newColumn, History h) {
        column = newColumn;
        changes = 0;
        lastStep = -1;
        if (h != null) consume(h, 0, h.size());
        dirty = true;
    }

    @Override
    public boolean flush() {
        if (!dirty || !Series.writable(dataSet)) return false;
        double[] px = Arrays.copyOf(x, changes + 1);
        double[] py = Arrays.copyOf(y, changes + 1);
        int n = changes;
        if (changes > 0 && lastStep > x[changes - 1]) {
            px[n] = lastStep;
            py[n] = y[changes - 1];
            n++;
        }
        dataSet.set(px, py, n, true);
        dirty = false;
        return true;
    }
}
