package org.eoslab.ui.chart;

import io.fair_acc.dataset.spi.DoubleDataSet;

/** A horizontal line y = value across the steps run so far (NaN hides it). */
public final class ReferenceLine {
    private final String style;
    private final DoubleDataSet dataSet;
    private double value = Double.NaN;
    private long drawnTo = -1;
    private double drawnValue = Double.NaN;

    public ReferenceLine(String name, String style) {
        this.dataSet = new DoubleDataSet(name);
        dataSet.setStyle(style);
        this.style = style;
    }

    public DoubleDataSet dataSet() { return dataSet; }

    /** The style as made, before any presentation scaling. */
    public String style() { return style; }

    public void setValue(double v) { value = v; }

    public double value() { return value; }

    /** Returns whether the line changed. */
    public boolean flush(long lastStep) {
        if (lastStep == drawnTo && Double.compare(value, drawnValue) == 0) return false;
        if (!Series.writable(dataSet)) return false;
        if (Double.isNaN(value)) {
            dataSet.clearData();
        } else {
            dataSet.set(new double[] {0, Math.max(1, lastStep)}, new double[] {value, value});
        }
        drawnTo = lastStep;
        drawnValue = value;
        return true;
    }
}
