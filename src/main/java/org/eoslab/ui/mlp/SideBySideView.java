package org.eoslab.ui.mlp;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntUnaryOperator;
import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.Parameters;
import org.eoslab.config.View;
import org.eoslab.metrics.Columns;
import org.eoslab.metrics.Layout;
import org.eoslab.metrics.MlpColumns;
import org.eoslab.run.LiveState;
import org.eoslab.ui.chart.ChartPanel;
import org.eoslab.ui.chart.EnvelopeSeries;
import org.eoslab.ui.chart.HistoryFeed;
import org.eoslab.ui.chart.Palette;
import org.eoslab.ui.chart.PanelGrid;
import org.eoslab.ui.chart.PanelSet;
import org.eoslab.ui.chart.Series;
import org.eoslab.ui.view.LiveView;
import org.eoslab.ui.workbench.Workbench;

/**
 * Paper Fig. 1, live: the ReLU network's penultimate layer (top row) next to the linear network's last layer
 * (bottom row). Columns: the loss, the layer's singular values, and its step-to-step subspace distance
 * (eq. 8). In both the loss oscillates with the top singular values while the subspaces barely move.
 */
public final class SideBySideView implements LiveView {
    public static final List<String> KEYS = List.of("fig1-mlp-loss", "fig1-mlp-sigma", "fig1-mlp-drift", "fig1-mlp-motion",
            "fig1-mlp-distance", "fig1-dln-loss", "fig1-dln-sigma", "fig1-dln-drift", "fig1-dln-motion", "fig1-dln-distance");
    /** Panels in each network's row. */
    static final int PER_ROW = 5;

    /** One network's row: its panels and the feed that follows its run. */
    private static final class Row {
        final PanelSet panels = new PanelSet();
        final HistoryFeed feed = new HistoryFeed();
        /** Said in the distance's legend: the linear network's is exactly 0 (Theorem 1), drawn at the log floor. */
        final String distanceNote;

        Row(String model, String name, String layer, String distanceNote) {
            this.distanceNote = distanceNote;
            panels.add("fig1-" + model + "-loss", name + ": loss", "loss", true);
            panels.add("fig1-" + model + "-sigma", name + ": σ of W_" + layer, "σᵢ(W_" + layer + ")", false);
            panels.add("fig1-" + model + "-drift", name + ": σ(t) − σ(0)", "σᵢ(t) − σᵢ(0)", false);
            panels.add("fig1-" + model + "-motion", name + ": |Δσ| per step", "Σ |σᵢ(t) − σᵢ(t−1)|", true);
            panels.add("fig1-" + model + "-distance", name + ": eq. 8 distance", "distance, W_" + layer, true);
        }

        /**
         * Loss; the layer's top singular values (and bottom ones, dashed grey, when given) as they are, as moved since
         * step 0 and as motion per step (the MLP tab's quantities, for both networks); its eq. 8 distance.
         */
        void rebuild(int layer, IntUnaryOperator top, int k, int distance, IntUnaryOperator bottom) {
            List<ChartPanel> p = List.copyOf(panels.all());
            panels.clearSeries();
            DoubleUnaryOperator floor = Series.floorAt(PanelSet.LOG_FLOOR);
            DoubleUnaryOperator same = v -> v;
            p.get(0).add(new EnvelopeSeries("loss", Layout.LOSS, floor, Palette.line(0)));
            for (int j = 1; j <= k; j++) {
                p.get(1).add(new EnvelopeSeries("σ" + PanelSet.subscript(j), top.applyAsInt(j), same, Palette.line(j - 1)));
                p.get(2).add(new EnvelopeSeries("σ" + PanelSet.subscript(j), top.applyAsInt(j), EnvelopeSeries.SINCE_START, same,
                        Palette.line(j - 1), false));
            }
            for (int j = 1; bottom != null && j <= k; j++) {
                String grey = Palette.dashed(Palette.colour(6));
                p.get(1).add(new EnvelopeSeries("bottom σ" + PanelSet.subscript(j), bottom.applyAsInt(j), same, grey));
                p.get(2).add(new EnvelopeSeries("bottom σ" + PanelSet.subscript(j), bottom.applyAsInt(j), EnvelopeSeries.SINCE_START,
                        same, grey, false));
            }
            p.get(3).add(new EnvelopeSeries("top " + k, top.applyAsInt(1), EnvelopeSeries.stepMotion(k), floor, Palette.line(0), false));
            if (bottom != null) {
                p.get(3).add(new EnvelopeSeries("bottom " + k, bottom.applyAsInt(1), EnvelopeSeries.stepMotion(k), floor,
                        Palette.dashed(Palette.colour(6)), false));
            }
            p.get(4).add(new EnvelopeSeries("W" + PanelSet.subscript(layer) + distanceNote, distance, floor, Palette.line(3)));
        }

        void follow(long steps, long budgetNanos) {
            feed.catchUp(panels::consume, budgetNanos);
            for (ChartPanel p : panels.all()) p.flush(steps);
        }
    }

    private final GridPane grid = new GridPane();
    private final Workbench<Parameters> linear;
    private final Workbench<MlpParameters> relu;
    private final Row mlpRow = new Row("mlp", "ReLU MLP", "L−1", "");
    private final Row linearRow = new Row("dln", "Linear", "L", " (0: at the floor)");

    public SideBySideView(Workbench<Parameters> linear, Workbench<MlpParameters> relu) {
        this.linear = linear;
        this.relu = relu;
        grid.setId("side-by-side");
        PanelGrid.layout(grid, List.of(mlpRow.panels.all(), linearRow.panels.all()).stream()
                .flatMap(java.util.Collection::stream).toList(), PER_ROW);
    }

    @Override public View name() { return View.FIG1; }

    @Override public String title() { return "Side by side (Fig. 1)"; }

    @Override public Node content() { return grid; }

    /** Showing this view starts the ReLU network. */
    @Override public void onShown() { relu.engine(); }

    public ChartPanel panel(String key) {
        ChartPanel p = mlpRow.panels.panel(key);
        return p != null ? p : linearRow.panels.panel(key);
    }

    /** While shown: follows both runs, rebuilding a row when its run is new. */
    @Override
    public void frame(long budgetNanos, boolean shown) {
        if (!shown) return;
        LiveState<Parameters> s = linear.engine().state();
        if (linearRow.feed.follow(s.generation(), s.history())) {
            Columns c = Columns.of(s.parameters());
            linearRow.rebuild(c.depth(), j -> c.layerSigma(c.depth(), j), c.top(), c.subspaceDistance(c.depth()), null);
        }
        linearRow.follow(s.steps(), budgetNanos);
        LiveState<MlpParameters> m = relu.state();
        if (m == null || m.history() == null) return;
        if (mlpRow.feed.follow(m.generation(), m.history())) {
            MlpColumns c = MlpColumns.of(m.parameters());
            int layer = c.depth() - 1;
            mlpRow.rebuild(layer, j -> c.top(layer, j), MlpColumns.K, c.subspaceDistance(layer), j -> c.bottom(layer, j));
        }
        mlpRow.follow(m.steps(), budgetNanos);
    }

    @Override public boolean caughtUp() { return linearRow.feed.caughtUp() && mlpRow.feed.caughtUp(); }

    @Override
    public void setLineScale(double factor) {
        mlpRow.panels.setLineScale(factor);
        linearRow.panels.setLineScale(factor);
    }
}
