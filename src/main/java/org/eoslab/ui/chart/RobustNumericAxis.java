package org.eoslab.ui.chart;

import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;

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

    public RobustNumericAxis(String name, String unit) {
        super(name, unit);
    }

    @Override
    protected AxisRange autoRange(double minValue, double maxValue, double length, double labelSize) {
        double[] range = widened(minValue, maxValue, isLogAxis());
        return super.autoRange(range[0], range[1], length, labelSize);
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
