package org.eoslab.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eoslab.metrics.Layout;
import org.eoslab.run.History;
import org.eoslab.run.Snapshot;

/**
 * Streams a trajectory to CSV as it is computed (constant memory for any run length). The rows go to a
 * temporary file that replaces {@code target} only on {@link #commit()}; {@link #close()} without commit
 * removes it, so a failed run leaves nothing behind.
 */
public final class TrajectoryCsvWriter implements Closeable {
    private final Path target;
    private final Path tmp;
    private final BufferedWriter out;
    private final int width;
    private final double[] row;
    private final StringBuilder line = new StringBuilder(512);
    private boolean committed;

    public TrajectoryCsvWriter(Path target, Layout columns) {
        this.target = target;
        this.width = columns.count();
        this.row = new double[width];
        try {
            this.tmp = AtomicFiles.stage(target);
            this.out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
            out.write(CsvFormat.header(columns.names()));
            out.write('\n');
        } catch (IOException e) {
            throw new ExportException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    public void append(Snapshot s) {
        s.copyTo(row);
        appendRow(row);
    }

    private void appendRow(double[] values) {
        line.setLength(0);
        CsvFormat.appendRow(line, values, width);
        try {
            out.append(line);
        } catch (IOException e) {
            throw new ExportException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Finishes the file without moving it into place yet (so that a companion file can be staged first). */
    public void finish() {
        try {
            out.close();
        } catch (IOException e) {
            throw new ExportException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Finishes the file and moves it into place. */
    public void commit() {
        try {
            out.close();
            AtomicFiles.commit(tmp, target);
            committed = true;
        } catch (IOException e) {
            throw new ExportException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** The same, for {@link AtomicFiles#writeJsonWith}: I/O problems are left to the caller to report. */
    public void commitNow() throws IOException {
        out.close();
        AtomicFiles.commit(tmp, target);
        committed = true;
    }

    @Override
    public void close() {
        if (committed) return;
        try {
            out.close();
        } catch (IOException ignored) {
            // the temporary file is deleted below either way
        }
        AtomicFiles.deleteQuietly(tmp);
    }

    /** Writes a whole in-memory history (full, not decimated) to {@code target}, atomically. */
    public static void write(History history, Path target) {
        write(history, history.size(), target);
    }

    /** Writes the first {@code rows} rows of a history (a pinned run's) to {@code target}, atomically. */
    public static void write(History history, int rows, Path target) {
        try (TrajectoryCsvWriter w = new TrajectoryCsvWriter(target, history.columns())) {
            double[] buffer = new double[history.columns().count()];
            for (int i = 0; i < rows; i++) {
                history.row(i, buffer);
                w.appendRow(buffer);
            }
            w.commit();
        }
    }
}
