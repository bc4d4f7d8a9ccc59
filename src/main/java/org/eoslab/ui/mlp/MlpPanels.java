package org.eoslab.ui.mlp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.eoslab.metrics.Layout;
import org.eoslab.metrics.MlpColumns;
import org.eoslab.run.History;
import org.eoslab.ui.chart.ChartPanel;
import org.eoslab.ui.chart.EnvelopeSeries;
import org.eoslab.ui.chart.Palette;
import org.eoslab.ui.chart.PanelSet;
import org.eoslab.ui.chart.Series;
import org.eoslab.ui.chart.StepSeries;

/**
 * The ReLU network's panels (paper section 4.2, Fig. 9): loss, sharpness against 2/η, accuracy, a layer's
 * top and bottom five singular values (the penultimate layer unless another is chosen) and every layer's
 * step-to-step subspace distance (eq. 8).
 */
public final class MlpPanels {
    public static final List<String> KEYS = List.of("mlp-loss", "mlp-sharpness", "mlp-layer", "mlp-distance", "mlp-accuracy");

    private final Map<String, ChartPanel> panels = new LinkedHashMap<>();
    private final ComboBox<Integer> layerChoice = new ComboBox<>();
    private MlpColumns columns;
    private History history;
    private long frame;

    public MlpPanels() {
        panels.put("mlp-loss", new ChartPanel("mlp-loss", "Loss (ReLU network)", "loss", true));
        panels.put("mlp-sharpness", new ChartPanel("mlp-sharpness", "Sharpness (ReLU network)", "λ_max(∇²f)", false));
        panels.put("mlp-layer", new ChartPanel("mlp-layer", "Layer singular values: top 5, bottom 5", "σᵢ(W_ℓ)", false));
        panels.put("mlp-distance", new ChartPanel("mlp-distance", "Subspace distance (eq. 8)", "K − ‖UₜᵀUₜ₊₁‖²", true));
        panels.put("mlp-accuracy", new ChartPanel("mlp-accuracy", "Training accuracy", "accuracy", false));
        layerChoice.setId("mlp-layer-choice");
        layerChoice.valueProperty().addListener((obs, old, layer) -> {
            if (layer != null && columns != null) bindLayer(layer, history);
        });
        HBox header = new HBox(6, new Label("layer"), layerChoice);
        header.getStyleClass().add("panel-header");
        panels.get("mlp-layer").setTop(header);
    }

    public Map<String, ChartPanel> panels() { return panels; }

    public ChartPanel panel(String key) { return panels.get(key); }

    public ComboBox<Integer> layerChoice() { return layerChoice; }

    /** Fresh series for a new run; the layer panel shows the penultimate layer unless one was chosen. */
    public void rebuild(MlpColumns c, History h) {
        columns = c;
        history = h;
        panels.values().forEach(ChartPanel::clearSeries);
        DoubleUnaryOperator floor = Series.floorAt(PanelSet.LOG_FLOOR);
        DoubleUnaryOperator same = v -> v;
        panels.get("mlp-loss").add(new EnvelopeSeries("loss", Layout.LOSS, floor, Palette.line(0)));
        ChartPanel sharp = panels.get("mlp-sharpness");
        sharp.add(new StepSeries("2/η", c.eta(), v -> 2.0 / v, Palette.dashed("#D55E00")));
        sharp.add(new EnvelopeSeries("sharpness (Lanczos, every K steps)", Layout.SHARPNESS, same, Palette.dots(0), true));
        panels.get("mlp-accuracy").add(new EnvelopeSeries("accuracy", MlpColumns.ACCURACY, same, Palette.line(2)));
        ChartPanel layer = panels.get("mlp-layer");
        for (int j = 1; j <= MlpColumns.K; j++) {
            layer.add(new EnvelopeSeries("top σ" + PanelSet.subscript(j), -1, same, Palette.line(j - 1)));
        }
        for (int j = 1; j <= MlpColumns.K; j++) {
            layer.add(new EnvelopeSeries("bottom σ" + PanelSet.subscript(j), -1, same, Palette.dashed(Palette.colour(6))));
        }
        ChartPanel distance = panels.get("mlp-distance");
        for (int l = 1; l <= c.depth(); l++) {
            distance.add(new EnvelopeSeries("W" + PanelSet.subscript(l), c.subspaceDistance(l), floor, Palette.line(l - 1)));
        }
        Integer keep = layerChoice.getValue();
        layerChoice.setItems(FXCollections.observableArrayList(IntStream.rangeClosed(1, c.depth()).boxed().toList()));
        layerChoice.setValue(keep != null && keep <= c.depth() ? keep : c.depth() - 1);
        bindLayer(layerChoice.getValue(), null);
    }

    private void bindLayer(int layer, History rows) {
        List<Series> s = panels.get("mlp-layer").series();
        for (int j = 1; j <= MlpColumns.K; j++) {
            s.get(j - 1).rebind(columns.top(layer, j), rows);
            s.get(MlpColumns.K + j - 1).rebind(columns.bottom(layer, j), rows);
        }
    }

    public void consume(History h, int from, int to) {
        for (ChartPanel p : panels.values()) p.consume(h, from, to);
    }

    /** Redraws the visible panels, a third of them per frame (as the linear view does). */
    public void flush(long lastStep) {
        PanelSet.flushStaggered(panels.values(), ++frame, lastStep);
    }

    public void flushAll(long lastStep) {
        for (ChartPanel p : panels.values()) p.flush(lastStep);
    }

    public void setLineScale(double factor) {
        panels.values().forEach(p -> p.setLineScale(factor));
    }
}
