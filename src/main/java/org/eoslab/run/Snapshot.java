package org.eoslab.run;

import org.eoslab.metrics.Layout;

/**
 * The immutable measurements of one step, laid out by a {@link Layout}. Produced on the engine thread,
 * read anywhere. NaN means "not measured at this step" (e.g. sharpness between estimates).
 */
public final class Snapshot {
    private final Layout columns;
    private final double[] values;

    private Snapshot(Layout columns, double[] values) {
        this.columns = columns;
        this.values = values;
    }

    /** A snapshot of a copy of {@code row}. */
    public static Snapshot of(Layout columns, double[] row) {
        return new Snapshot(columns, row.clone());
    }

    public Layout columns() { return columns; }

    public double get(int column) { return values[column]; }

    public long step() { return (long) values[Layout.STEP]; }

    public double loss() { return values[Layout.LOSS]; }

    public double sharpness() { return values[Layout.SHARPNESS]; }

    public double eta() { return values[columns.eta()]; }

    /** Copies the row into {@code out} (length ≥ columns.count()). */
    public void copyTo(double[] out) {
        System.arraycopy(values, 0, out, 0, values.length);
    }
}
