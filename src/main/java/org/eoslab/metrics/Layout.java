package org.eoslab.metrics;

import java.util.List;

/** The columns of a per-step row: names and count, with step, loss and sharpness always first. */
public interface Layout {
    int STEP = 0;
    int LOSS = 1;
    int SHARPNESS = 2;

    List<String> names();

    int count();

    /**
     * The column count of sessions written before this version's last columns were appended: such a session still
     * opens, its missing columns NaN (not measured). The same as {@link #count()} when none were appended.
     */
    default int olderCount() {
        return count();
    }

    /** The column of the η in force at each step. */
    int eta();

    /** A fresh row with every measurement NaN (NaN = not measured). */
    default double[] emptyRow() {
        double[] row = new double[count()];
        java.util.Arrays.fill(row, Double.NaN);
        return row;
    }
}
