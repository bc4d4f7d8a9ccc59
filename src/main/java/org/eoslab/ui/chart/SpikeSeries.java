package org.eoslab.ui.chart;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.Arrays;
import org.eoslab.metrics.Columns;
import org.eoslab.metrics.SpikeDetector;
import org.eoslab.run.History;

/** Markers where a column spikes ({@link SpikeDetector}): a handful of points, drawn over the column's line. */
public final class SpikeSeries implements Series {
    private final DoubleDataSet dataSet;
    private final SpikeDetector detector = new SpikeDetector();
    private int column;
    private double[] x = new double[16];
    private double[] y = new double[16];
    private int count;
    private boolean dirty;

    public SpikeSeries(String name, int column, String colour) {
        this.dataSet = new DoubleDataSet(name);
        this.column = column;
        dataSet.setStyle("-fx-line-width: 0; -fx-marker-size: 5; -fx-marker-type: diamond; -fx-marker-color: "
                + colour + "; -fx-line-color: " + colour + ";");
    }

    @Override
    public DataSet dataSet() { return dataSet; }

    @Override
    public void consume(History h, int from, int to) {
        for (int i = from; i < to; i++) {
            double v = h.get(i, column);
            if (!detector.offer(v)) continue;
            if (count == x.length) {
                x = Arrays.copyOf(x, 2 * count);
                y = Arrays.copyOf(y, 2 * count);
            }
            x[count] = h.get(i, Columns.STEP);
            y[count] = v;
            count++;
            dirty = true;
        }
    }

    @Override
    public void rebind(int newColumn, History h) {
        column = newColumn;
        count = 0;
        detector.reset();
        if (h != null) consume(h, 0, h.size());
        dirty = true;
    }

    @Override
    public boolean flush() {
        if (!dirty || !Series.writable(dataSet)) return false;
        dataSet.set(Arrays.copyOf(x, count), Arrays.copyOf(y, count), count, true);
        dirty = false;
        return true;
    }

    /** How many spikes were marked. */
    public int spikes() { return count; }
}
