package org.eoslab.ui.training;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.eoslab.config.Parameters;
import org.eoslab.config.View;
import org.eoslab.metrics.Columns;
import org.eoslab.run.History;
import org.eoslab.run.LiveEngine;
import org.eoslab.run.LiveState;
import org.eoslab.ui.chart.ChartPanel;
import org.eoslab.ui.chart.Charts;
import org.eoslab.ui.chart.EnvelopeSeries;
import org.eoslab.ui.chart.HistoryFeed;
import org.eoslab.ui.chart.Palette;
import org.eoslab.ui.chart.PanelGrid;
import org.eoslab.ui.chart.PanelSet;
import org.eoslab.ui.chart.Series;
import org.eoslab.ui.view.LiveView;

/**
 * Paper Fig. 4, live: a mode's phase plane (its value in the last layer, which starts at 0, against its value
 * in an inner layer, which starts at α) with the balanced line x = y, beside every mode's balancedness gap over
 * time. Below the onset the iterates approach a point off the line; at the edge of stability the 2-cycle sits
 * on it.
 */
public final class BalanceView implements LiveView {
    /** The phase plane shows at most this many iterates (evenly strided over the run). */
    static final int MAX_POINTS = 4000;
    /** Redraw the phase plane every this many frames. */
    static final int REFRESH_FRAMES = 6;

    private final LiveEngine<Parameters> engine;
    private final ComboBox<Integer> mode = new ComboBox<>();
    private final ComboBox<Integer> inner = new ComboBox<>();
    private final XYChart plane = Charts.xy("Phase plane of a mode (paper Fig. 4)", "inner layer: yᵢ", "last layer: xᵢ", false);
    private final DoubleDataSet iterates = Charts.points("GD iterates", 0);
    private final DoubleDataSet balanced = Charts.line("balanced: xᵢ = yᵢ", Palette.dashed("#444444"));
    private final ChartPanel gap = new ChartPanel("balance-gap", "Balancedness over time", "max_ℓ |σ_L² − σ_ℓ²|", true);
    private final HistoryFeed feed = new HistoryFeed();
    private final BorderPane content = new BorderPane();
    private final GridPane grid = new GridPane();
    private Columns columns;
    private long frame;

    public BalanceView(LiveEngine<Parameters> engine) {
        this.engine = engine;
        mode.setId("balance-mode");
        inner.setId("balance-inner-layer");
        plane.setId("balance-plane");
        plane.getDatasets().addAll(balanced, iterates);
        HBox bar = new HBox(10, new Label("mode"), mode, new Label("inner layer"), inner);
        bar.setPadding(new Insets(6, 10, 6, 10));
        content.setTop(bar);
        PanelGrid.layout(grid, java.util.List.of(plane, gap));
        content.setCenter(grid);
    }

    @Override public View name() { return View.BALANCE; }

    @Override public String title() { return "Balance (Fig. 4)"; }

    @Override public Node content() { return content; }

    /** The charts, without the mode and layer choosers. */
    @Override public Node picture() { return grid; }

    @Override public boolean caughtUp() { return feed.caughtUp(); }

    @Override
    public void frame(long budgetNanos, boolean shown) {
        if (!shown) return;
        LiveState<Parameters> s = engine.state();
        if (feed.follow(s.generation(), s.history())) rebuild(s.parameters());
        if (feed.history() == null) return;
        feed.catchUp(gap::consume, budgetNanos);
        gap.flush(s.steps());
        if (frame++ % REFRESH_FRAMES == 0) drawPlane(feed.history());
    }

    private void rebuild(Parameters p) {
        columns = Columns.of(p);
        gap.clearSeries();
        for (int i = 1; i <= columns.rank(); i++) {
            gap.add(new EnvelopeSeries("mode " + i, columns.balanceGap(i), Series.floorAt(PanelSet.LOG_FLOOR), Palette.line(i - 1)));
        }
        choose(mode, columns.rank(), 1);
        choose(inner, columns.depth() - 1, 1);
    }

    private static void choose(ComboBox<Integer> box, int n, int fallback) {
        Integer keep = box.getValue();
        box.setItems(FXCollections.observableArrayList(IntStream.rangeClosed(1, n).boxed().toList()));
        box.setValue(keep != null && keep <= n ? keep : fallback);
    }

    /** The iterates (yᵢ(t), xᵢ(t)), strided to at most {@link #MAX_POINTS}, and the balanced line through them. */
    private void drawPlane(History h) {
        int n = h.size();
        if (n == 0 || mode.getValue() == null || inner.getValue() == null) return;
        int xColumn = columns.layerMode(inner.getValue(), mode.getValue());
        int yColumn = columns.layerMode(columns.depth(), mode.getValue());
        int stride = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        int m = (n + stride - 1) / stride;
        double[] x = new double[m], y = new double[m];
        double hi = 0;
        for (int k = 0; k < m; k++) {
            int row = Math.min(n - 1, k * stride);
            x[k] = Math.abs(h.get(row, xColumn));
            y[k] = Math.abs(h.get(row, yColumn));
            if (Double.isFinite(x[k])) hi = Math.max(hi, Math.max(x[k], y[k]));
        }
        x[m - 1] = Math.abs(h.get(n - 1, xColumn));                      // always end on the latest step
        y[m - 1] = Math.abs(h.get(n - 1, yColumn));
        Charts.set(iterates, x, y, m);
        Charts.set(balanced, new double[] {0, 1.05 * hi}, new double[] {0, 1.05 * hi}, 2);
        plane.invalidate();
    }

    /** The iterates drawn now, as (inner, last) pairs (tests). */
    public double[][] points() {
        int m = iterates.getDataCount();
        double[][] out = new double[m][];
        for (int k = 0; k < m; k++) out[k] = new double[] {iterates.get(0, k), iterates.get(1, k)};
        return out;
    }

    @Override
    public void setLineScale(double factor) { gap.setLineScale(factor); }
}
