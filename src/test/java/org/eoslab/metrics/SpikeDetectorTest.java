package org.eoslab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpikeDetectorTest {

    @Test
    void findsExactlyTheInjectedSpikesInNoisyDataWithGaps() {
        Random rng = new Random(4);
        SpikeDetector detector = new SpikeDetector();
        List<Integer> found = new ArrayList<>();
        for (int t = 0; t < 2000; t++) {
            double base = 1e-6 * Math.exp(0.5 * rng.nextGaussian()) * (1 + t / 2000.0);   // noisy, slowly rising
            double v = t % 7 == 3 ? Double.NaN : base;                                      // unmeasured steps
            if (t == 300 || t == 1200 || t == 1201) v = 3e-4;
            if (detector.offer(v)) found.add(t);
        }
        assertEquals(List.of(300, 1200, 1201), found);
    }

    @Test
    void aLevelShiftIsFlaggedOnlyUntilTheMedianCatchesUp() {
        SpikeDetector detector = new SpikeDetector(10, 10);
        int flagged = 0;
        for (int t = 0; t < 50; t++) if (detector.offer(t < 20 ? 1.0 : 100.0)) flagged++;
        assertEquals(5, flagged, "a jump is a spike until half the window holds the new level");
    }
}
