package org.eoslab.ui.orbit;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.EditAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import org.eoslab.ui.chart.Palette;
import org.eoslab.ui.chart.RobustNumericAxis;

/** Small chart builders for the orbit and bifurcation views. */
final class Charts {
    private Charts() {}

    static XYChart xy(String title, String xLabel, String yLabel, boolean logY) {
        RobustNumericAxis x = new RobustNumericAxis(xLabel, null);
        RobustNumericAxis y = new RobustNumericAxis(yLabel, null);
        x.setAutoRangeRounding(false);
        y.setAutoRangeRounding(false);
        y.setLogAxis(logY);
        y.setAutoRangePadding(0.05);
        x.setAutoRangePadding(0.02);
        XYChart chart = new XYChart(x, y);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.getPlugins().add(new Zoomer());
        chart.getPlugins().add(new EditAxis());
        chart.getPlugins().add(new DataPointTooltip());
        if (chart.getRenderers().get(0) instanceof ErrorDataSetRenderer r) {
            r.setErrorStyle(ErrorStyle.NONE);
            r.setDrawMarker(true);
            r.setAssumeSortedData(false);   // scatter plots: x is not monotone
        }
        return chart;
    }

    static DoubleDataSet points(String name, int colour) {
        DoubleDataSet ds = new DoubleDataSet(name);
        ds.setStyle(Palette.dots(colour));
        return ds;
    }

    /** Replaces the points unless ChartFX still read-locks the set (see Series.writable); true if done. */
    static boolean set(DoubleDataSet ds, double[] x, double[] y, int n) {
        if (!org.eoslab.ui.chart.Series.writable(ds)) return false;
        ds.set(x, y, n, true);
        return true;
    }

    static DoubleDataSet line(String name, String style) {
        DoubleDataSet ds = new DoubleDataSet(name);
        ds.setStyle(style);
        return ds;
    }
}
