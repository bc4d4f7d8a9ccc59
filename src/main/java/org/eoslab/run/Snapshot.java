package org.eoslab.run;

import org.eoslab.metrics.Columns;

/**
 * The immutable measurements of one step, laid out by {@link Columns}. Produced on the engine thread,
 * read anywhere. NaN means "not measured at this step" (e.g. sharpness between estimates).
 */
public final class Snapshot {
    private final Columns columns;
    private final double[] values;

    private Snapshot(Columns columns, double[] values) {
        this.columns = columns;
        this.values = values;
    }

    /** A snapshot of a copy of {@code row}. */
    public static Snapshot of(Columns columns, double[] row) {
        return new Snapshot(columns, row.clone());
    }

    public Columns columns() { return columns; }

    public double get(int column) { return values[column]; }

    public long step() { return (long) values[Columns.STEP]; }

    public double loss() { return values[Columns.LOSS]; }

    public double sharpness() { return values[Columns.SHARPNESS]; }

    public double eta() { return values[columns.eta()]; }

    /** σ_i of the product, 1-based. */
    public double sigma(int i) { return values[columns.sigma(i)]; }

    /** Copies the row into {@code out} (length ≥ columns.count()). */
    public void copyTo(double[] out) {
        System.arraycopy(values, 0, out, 0, values.length);
    }
}
