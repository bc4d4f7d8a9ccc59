package org.eoslab.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a target matrix: d lines of d comma-separated numbers. Blank lines and lines starting with '#'
 * are skipped. Every problem is reported with the file, line and column.
 */
public final class MatrixFile {
    private MatrixFile() {}

    public static double[][] read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidParameterException("target", "file " + file + " does not exist");
        } catch (IOException e) {
            throw new InvalidParameterException("target", "cannot read " + file + ": " + e.getMessage());
        }
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
            try {
                row[j] = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("target", file + " line " + lineNumber + ", column " + (j + 1)
                        + ": '" + cell + "' is not a number");
            }
            if (!Double.isFinite(row[j])) {
                throw new InvalidParameterException("target", file + " line " + lineNumber + ", column " + (j + 1)
                        + ": " + cell + " is not finite");
            }
        }
        return row;
    }
}
