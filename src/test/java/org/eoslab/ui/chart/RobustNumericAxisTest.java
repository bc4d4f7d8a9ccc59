package org.eoslab.ui.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
