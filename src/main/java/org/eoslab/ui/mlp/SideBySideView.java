package org.eoslab.ui.mlp;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javafx.scene.layout.GridPane;
import org.eoslab.metrics.Columns;
import org.eoslab.metrics.Layout;
import org.eoslab.metrics.MlpColumns;
import org.eoslab.run.History;
import org.eoslab.run.LiveState;
import org.eoslab.run.MlpLiveState;
import org.eoslab.ui.chart.ChartPanel;
import org.eoslab.ui.chart.EnvelopeSeries;
import org.eoslab.ui.chart.HistoryFeed;
import org.eoslab.ui.chart.Palette;
import org.eoslab.ui.chart.PanelGrid;
import org.eoslab.ui.chart.PanelSet;
import org.eoslab.ui.chart.Series;

/**
 * Paper Fig. 1, live: the ReLU network's penultimate layer (top row) next to the linear network's last layer
 * (bottom row). Columns: the loss, the layer's singular values, and its step-to-step subspace distance
 * (eq. 8). In both the loss oscillates with the top singular values while the subspaces barely move.
 */
public final class SideBySideView extends GridPane {
    public static final List<String> KEYS = List.of("fig1-mlp-loss", "fig1-mlp-sigma", "fig1-mlp-distance",
            "fig1-dln-loss", "fig1-dln-sigma", "fig1-dln-distance");

    private final java.util.Map<String, ChartPanel> panels = new java.util.LinkedHashMap<>();
    private final HistoryFeed mlpFeed = new HistoryFeed();
    private final HistoryFeed linearFeed = new HistoryFeed();

    public SideBySideView() {
        setId("side-by-side");
        add("fig1-mlp-loss", "ReLU MLP: loss", "loss", true);
        add("fig1-mlp-sigma", "ReLU MLP: σ of layer L−1", "σᵢ(W_L−1)", false);
        add("fig1-mlp-distance", "ReLU MLP: subspace dist. (eq. 8)", "distance, W_L−1", true);
        add("fig1-dln-loss", "Linear: loss", "loss", true);
        add("fig1-dln-sigma", "Linear: σ of layer L", "σᵢ(W_L)", false);
        add("fig1-dln-distance", "Linear: subspace dist. (eq. 8)", "distance, W_L (0 at the floor)", true);
        PanelGrid.layout(this, List.copyOf(panels.values()), 3);
    }

    private void add(String key, String title, String yLabel, boolean log) {
        panels.put(key, new ChartPanel(key, title, yLabel, log));
    }

    public ChartPanel panel(String key) { return panels.get(key); }

    /** Follows the linear run: rebuilds its row on a new run, then reads new rows within the budget. */
    public void frameLinear(LiveState s, long budgetNanos) {
        if (linearFeed.follow(s.generation(), s.history())) {
            Columns c = s.history().columns(Columns.class);
            rebuildRow("dln", c, c.depth(), j -> c.layerSigma(c.depth(), j), c.top(), c.subspaceDistance(c.depth()), null);
        }
        linearFeed.catchUp(this::consumeLinear, budgetNanos);
        flushRow("dln", s.steps());
    }

    /** Follows the MLP run (null before it has started). */
    public void frameMlp(MlpLiveState s, long budgetNanos) {
        if (s == null || s.history() == null) return;
        if (mlpFeed.follow(s.generation(), s.history())) {
            MlpColumns c = s.history().columns(MlpColumns.class);
            int layer = c.depth() - 1;
            rebuildRow("mlp", c, layer, j -> c.top(layer, j), MlpColumns.K, c.subspaceDistance(layer), j -> c.bottom(layer, j));
        }
        mlpFeed.catchUp(this::consumeMlp, budgetNanos);
        flushRow("mlp", s.steps());
    }

    /**
     * One row: loss, the layer's top singular values (and bottom ones, dashed grey, when known), its eq. 8
     * distance.
     */
    private void rebuildRow(String model, Layout c, int layer, java.util.function.IntUnaryOperator top, int k,
                            int distance, java.util.function.IntUnaryOperator bottom) {
        DoubleUnaryOperator floor = Series.floorAt(PanelSet.LOG_FLOOR);
        DoubleUnaryOperator same = v -> v;
        ChartPanel loss = panels.get("fig1-" + model + "-loss");
        ChartPanel sigma = panels.get("fig1-" + model + "-sigma");
        ChartPanel dist = panels.get("fig1-" + model + "-distance");
        List.of(loss, sigma, dist).forEach(ChartPanel::clearSeries);
        loss.add(new EnvelopeSeries("loss", Layout.LOSS, floor, Palette.line(0)));
        for (int j = 1; j <= k; j++) sigma.add(new EnvelopeSeries("σ" + PanelSet.subscript(j), top.applyAsInt(j), same, Palette.line(j - 1)));
        if (bottom != null) {
            for (int j = 1; j <= k; j++) {
                sigma.add(new EnvelopeSeries("bottom σ" + PanelSet.subscript(j), bottom.applyAsInt(j), same, Palette.dashed(Palette.colour(6))));
            }
        }
        dist.add(new EnvelopeSeries("W" + PanelSet.subscript(layer), distance, floor, Palette.line(3)));
    }

    private void consumeLinear(History h, int from, int to) {
        consumeRow("dln", h, from, to);
    }

    private void consumeMlp(History h, int from, int to) {
        consumeRow("mlp", h, from, to);
    }

    private void consumeRow(String model, History h, int from, int to) {
        for (String part : List.of("loss", "sigma", "distance")) panels.get("fig1-" + model + "-" + part).consume(h, from, to);
    }

    private void flushRow(String model, long lastStep) {
        for (String part : List.of("loss", "sigma", "distance")) panels.get("fig1-" + model + "-" + part).flush(lastStep);
    }

    public void setLineScale(double factor) {
        panels.values().forEach(p -> p.setLineScale(factor));
    }
}
