package org.eoslab.ui.chart;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The window's type sizes in px, in one table: the app's own, presentation mode's, and any multiple of either (a
 * picture exported at 2× or 3× is laid out again with every size multiplied, so its text stays sharp and keeps its
 * place). Applied as stylesheets after the app's, which sets colours and weights only: the app's own sizes for
 * every node, presentation mode's under a node with the class {@value #PRESENTING}.
 *
 * @param root controls and text
 * @param title a chart's title
 * @param axisLabel an axis' name
 * @param tickLabel an axis' numbers
 * @param legend a legend's entries
 * @param small the η slider's onset tags
 * @param heading a preset's title
 * @param chrome the menus, toolbars, tabs and status bar (kept small: at 1280×720 the toolbar's Play must still fit)
 */
public record TypeScale(double root, double title, double axisLabel, double tickLabel, double legend, double small, double heading,
                        double chrome) {
    public static final TypeScale NORMAL = new TypeScale(13, 16, 12, 10, 12, 10, 15, 13);
    /** The style class of the parts of the window shown in presentation mode. */
    public static final String PRESENTING = "presenting";
    /** Readable from the back of a lecture hall at 1280×720. */
    public static final TypeScale PRESENTATION = new TypeScale(19, 22, 18, 16, 16, 14, 22, 14);

    /** The window's stylesheets of type: the app's sizes, and presentation mode's under {@value #PRESENTING}. */
    public static java.util.List<String> windowStylesheets() {
        return windowStylesheets(1);
    }

    /** The same with every size times {@code factor} (a picture drawn at 2×: each part's text as on screen, twice). */
    public static java.util.List<String> windowStylesheets(double factor) {
        return java.util.List.of(NORMAL.times(factor).stylesheet(null), PRESENTATION.times(factor).stylesheet(PRESENTING));
    }

    /** Presentation mode's type on a part of the window, or not (the style class {@value #PRESENTING}). */
    public static void present(javafx.scene.Node part, boolean on) {
        if (part == null || part.getStyleClass().contains(PRESENTING) == on) return;
        if (on) part.getStyleClass().add(PRESENTING);
        else part.getStyleClass().remove(PRESENTING);
    }

    /** Every size times {@code factor}. */
    public TypeScale times(double factor) {
        return new TypeScale(root * factor, title * factor, axisLabel * factor, tickLabel * factor, legend * factor,
                small * factor, heading * factor, chrome * factor);
    }

    /**
     * The sizes as CSS rules, for every node or only in a subtree whose top has the style class {@code scope}:
     * presentation mode is a class on the shown tab and the toolbars, so switching it restyles those nodes only,
     * without loading a stylesheet (restyling the whole window's 3000 nodes took 2 s).
     */
    public String css(String scope) {
        String root = scope == null ? ".root" : "." + scope;
        String under = scope == null ? "" : "." + scope + " ";
        return String.format(Locale.ROOT, """
                %1$s { -fx-font-size: %3$.1fpx; }
                %2$s.chart .chart-title { -fx-font-size: %4$.1fpx; }
                %2$s.axis .axis-label { -fx-font-size: %5$.1fpx; }
                %2$s.axis .axis-tick-label { -fx-font-size: %6$.1fpx; }
                %2$s.chart .chart-legend .chart-legend-item { -fx-font-size: %7$.1fpx; }
                %2$s.onset-label { -fx-font-size: %8$.1fpx; }
                %2$s.preset-title { -fx-font-size: %9$.1fpx; }
                %2$s.menu-bar, %2$s.tool-bar, %2$s.tab-pane > .tab-header-area, %2$s.status-bar { -fx-font-size: %10$.1fpx; }
                """, root, under, this.root, title, axisLabel, tickLabel, legend, small, heading, chrome);
    }

    /** {@link #css} as a stylesheet URL a scene can add (a data: URL, no file). */
    public String stylesheet(String scope) {
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css(scope).getBytes(StandardCharsets.UTF_8));
    }
}
