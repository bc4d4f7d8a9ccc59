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
}
