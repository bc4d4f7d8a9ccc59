package org.eoslab.ui.chart;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.EditAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;

/** The one way charts are built here: robust axes, pan/zoom, axis editing, value tooltips, no animation. */
public final class Charts {
    private Charts() {}

    /** The tick spacing of a linear axis; a log axis's ticks are decades, not evenly spaced (NaN). */
    private static double linearSpacing(RobustNumericAxis axis) {
        return axis.isLogAxis() ? Double.NaN : axis.getTickUnit();
    }

    /** A scatter-capable chart (x not assumed sorted) without error bands, for the orbit and bifurcation views. */
    public static XYChart xy(String title, String xLabel, String yLabel, boolean logY) {
        XYChart chart = xy(title, xLabel, yLabel, logY, ErrorStyle.NONE);
        ((ErrorDataSetRenderer) chart.getRenderers().get(0)).setAssumeSortedData(false);   // scatter: x not monotone
        return chart;
    }

    /** A chart over the step axis; {@code errorStyle} ERRORSURFACE draws envelopes as bands. */
    public static XYChart xy(String title, String xLabel, String yLabel, boolean logY, ErrorStyle errorStyle) {
        RobustNumericAxis x = new RobustNumericAxis(xLabel, null);
        RobustNumericAxis y = new RobustNumericAxis(yLabel, null);
        x.setAutoRangeRounding(false);
        y.setAutoRangeRounding(false);
        x.setTickLabelFormatter(TickLabels.forAxis(() -> linearSpacing(x)));   // 5 000, 0.25, 10⁻¹⁶, not 5.00E3
        y.setTickLabelFormatter(TickLabels.forAxis(() -> linearSpacing(y)));
        x.setTickLabelSpacing(16);                                      // 0  5000  10 000, not 0 2500 5000 7500 … crowding
        y.setLogAxis(logY);
        y.setAutoRangePadding(0.05);
        x.setAutoRangePadding(0.02);
        XYChart chart = new DrawableChart(x, y);
        if (errorStyle == ErrorStyle.ERRORSURFACE) chart.getRenderers().setAll(new BandRenderer());   // filled, not hatched
        chart.setTitle(title);
        chart.getTitleLabel().setWrapText(true);                         // a long title takes two lines, not an ellipsis
        chart.getTitleLabel().setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        PlotLegend.overPlot(chart);
        chart.getPlugins().add(new Zoomer());
        chart.getPlugins().add(new EditAxis());
        chart.getPlugins().add(new DataPointTooltip());
        if (chart.getRenderers().get(0) instanceof ErrorDataSetRenderer r) {
            r.setErrorStyle(errorStyle);
            r.setDrawMarker(true);   // each data set's style decides (marker size 0 = line only)
        }
        return chart;
    }

    public static DoubleDataSet points(String name, int colour) {
        DoubleDataSet ds = new DoubleDataSet(name);
        ds.setStyle(Palette.dots(colour));
        return ds;
    }

    /** Replaces the points unless ChartFX still read-locks the set (see Series.writable); true if done. */
    public static boolean set(DoubleDataSet ds, double[] x, double[] y, int n) {
        if (!Series.writable(ds)) return false;
        ds.set(x, y, n, true);
        return true;
    }

    public static DoubleDataSet line(String name, String style) {
        DoubleDataSet ds = new DoubleDataSet(name);
        ds.setStyle(style);
        return ds;
    }
}
