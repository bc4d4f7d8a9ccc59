package org.eoslab.ui.controls;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import org.eoslab.ui.chart.PanelSet;

/**
 * The learning-rate slider: a tick at each mode's onset η_i labelled "σᵢ oscillates", a log-scale switch,
 * and a readout of how many modes theory puts past their onset versus how many oscillate now.
 */
public final class EtaSlider extends NumberSlider {
    private final Pane ticks = new Pane();
    private final Label readout = new Label();
    private final CheckBox logScale = new CheckBox("log scale");
    private double[] onsets = new double[0];
    private final List<Label> tickLabels = new ArrayList<>();

    public EtaSlider(double min, double max, double initial) {
        super("learning rate η", "eta", min, max, initial, true, false);
        forField(org.eoslab.config.Fields.ETA.key());
        ticks.setId("eta-ticks");
        ticks.setPrefHeight(34);
        ticks.setMinHeight(34);
        readout.setId("eta-readout");
        readout.getStyleClass().add("readout");
        readout.setWrapText(true);
        logScale.setId("eta-log");
        logScale.setSelected(true);
        logScale.selectedProperty().addListener((obs, was, on) -> { setLog(on); layoutTicks(); });
        getChildren().add(2, ticks);
        getChildren().addAll(logScale, readout);
        widthProperty().addListener((obs, o, n) -> layoutTicks());
        slider().widthProperty().addListener((obs, o, n) -> layoutTicks());
    }

    /** Onset learning rates η_i (ascending in i's target order, i.e. σ₁'s first). */
    public void setOnsets(double[] etas) {
        onsets = etas.clone();
        layoutTicks();
    }

    public double[] onsets() { return onsets.clone(); }


    /** theoryCount: modes with η_i &lt; η; now: what the run does now ("now oscillating: 1", "diverged at step 4"). */
    public void setReadout(int theoryCount, String now, int rank) {
        readout.setText("theory: " + theoryCount + " of " + rank + " modes past onset  ·  " + now);
    }

    public Label readout() { return readout; }

    /** Ticks at each onset; labels go to the first row where they do not overlap a neighbour. */
    void layoutTicks() {
        ticks.getChildren().clear();
        tickLabels.clear();
        List<Double> rowEnds = new ArrayList<>();
        for (int i = 0; i < onsets.length; i++) {
            double x = trackX(onsets[i]) - ticks.getLayoutX();
            if (Double.isNaN(x) || onsets[i] < min() || onsets[i] > max()) continue;
            Line tick = new Line(x, 0, x, 6);
            tick.getStyleClass().add("onset-tick");
            Label label = new Label("σ" + PanelSet.subscript(i + 1) + " oscillates");
            label.getStyleClass().add("onset-label");
            label.setId("onset-" + (i + 1));
            javafx.scene.control.Tooltip.install(label, new javafx.scene.control.Tooltip(
                    String.format(java.util.Locale.ROOT, "mode %d oscillates above η%s = %.5g", i + 1, PanelSet.subscript(i + 1), onsets[i])));
            double width = new javafx.scene.text.Text(label.getText()).getLayoutBounds().getWidth() * 0.85 + 6;
            double left = x - 3;
            int row = 0;
            while (row < rowEnds.size() && rowEnds.get(row) > left) row++;
            if (row == rowEnds.size()) rowEnds.add(0.0);
            rowEnds.set(row, left + width);
            label.setLayoutX(left);
            label.setLayoutY(6 + row * 12);
            tickLabels.add(label);
            ticks.getChildren().addAll(tick, label);
        }
        ticks.setPrefHeight(10 + 12 * Math.max(1, rowEnds.size()));
        ticks.setMinHeight(ticks.getPrefHeight());
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (tickLabels.size() != countVisibleOnsets()) layoutTicks();
    }

    private int countVisibleOnsets() {
        int n = 0;
        for (double o : onsets) if (o >= min() && o <= max()) n++;
        return n;
    }
}
