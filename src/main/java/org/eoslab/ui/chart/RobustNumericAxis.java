package org.eoslab.ui.chart;

import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.spi.fastutil.DoubleArrayList;

/**
 * A numeric axis whose auto-range never collapses. Series here are often flat to the last bit (inner
 * layers' singular values all equal α, converged modes jittering by 1e-16), and ChartFX 11.3's tick
 * formatter throws (Schubfach.pow10 with a negative index) when neighbouring tick labels differ only in the
 * 16th-17th digit. A linear auto-range spans at least 1e-6 of its magnitude (1e-12 absolute), a log one at
 * least a decade, centred on the data.
 */
public final class RobustNumericAxis extends DefaultNumericAxis {
    static final double MIN_RELATIVE_SPAN = 1e-6;
    static final double MIN_ABSOLUTE_SPAN = 1e-12;
    /** Pixels per labelled decade on a log axis, at least. */
    static final double MIN_LOG_TICK_GAP = 30;

    public RobustNumericAxis(String name, String unit) {
        super(name, unit);
    }

    @Override
    protected AxisRange autoRange(double minValue, double maxValue, double length, double labelSize) {
        double[] range = widened(minValue, maxValue, isLogAxis());
        return super.autoRange(range[0], range[1], length, labelSize);
    }

    /**
     * A log axis labels one decade in every k, so that its labels never crowd (a diverged loss spans 300 decades:
     * 30 labels overlapped), and 1-2-5 within a decade when the range holds fewer than two decades' ticks (a
     * single label told nothing).
     */
    @Override
    protected void calculateMajorTickValues(AxisRange range, DoubleArrayList values) {
        super.calculateMajorTickValues(range, values);
        if (!isLogAxis()) return;
        double[] ticks = logTicks(java.util.Arrays.copyOf(values.elements(), values.size()), range.getMin(), range.getMax(), range.getAxisLength());
        values.clear();
        for (double t : ticks) values.add(t);
    }

    /** Decade ticks thinned to fit {@code length} px (one per {@value #MIN_LOG_TICK_GAP} px), or 1-2-5 ticks. */
    static double[] logTicks(double[] decades, double min, double max, double length) {
        int fit = (int) Math.max(2, length / MIN_LOG_TICK_GAP);
        if (decades.length >= 2 && decades.length <= fit) return decades;
        if (decades.length < 2) {
            java.util.List<Double> out = new java.util.ArrayList<>();
            if (!(min > 0) || !(max > min)) return decades;
            for (double d = Math.pow(10, Math.floor(Math.log10(min))); d <= max; d *= 10) {
                for (double m : new double[] {1, 2, 5}) if (m * d >= min && m * d <= max) out.add(m * d);
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }
        int every = (int) Math.ceil(decades.length / (double) fit);
        return java.util.Arrays.stream(decades).filter(v -> Math.floorMod(Math.round(Math.log10(v)), every) == 0).toArray();
    }

    /** The data range [min, max] widened to the minimum span. */
    static double[] widened(double min, double max, boolean log) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) return new double[] {min, max};
        if (log) {
            if (min > 0 && max / min < 10) {
                double mid = Math.sqrt(min * max);
                return new double[] {mid / Math.sqrt(10), mid * Math.sqrt(10)};
            }
            return new double[] {min, max};
        }
        double span = Math.max(MIN_RELATIVE_SPAN * Math.max(Math.abs(min), Math.abs(max)), MIN_ABSOLUTE_SPAN);
        if (max - min >= span) return new double[] {min, max};
        double mid = 0.5 * (min + max);
        return new double[] {mid - 0.5 * span, mid + 0.5 * span};
    }
}
