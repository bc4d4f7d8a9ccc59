package org.eoslab.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a target matrix: d lines of d comma-separated numbers (plain decimal or scientific notation). Blank
 * lines and lines starting with '#' are skipped. Every problem is reported with the file, line and column, never
 * with the file's content (a preset may name any readable file).
 */
public final class MatrixFile {
    private MatrixFile() {}

    /** d ≤ 1000 lines of d numbers of at most ~30 characters each, with room to spare. */
    static final long MAX_BYTES = 64L << 20;

    public static double[][] read(Path file) {
        // a target of at most MAX_WIDTH × MAX_WIDTH numbers fits in MAX_BYTES
        List<String> lines = InputFiles.text("target", file, MAX_BYTES).lines().toList();
        List<double[]> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (line.isEmpty() || line.startsWith("#")) continue;
            rows.add(parseRow(file, n + 1, line));
            if (rows.size() > Parameters.MAX_WIDTH) {
                throw new InvalidParameterException("target", file + " has more than " + Parameters.MAX_WIDTH
                        + " rows; the allowed size is 1..." + Parameters.MAX_WIDTH);
            }
        }
        if (rows.isEmpty()) {
            throw new InvalidParameterException("target", file + " holds no numbers; expected d lines of d comma-separated numbers");
        }
        int d = rows.size();
        for (int i = 0; i < d; i++) {
            if (rows.get(i).length != d) {
                throw new InvalidParameterException("target", file + " is not square: row " + (i + 1) + " has "
                        + rows.get(i).length + " numbers but there are " + d + " rows (expected d lines of d numbers)");
            }
        }
        return rows.toArray(new double[0][]);
    }

    private static double[] parseRow(Path file, int lineNumber, String line) {
        String[] cells = line.split(",", -1);
        double[] row = new double[cells.length];
        for (int j = 0; j < cells.length; j++) {
            String cell = cells[j].trim();
            if (!Checks.plainNumber(cell)) {                      // the cell's text is not repeated: the file may be
                throw new InvalidParameterException("target", file + " line " + lineNumber + ", column " + (j + 1)
                        + ": not a number (" + (cell.isEmpty() ? "empty" : cell.length() + " characters of text")
                        + "); expected d lines of d comma-separated numbers");    // anything, e.g. a secret
            }
            row[j] = Double.parseDouble(cell);
            if (!Double.isFinite(row[j])) {
                throw new InvalidParameterException("target", file + " line " + lineNumber + ", column " + (j + 1)
                        + ": " + cell + " is not finite");
            }
        }
        return row;
    }
}
