package org.eoslab.ui.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.eoslab.config.Parameters;
import org.eoslab.metrics.Columns;
import org.eoslab.metrics.Theory;
import org.eoslab.run.History;

/**
 * The six panels of the live view (issue 3): loss, sharpness, product singular values, layer singular
 * values, singular-vector alignment, balancedness. Rebuilt for each run's column layout.
 */
public final class PanelSet {
    /** Log panels draw values below this (including exact zeros) at this height. */
    public static final double LOG_FLOOR = 1e-20;

    public static final List<String> KEYS = List.of("loss", "sharpness", "product", "layers", "alignment", "balance");

    private final Map<String, ChartPanel> panels = new LinkedHashMap<>();
    private final ComboBox<Integer> layerChoice = new ComboBox<>();
    private final ReferenceLine predicted = new ReferenceLine("predicted L·σ₁*^(2−2/L)", Palette.dotted("#8C8C8C"));
    /** Panels are redrawn in this many interleaved groups, one group per frame. */
    static final int REDRAW_GROUPS = 3;
    private Columns columns;
    private History history;
    private long frame;

    public PanelSet() {
        panels.put("loss", new ChartPanel("loss", "Loss", "loss", true));
        panels.put("sharpness", new ChartPanel("sharpness", "Sharpness", "λ_max(∇²f)", false));
        panels.put("product", new ChartPanel("product", "Singular values of P = W_L⋯W_1", "σ_i(P)", false));
        panels.put("layers", new ChartPanel("layers", "Singular values of a layer", "σ_i(W_ℓ)", false));
        panels.put("alignment", new ChartPanel("alignment", "Singular vectors: alignment and motion", "angle [°] / distance", true));
        panels.put("balance", new ChartPanel("balance", "Balancedness (paper Fig. 4)", "max_ℓ |σ_i(W_L)² − σ_i(W_ℓ)²|", true));
        layerChoice.setId("layer-choice");
        layerChoice.valueProperty().addListener((obs, old, layer) -> {
            if (layer != null && columns != null && history != null) bindLayer(layer, history);
        });
        HBox header = new HBox(6, new Label("layer"), layerChoice);
        header.getStyleClass().add("panel-header");
        panels.get("layers").setTop(header);
    }

    public Map<String, ChartPanel> panels() { return panels; }

    public ChartPanel panel(String key) { return panels.get(key); }

    /** New series for a new run (its column layout may differ); the charts start empty. */
    public void rebuild(Columns c, Parameters p, double[] targetValues, History h) {
        this.columns = c;
        this.history = h;
        panels.values().forEach(ChartPanel::clearSeries);
        DoubleUnaryOperator floor = Series.floorAt(LOG_FLOOR);
        DoubleUnaryOperator same = v -> v;
        panels.get("loss").add(new EnvelopeSeries("loss", Columns.LOSS, floor, Palette.line(0)));

        // ChartFX paints the first data set last: reference lines first keeps them on top of the data
        ChartPanel sharp = panels.get("sharpness");
        sharp.add(new StepSeries("2/η", c.eta(), v -> 2.0 / v, Palette.dashed("#D55E00")));
        predicted.setValue(targetValues.length == 0 ? Double.NaN
                : Theory.predictedSharpness(targetValues[0], p.depth(), p.loss().scale(p.width())));
        sharp.add(predicted);
        sharp.add(new EnvelopeSeries("sharpness (Lanczos, every K steps)", Columns.SHARPNESS, same, Palette.dots(0), true));

        ChartPanel product = panels.get("product");
        for (int i = 1; i <= c.top(); i++) product.add(new EnvelopeSeries("σ" + subscript(i), c.sigma(i), same, Palette.line(i - 1)));

        ChartPanel layers = panels.get("layers");
        for (int j = 1; j <= c.top(); j++) layers.add(new EnvelopeSeries("σ" + subscript(j), -1, same, Palette.line(j - 1)));
        Integer keep = layerChoice.getValue();
        layerChoice.setItems(FXCollections.observableArrayList(java.util.stream.IntStream.rangeClosed(1, c.depth()).boxed().toList()));
        layerChoice.setValue(keep != null && keep <= c.depth() ? keep : c.depth());
        bindLayer(layerChoice.getValue(), null);   // fresh series: the frame loop reads the rows, on budget

        ChartPanel align = panels.get("alignment");
        align.add(new EnvelopeSeries("∠(U_r(P), U*) [°]", c.angleLeft(), floor, Palette.line(0)));
        align.add(new EnvelopeSeries("∠(V_r(P), V*) [°]", c.angleRight(), floor, Palette.line(1)));
        align.add(new EnvelopeSeries("mode mixing", c.modeMixing(), floor, Palette.line(3)));
        for (int l = 1; l <= c.depth(); l++) {
            align.add(new EnvelopeSeries("eq. 8 distance W" + subscript(l), c.subspaceDistance(l), floor, Palette.line(l + 3)));
        }

        ChartPanel balance = panels.get("balance");
        for (int i = 1; i <= c.rank(); i++) balance.add(new EnvelopeSeries("mode " + i, c.balanceGap(i), floor, Palette.line(i - 1)));
    }

    /** Points the layer panel at layer ℓ; with a history, re-reads the rows drawn so far (another layer chosen). */
    private void bindLayer(int layer, History rows) {
        List<Series> s = panels.get("layers").series();
        for (int j = 1; j <= s.size(); j++) s.get(j - 1).rebind(columns.layerSigma(layer, j), rows);
    }

    public ComboBox<Integer> layerChoice() { return layerChoice; }

    public void consume(History h, int from, int to) {
        for (ChartPanel p : panels.values()) p.consume(h, from, to);
    }

    /**
     * Redraws a third of the visible panels per frame, round-robin: each chart still updates ~20 times a
     * second at 60 fps, and a frame costs a third of the canvas repaints, which is what keeps software
     * rendering (no GPU) above 30 fps while the engine runs flat out.
     */
    public void flush(long lastStep) {
        flushStaggered(panels.values(), ++frame, lastStep);
    }

    /** Redraws the visible panels of group {@code frame} mod {@link #REDRAW_GROUPS} (round-robin). */
    public static void flushStaggered(Iterable<ChartPanel> panels, long frame, long lastStep) {
        int i = 0;
        for (ChartPanel p : panels) {
            if (p.isVisible() && (frame + i) % REDRAW_GROUPS == 0) p.flush(lastStep);
            i++;
        }
    }

    /** Redraws every visible panel now (e.g. before a screenshot). */
    public void flushAll(long lastStep) {
        for (ChartPanel p : panels.values()) if (p.isVisible()) p.flush(lastStep);
    }

    /** Line and marker scale of every panel (presentation mode). */
    public void setLineScale(double factor) {
        panels.values().forEach(p -> p.setLineScale(factor));
    }

    /** "₁₂" for 12. */
    public static String subscript(int n) {
        StringBuilder sb = new StringBuilder();
        for (char ch : Integer.toString(n).toCharArray()) sb.append((char) ('₀' + (ch - '0')));
        return sb.toString();
    }
}
