package org.eoslab.ui.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RobustNumericAxisTest {

    @Test
    void aFlatLinearRangeIsWidenedAroundItsValue() {
        double[] r = RobustNumericAxis.widened(1.0, 1.0 + 2e-16, false);
        assertEquals(1e-6, r[1] - r[0], 1e-15);
        assertEquals(1.0 + 1e-16, 0.5 * (r[0] + r[1]), 1e-15);
        double[] zero = RobustNumericAxis.widened(0, 0, false);
        assertEquals(1e-12, zero[1] - zero[0], 1e-24);
    }

    @Test
    void aWideRangeIsKept() {
        assertArrayEquals(new double[] {0.5, 2.5}, RobustNumericAxis.widened(0.5, 2.5, false));
        assertArrayEquals(new double[] {1e-16, 1e-9}, RobustNumericAxis.widened(1e-16, 1e-9, true));
    }

    @Test
    void aLogRangeSpansAtLeastADecade() {
        double[] r = RobustNumericAxis.widened(3e-15, 3.1e-15, true);
        assertEquals(10, r[1] / r[0], 1e-9);
        assertEquals(Math.sqrt(3e-15 * 3.1e-15), Math.sqrt(r[0] * r[1]), 1e-25);
    }

    /** A diverged loss spans 1e-2 … 1e300: its decades are thinned to fit, on round exponents. */
    @Test
    void aLogAxisOverHundredsOfDecadesLabelsAFewRoundOnes() {
        double[] decades = java.util.stream.IntStream.rangeClosed(-2, 300).mapToDouble(e -> Math.pow(10, e)).toArray();
        double[] ticks = RobustNumericAxis.logTicks(decades, 1e-2, 1e300, 150);
        assertTrue(ticks.length >= 2 && ticks.length <= 150 / RobustNumericAxis.MIN_LOG_TICK_GAP, java.util.Arrays.toString(ticks));
        long step = Math.round(Math.log10(ticks[1]) - Math.log10(ticks[0]));
        for (double t : ticks) assertEquals(0, Math.floorMod(Math.round(Math.log10(t)), step), "a multiple of the step: " + t);
    }

    /** Less than two decades: 1-2-5 ticks instead of a single label. */
    @Test
    void aLogAxisWithinADecadeGetsOneTwoFiveTicks() {
        double[] ticks = RobustNumericAxis.logTicks(new double[] {0.1}, 0.07, 0.6, 200);
        assertArrayEquals(new double[] {0.1, 0.2, 0.5}, ticks, 1e-15);
        double[] fits = {1e-3, 1e-2, 1e-1, 1};
        assertArrayEquals(fits, RobustNumericAxis.logTicks(fits, 1e-3, 1, 200), 0.0, "decades that fit are kept");
    }
}
