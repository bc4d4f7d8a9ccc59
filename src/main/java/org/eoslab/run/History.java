package org.eoslab.run;

import org.eoslab.metrics.Layout;

/**
 * Every row of a run, kept in full for export and sessions (the charts show a decimated view). One
 * writer thread appends; any thread may read rows below {@link #size()}. Rows live in fixed-size chunks,
 * so growth never copies data and a 10⁶-step history costs rows × columns × 8 bytes.
 */
public final class History {
    static final int CHUNK_ROWS = 1 << 14;

    private final Layout columns;
    private final int width;
    private volatile double[][] chunks = new double[4][];
    private volatile int size;

    public History(Layout columns) {
        this.columns = columns;
        this.width = columns.count();
    }

    /** Appends a copy of the snapshot's row. Writer thread only. */
    public void append(Snapshot s) {
        double[] row = new double[width];
        s.copyTo(row);
        append(row);
    }

    /** Appends a copy of a row laid out by {@link #columns()}. Writer thread only. */
    public void append(double[] values) {
        int n = size;
        int chunk = n / CHUNK_ROWS;
        double[][] c = chunks;
        if (chunk == c.length) {
            c = java.util.Arrays.copyOf(c, c.length * 2);
        }
        if (c[chunk] == null) {
            c[chunk] = new double[CHUNK_ROWS * width];
        }
        chunks = c;
        System.arraycopy(values, 0, c[chunk], (n % CHUNK_ROWS) * width, width);
        size = n + 1;
    }

    public int size() { return size; }

    public Layout columns() { return columns; }

    /** Value of {@code column} in row {@code index} (index &lt; size()). */
    public double get(int index, int column) {
        return chunks[index / CHUNK_ROWS][(index % CHUNK_ROWS) * width + column];
    }

    /** Copies row {@code index} into {@code out}. */
    public void row(int index, double[] out) {
        System.arraycopy(chunks[index / CHUNK_ROWS], (index % CHUNK_ROWS) * width, out, 0, width);
    }

    /** Copies {@code column} of rows [from, to) into {@code out}. */
    public void column(int column, int from, int to, double[] out) {
        for (int i = from; i < to; i++) {
            out[i - from] = get(i, column);
        }
    }
}
