package org.eoslab.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.eoslab.config.MlpParameters;
import org.eoslab.run.MlpSweep;
import org.junit.jupiter.api.Test;

/**
 * The pictures' axes: ticks 1, 2 or 5 × 10^k apart inside the range, with labels that differ; the ReLU sweep's η axis
 * spans the whole sweep before any cell has finished.
 */
class AxisTicksTest {
    @Test
    void ticksAreRoundAndInsideTheRange() {
        assertArrayEquals(new double[] {0.4, 0.6, 0.8, 1.0}, AxisTicks.round(0.243, 1.03, 7), 1e-12);   // 0.112 → 0.2 apart
        assertArrayEquals(new double[] {100, 200, 300, 400}, AxisTicks.round(86.8, 400, 4), 1e-9);
        assertArrayEquals(new double[] {-0.5, 0, 0.5, 1}, AxisTicks.round(-0.6, 1.2, 4), 1e-12);
        double[] narrow = AxisTicks.round(0.999, 1.021, 4);            // the median-sharpness panel's range
        assertEquals(3, narrow.length, Arrays.toString(narrow));
        for (int i = 0; i < narrow.length; i++) {
            assertTrue(narrow[i] >= 0.999 && narrow[i] <= 1.021, Arrays.toString(narrow));
            if (i > 0) {
                assertEquals(0.01, narrow[i] - narrow[i - 1], 1e-12, Arrays.toString(narrow));   // 0.0055 → 0.01 apart
                assertTrue(!AxisTicks.label(narrow[i]).equals(AxisTicks.label(narrow[i - 1])), "labels differ: " + Arrays.toString(narrow));
            }
        }
        assertEquals("0.3", AxisTicks.label(0.1 + 0.2), "a sum's rounding is not shown");
        assertEquals("400", AxisTicks.label(400));
    }

    @Test
    void theSweepsEtaAxisSpansEveryCellFromTheStart() {
        MlpSweep.Spec spec = new MlpSweep.Spec(MlpParameters.defaults(), new double[] {0.25, 0.4, 0.55, 0.7, 0.85, 1},
                new long[] {1, 2}, new int[] {4});
        double[] xs = MlpSweepPlot.etaRange(spec);
        assertEquals(0.25 - 0.03, xs[0], 1e-12);
        assertEquals(1 + 0.03, xs[1], 1e-12);
        assertEquals(List.of("depth 4, seed 1", "depth 4, seed 2"), List.copyOf(MlpSweepPlot.series(spec, List.of()).keySet()),
                "every (depth, seed) has its colour before its first cell");
        assertEquals(3 * 420, MlpSweepPlot.render(spec, List.of()).getWidth(), "an empty sweep draws its three panels a row");
    }
}
