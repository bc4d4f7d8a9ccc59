package org.eoslab.ui.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import javafx.util.StringConverter;

/**
 * Tick labels that read on a projector: 0, 5 000, 10 000 rather than 0.00E0, 5.00E3; plain decimals from 0.001 to
 * 999 999 (0.25, 1.5); ticks 100 000 or more apart in millions (0.5M, 1M, 1.5M, never 500 000 beside 10⁶); and
 * powers of ten as 10⁻¹⁶ or 2.5×10⁻⁴ only where the range needs them.
 */
public final class TickLabels extends StringConverter<Number> {
    public static final TickLabels HUMAN = new TickLabels(() -> Double.NaN);
    private static final char THIN_SPACE = '\u2009';
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private final java.util.function.DoubleSupplier spacing;

    private TickLabels(java.util.function.DoubleSupplier spacing) {
        this.spacing = spacing;
    }

    /**
     * Labels for one axis: as many digits as its tick spacing needs, so ticks 0.2 µ apart around 2 read
     * 1.9999998, 2, 2.0000002 instead of 2, 2, 2.
     */
    public static TickLabels forAxis(java.util.function.DoubleSupplier tickSpacing) {
        return new TickLabels(tickSpacing);
    }

    @Override
    public String toString(Number n) {
        if (n == null) return "";
        return format(n.doubleValue(), spacing.getAsDouble());
    }

    /** The label of one tick value. */
    public static String format(double v) {
        return format(v, Double.NaN);
    }

    /** Significant digits that tell ticks {@code spacing} apart near {@code magnitude}: at least {@code least}. */
    private static int digits(double magnitude, double spacing, int least) {
        if (!(spacing > 0) || !Double.isFinite(spacing)) return least;
        int needed = (int) (Math.floor(Math.log10(magnitude)) - Math.floor(Math.log10(spacing))) + 2;
        return Math.max(least, Math.min(17, needed));
    }

    /** The label of one tick value, with enough digits for ticks {@code spacing} apart (NaN: unknown). */
    public static String format(double v, double spacing) {
        if (!Double.isFinite(v)) return Double.toString(v);
        if (v == 0 || (spacing > 0 && Math.abs(v) < 1e-9 * spacing)) return "0";
        double a = Math.abs(v);
        if (spacing >= 1e5 && Double.isFinite(spacing) && a < 1e12) {    // a step axis in millions: 0.5M, 1M, 1.5M
            BigDecimal m = new BigDecimal(v / 1e6).round(new MathContext(digits(a / 1e6, spacing / 1e6, 1))).stripTrailingZeros();
            return m.toPlainString().replace('-', '−') + "M";
        }
        if (a >= 1e-3 && a < 1e6) {
            BigDecimal d = new BigDecimal(v).round(new MathContext(digits(a, spacing, 6))).stripTrailingZeros();
            return d.scale() <= 0 ? grouped(d.longValue()) : d.toPlainString();
        }
        int exponent = (int) Math.floor(Math.log10(a));
        double mantissa = v / Math.pow(10, exponent);
        if (Math.abs(mantissa) >= 9.9995) {                               // rounding carried into the next decade
            mantissa /= 10;
            exponent++;
        }
        String power = "10" + superscript(exponent);
        BigDecimal m = new BigDecimal(mantissa).round(new MathContext(digits(a, spacing, 3))).stripTrailingZeros();
        if (m.compareTo(BigDecimal.ONE) == 0) return power;
        if (m.compareTo(BigDecimal.ONE.negate()) == 0) return "−" + power;
        return m.toPlainString().replace('-', '−') + "×" + power;
    }

    private static String grouped(long v) {
        String digits = Long.toString(Math.abs(v));
        if (digits.length() <= 4) return (v < 0 ? "−" : "") + digits;     // 1000-9999 read fine without a gap
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) sb.append(THIN_SPACE);
            sb.append(digits.charAt(i));
        }
        return (v < 0 ? "−" : "") + sb;
    }

    private static String superscript(int e) {
        StringBuilder sb = new StringBuilder(e < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(e)).toCharArray()) sb.append(SUPERSCRIPTS.charAt(c - '0'));
        return sb.toString();
    }

    /** Reads a label back (the axis editor uses it). */
    @Override
    public Number fromString(String s) {
        if (s == null || s.isBlank()) return 0;
        String t = s.strip().replace("\u2009", "").replace('−', '-').toLowerCase(Locale.ROOT);
        if (t.endsWith("m")) return Double.parseDouble(t.substring(0, t.length() - 1)) * 1e6;
        int times = t.indexOf("×10");
        int ten = times >= 0 ? times + 1 : (t.startsWith("10") && t.length() > 2 && !Character.isDigit(t.charAt(2)) ? 0 : -1);
        if (ten < 0) return Double.parseDouble(t);
        double mantissa = times >= 0 ? Double.parseDouble(t.substring(0, times)) : 1;
        String exp = t.substring(ten + 2);
        StringBuilder digits = new StringBuilder();
        for (char c : exp.toCharArray()) digits.append(c == '⁻' ? '-' : (char) ('0' + SUPERSCRIPTS.indexOf(c)));
        return mantissa * Math.pow(10, Integer.parseInt(digits.toString()));
    }
}
