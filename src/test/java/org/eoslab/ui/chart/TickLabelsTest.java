package org.eoslab.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TickLabelsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0|0", "2500|2500", "5000|5000", "10000|10\u2009000", "250000|250\u2009000", "1500000|1.5×10⁶",
            "0.25|0.25", "1.5|1.5", "0.001|0.001", "1e-16|10⁻¹⁶", "2.5e-4|2.5×10⁻⁴", "-3e-8|−3×10⁻⁸", "-20000|−20\u2009000",
            "1e6|10⁶", "9.99999e-5|10⁻⁴", "0.30000000000000004|0.3", "140|140"})
    void labelsReadLikeNumbersOnASlide(double value, String label) {
        assertEquals(label, TickLabels.format(value));
        assertEquals(value, TickLabels.HUMAN.fromString(label).doubleValue(), Math.abs(value) * 1e-5);
    }

    /** Ticks closer than the default digits resolve get the digits they need: neighbours never read alike. */
    @ParameterizedTest(name = "{0} apart {1}")
    @CsvSource(delimiter = '|', value = {
            "2|2.5e-7|1.99999975|2|2.00000025", "0.5|1e-5|0.49999|0.5|0.50001", "10000|0.5|9999.5|10 000|10000.5",
            "3e-8|1e-12|2.9999×10⁻⁸|3×10⁻⁸|3.0001×10⁻⁸", "1.5|0.25|1.25|1.5|1.75", "1000000|500000|0.5M|1M|1.5M",
            "2000000|250000|1.75M|2M|2.25M"})
    void neighbouringTicksReadApart(double centre, double spacing, String below, String at, String above) {
        assertEquals(below, TickLabels.format(centre - spacing, spacing));
        assertEquals(at, TickLabels.format(centre, spacing));
        assertEquals(above, TickLabels.format(centre + spacing, spacing));
        assertEquals("0", TickLabels.format(1e-17, 0.1), "rounding noise at a zero tick reads 0");
        assertEquals(centre + spacing, TickLabels.HUMAN.fromString(above).doubleValue(), 1e-9 * Math.abs(centre));
    }
}
