package org.eoslab.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.Presets;
import org.eoslab.run.MlpSweep;

/**
 * A ReLU network sweep's folder: mlp-sweep.json (what the sweep covers, written first, read by --resume) and
 * mlp-sweep.csv (a row per finished cell, appended as cells finish and sorted when the sweep completes).
 */
public final class MlpSweepFiles {
    public static final String CSV = "mlp-sweep.csv";
    public static final String SPEC = "mlp-sweep.json";
    public static final String HEADER = "eta,seed,depth,steps_completed,edge_step,median_sharpness_over_2_over_eta,"
            + "loss_rise_fraction,top_to_bottom_motion,top_growth,final_loss,final_accuracy,diverged_at_step,died_at_step";
    private static final int COLUMNS = HEADER.split(",").length;
    /** The order of a completed mlp-sweep.csv: depth, then seed, then η (the order of {@link MlpSweep.Spec#cells}). */
    public static final Comparator<MlpSweep.Row> ORDER = Comparator.<MlpSweep.Row>comparingInt(r -> r.cell().depth())
            .thenComparingLong(r -> r.cell().seed()).thenComparingDouble(r -> r.cell().eta());

    private MlpSweepFiles() {}

    /** One row; NaN as an empty field, every number as Java prints it (so it reads back bit for bit). */
    public static String line(MlpSweep.Row r) {
        MlpSweep.Cell c = r.cell();
        return c.eta() + "," + c.seed() + "," + c.depth() + "," + r.stepsCompleted() + "," + r.edgeStep() + ","
                + num(r.medianSharpnessOverTwoOverEta()) + "," + num(r.lossRiseFraction()) + "," + num(r.topToBottomMotion())
                + "," + num(r.topGrowth()) + "," + num(r.finalLoss()) + "," + num(r.finalAccuracy()) + ","
                + r.divergedAtStep() + "," + r.diedAtStep();
    }

    private static String num(double v) { return Double.isNaN(v) ? "" : Double.toString(v); }

    private static double num(String s) { return s.isEmpty() ? Double.NaN : Double.parseDouble(s); }

    /** The spec, written before any cell runs. */
    public static void writeSpec(Path dir, MlpSweep.Spec spec) {
        AtomicFiles.writeJson(dir.resolve(SPEC), spec);
    }

    /** The spec of an earlier sweep in {@code dir}; a clear message when it is missing or malformed. */
    public static MlpSweep.Spec readSpec(Path dir) {
        Path file = dir.resolve(SPEC);
        if (!Files.isRegularFile(file)) {
            throw new InvalidParameterException("resume", file + " is missing: the folder holds no ReLU network sweep");
        }
        try {
            return Presets.json().readValue(file.toFile(), MlpSweep.Spec.class);
        } catch (IOException e) {
            throw new InvalidParameterException("resume", file + " is not a sweep's spec: " + org.eoslab.config.Messages.clean(e.getMessage()));
        }
    }

    /**
     * The rows already in {@code dir}'s CSV, every complete line of them (a line cut short when the sweep was
     * stopped is dropped); none when there is no CSV.
     */
    public static List<MlpSweep.Row> readRows(Path dir) {
        Path file = dir.resolve(CSV);
        List<MlpSweep.Row> rows = new ArrayList<>();
        if (!Files.exists(file)) return rows;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidParameterException("resume", "cannot read " + file + ": " + e.getMessage());
        }
        String[] lines = text.split("\n", -1);
        for (int i = 1; i < lines.length - 1; i++) {                 // the last piece follows the last newline
            MlpSweep.Row r = parse(lines[i]);
            if (r != null) rows.add(r);
        }
        return rows;
    }

    private static MlpSweep.Row parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != COLUMNS) return null;
        try {
            return new MlpSweep.Row(new MlpSweep.Cell(Double.parseDouble(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2])),
                    Long.parseLong(f[3]), Long.parseLong(f[4]), num(f[5]), num(f[6]), num(f[7]), num(f[8]), num(f[9]),
                    num(f[10]), Long.parseLong(f[11]), Long.parseLong(f[12]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The complete CSV, sorted ({@link #ORDER}), replacing the one appended to. */
    public static void writeSorted(Path dir, List<MlpSweep.Row> rows) {
        List<MlpSweep.Row> sorted = new ArrayList<>(rows);
        sorted.sort(ORDER);
        AtomicFiles.writeText(dir.resolve(CSV), w -> {
            BufferedWriter b = new BufferedWriter(w, 1 << 16);
            b.write(HEADER + "\n");
            for (MlpSweep.Row r : sorted) b.write(line(r) + "\n");
            b.flush();
        });
    }

    /**
     * Appends rows as cells finish, each line flushed whole, after rewriting the file with the rows kept (so a line cut
     * short earlier is gone); a stopped sweep leaves every finished cell on disk.
     */
    public static final class Appender implements AutoCloseable {
        private final BufferedWriter out;

        public Appender(Path dir, List<MlpSweep.Row> kept) {
            writeSorted(dir, kept);
            try {
                out = Files.newBufferedWriter(dir.resolve(CSV), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new ExportException("cannot append to " + dir.resolve(CSV) + ": " + e.getMessage(), e);
            }
        }

        public synchronized void append(MlpSweep.Row r) {
            try {
                out.write(line(r) + "\n");
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
