package org.eoslab.ui;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The window's type sizes in px, in one table: the app's own, presentation mode's, and any multiple of either (a
 * picture exported at 2× or 3× is laid out again with every size multiplied, so its text stays sharp and keeps its
 * place). Applied as a stylesheet after the app's, which sets colours and weights only.
 *
 * @param root controls and text
 * @param title a chart's title
 * @param axisLabel an axis' name
 * @param tickLabel an axis' numbers
 * @param legend a legend's entries
 * @param small the η slider's onset tags
 * @param heading a preset's title
 */
public record TypeScale(double root, double title, double axisLabel, double tickLabel, double legend, double small, double heading) {
    public static final TypeScale NORMAL = new TypeScale(13, 16, 12, 10, 12, 10, 15);
    /** Readable from the back of a lecture hall at 1280×720. */
    public static final TypeScale PRESENTATION = new TypeScale(19, 22, 18, 16, 16, 14, 22);

    /** Every size times {@code factor}. */
    public TypeScale times(double factor) {
        return new TypeScale(root * factor, title * factor, axisLabel * factor, tickLabel * factor, legend * factor,
                small * factor, heading * factor);
    }

    /** The sizes as CSS rules. */
    public String css() {
        return String.format(Locale.ROOT, """
                .root { -fx-font-size: %.1fpx; }
                .chart .chart-title { -fx-font-size: %.1fpx; }
                .axis .axis-label { -fx-font-size: %.1fpx; }
                .axis .axis-tick-label { -fx-font-size: %.1fpx; }
                .chart .chart-legend .chart-legend-item { -fx-font-size: %.1fpx; }
                .onset-label { -fx-font-size: %.1fpx; }
                .preset-title { -fx-font-size: %.1fpx; }
                """, root, title, axisLabel, tickLabel, legend, small, heading);
    }

    /** The sizes as a stylesheet URL a scene can add (a data: URL, no file). */
    public String stylesheet() {
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css().getBytes(StandardCharsets.UTF_8));
    }
}
