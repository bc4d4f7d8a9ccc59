package org.eoslab.export;

import java.util.ArrayList;
import java.util.List;
import org.eoslab.config.Numbers;

/** Round tick values for the pictures drawn with Java2D (the period map, the ReLU sweep), and their labels. */
final class AxisTicks {
    private AxisTicks() {}

    /** Round tick values (1, 2 or 5 × 10^k apart) inside [lo, hi], at most about {@code most} of them. */
    static double[] round(double lo, double hi, int most) {
        double raw = (hi - lo) / most;
        double decade = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw <= decade ? decade : raw <= 2 * decade ? 2 * decade : raw <= 5 * decade ? 5 * decade : 10 * decade;
        List<Double> out = new ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) out.add(Math.abs(v) < 1e-12 * step ? 0 : v);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A tick's label: four significant digits, trailing zeros dropped (0.25, 1.02, 400). */
    static String label(double v) {
        return Numbers.significant(v, 4);
    }
}
