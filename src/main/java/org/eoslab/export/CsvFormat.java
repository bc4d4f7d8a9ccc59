package org.eoslab.export;

import java.util.List;
import org.eoslab.metrics.Layout;

/**
 * The trajectory CSV: a header of column names, then one line per step. Steps print as integers, every
 * other number with full double precision ({@link Double#toString}), NaN (not measured) as an empty field.
 */
public final class CsvFormat {
    private CsvFormat() {}

    public static String header(List<String> names) {
        return String.join(",", names);
    }

    public static void appendRow(StringBuilder out, double[] row, int width) {
        out.append((long) row[Layout.STEP]);
        for (int j = 1; j < width; j++) {
            out.append(',');
            double v = row[j];
            if (!Double.isNaN(v)) out.append(v);
        }
        out.append('\n');
    }
}
