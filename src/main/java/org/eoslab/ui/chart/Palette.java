package org.eoslab.ui.chart;

/**
 * Okabe-Ito colours, distinguishable with the common colour-vision deficiencies (black replaced by a grey
 * that reads on the light and the dark theme alike).
 */
public final class Palette {
    private static final String[] COLOURS = {
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C8C8C", "#F0E442"};
    private static final java.util.regex.Pattern SIZE =
            java.util.regex.Pattern.compile("(-fx-(?:line-width|marker-size):\\s*)([0-9.]+)");

    private Palette() {}

    public static String colour(int index) {
        return COLOURS[Math.floorMod(index, COLOURS.length)];
    }

    /** A solid line in the index-th colour. */
    public static String line(int index) {
        return "-fx-line-color: " + colour(index) + "; -fx-line-width: 1.6; -fx-marker-size: 0;";
    }

    /** Dots only: a quantity sampled every K steps, whose two orbit branches should stay apart. */
    public static String dots(int index) {
        return "-fx-line-width: 0; -fx-line-color: " + colour(index) + "; -fx-marker-size: 2.2; -fx-marker-type: circle; -fx-marker-color: "
                + colour(index) + ";";
    }

    /** The style with every line width and marker size multiplied by {@code factor} (presentation mode). */
    public static String scaled(String style, double factor) {
        java.util.regex.Matcher m = SIZE.matcher(style);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            double v = Double.parseDouble(m.group(2)) * factor;
            m.appendReplacement(out, m.group(1) + String.format(java.util.Locale.ROOT, "%.2f", v));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static String dashed(String colour) {
        return "-fx-line-color: " + colour + "; -fx-line-width: 1.6; -fx-line-dash-array: 8 5; -fx-marker-size: 0;";
    }

    public static String dotted(String colour) {
        return "-fx-line-color: " + colour + "; -fx-line-width: 1.8; -fx-line-dash-array: 2 4; -fx-marker-size: 0;";
    }
}
