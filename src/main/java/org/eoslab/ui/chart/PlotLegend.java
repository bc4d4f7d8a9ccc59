package org.eoslab.ui.chart;

import io.fair_acc.chartfx.XYChart;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * A chart's legend inside its plot area, in the top-right corner over the data, instead of in a band of its own:
 * however long or many its labels, the plot and the axes keep their space (a pin's label once took every panel's
 * y axis). Each entry is cut with an ellipsis at a share of the plot's width, and the legend at a share of its
 * height; the whole legend lets the mouse through to the zoom and the tooltips.
 */
final class PlotLegend {
    /** Share of the plot area the legend may cover, in width and in height. */
    static final double MAX_SHARE = 0.6;
    private static final double INSET = 6;

    private PlotLegend() {}

    static void overPlot(XYChart chart) {
        Region legend = (Region) chart.getLegend().getNode();
        chart.getTitleLegendPane().getChildren().remove(legend);
        Pane plot = chart.getPlotForeground();
        plot.getChildren().add(legend);
        legend.getStyleClass().add("plot-legend");
        legend.setMouseTransparent(true);
        legend.setManaged(false);
        Rectangle clip = new Rectangle();
        legend.setClip(clip);
        Runnable place = () -> {
            double w = Math.min(legend.prefWidth(-1), MAX_SHARE * plot.getWidth());
            for (Node item : legend.getChildrenUnmodifiable()) {
                if (item instanceof Region r) r.setMaxWidth(w - legend.snappedLeftInset() - legend.snappedRightInset());
            }
            double h = Math.min(legend.prefHeight(w), MAX_SHARE * plot.getHeight());
            legend.resizeRelocate(Math.max(0, plot.getWidth() - w - INSET), INSET, w, h);
            clip.setWidth(w);
            clip.setHeight(h);
        };
        plot.widthProperty().addListener((obs, o, v) -> place.run());
        plot.heightProperty().addListener((obs, o, v) -> place.run());
        legend.needsLayoutProperty().addListener((obs, o, v) -> place.run());
    }
}
