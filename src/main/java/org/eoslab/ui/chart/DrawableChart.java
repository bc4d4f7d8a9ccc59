package org.eoslab.ui.chart;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * An XYChart that can be drawn at once. ChartFX 11.3 ranges its axes and draws its canvas in hooks run by the
 * window's pulse; a picture laid out again at 2× in a scene of its own has no pulse, so {@link #drawNow} runs the
 * same hooks around a layout pass.
 */
public final class DrawableChart extends XYChart {
    DrawableChart(Axis x, Axis y) {
        super(x, y);
    }

    /** Styles, lays out and draws {@code root}'s charts now, as a pulse would (twice: axes follow their new labels). */
    public static void drawNow(Parent root) {
        List<DrawableChart> charts = new ArrayList<>();
        collect(root, charts);
        for (int pass = 0; pass < 2; pass++) {
            charts.forEach(DrawableChart::runPreLayout);                  // a pulse's order: hooks, CSS, layout, hooks
            root.applyCss();
            root.layout();
            charts.forEach(DrawableChart::runPostLayout);
        }
    }

    private static void collect(Node node, List<DrawableChart> out) {
        if (node instanceof DrawableChart c) out.add(c);
        if (node instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) collect(child, out);
    }
}
