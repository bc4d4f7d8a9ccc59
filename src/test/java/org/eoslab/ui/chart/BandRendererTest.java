package org.eoslab.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.renderer.spi.CachedDataPoints;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/** The band renderer reaches this ChartFX's band points (else it would silently fall back to the hatch). */
class BandRendererTest {
    @Test
    void theBandPointsOfThisChartFxAreReachable() throws Exception {
        for (String name : new String[] {"X", "LOW", "HIGH", "COUNT"}) {
            Field f = BandRenderer.class.getDeclaredField(name);
            f.setAccessible(true);
            Field target = (Field) f.get(null);
            assertTrue(target != null, name + " resolved");
            assertEquals(CachedDataPoints.class, target.getDeclaringClass());
        }
        assertTrue(BandRenderer.BAND_OPACITY > 0 && BandRenderer.BAND_OPACITY < 0.5, "translucent");
    }
}
