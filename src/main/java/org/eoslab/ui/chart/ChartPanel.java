package org.eoslab.ui.chart;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.BorderPane;
import org.eoslab.run.History;

/**
 * One chart of the live view: pan (drag with the middle button) and zoom (drag a box, scroll; right-click or
 * the toolbar resets), axis editing, and a tooltip with the exact values at the hovered point. Series are
 * fed from the history and flushed once per frame.
 */
public class ChartPanel extends BorderPane {
    private final String key;
    private final XYChart chart;
    private final DefaultNumericAxis xAxis;
    private final DefaultNumericAxis yAxis;
    private final List<Series> series = new ArrayList<>();
    private final List<Series> overlays = new ArrayList<>();
    private final List<ReferenceLine> references = new ArrayList<>();
    /** Frames to keep redrawing after the data last changed. */
    private static final int SETTLE_FRAMES = 3;
    private final java.util.Map<io.fair_acc.dataset.DataSet, String> baseStyles = new java.util.IdentityHashMap<>();
    private double lineScale = 1;
    private int settleFrames;

    public ChartPanel(String key, String title, String yLabel, boolean logY) {
        this.key = key;
        this.chart = Charts.xy(title, "step", yLabel, logY, ErrorStyle.ERRORSURFACE);   // envelopes as bands
        this.xAxis = (DefaultNumericAxis) chart.getXAxis();
        this.yAxis = (DefaultNumericAxis) chart.getYAxis();
        getStyleClass().add("chart-panel");
        setId("panel-" + key);
        setCenter(chart);
    }

    public String key() { return key; }

    /** A line under the chart saying why it is empty or what to do (null: none). */
    public void setNote(String text) {
        if (text == null) {
            if (getBottom() != null) setBottom(null);
            return;
        }
        if (getBottom() instanceof javafx.scene.control.Label l && text.equals(l.getText())) return;
        javafx.scene.control.Label note = new javafx.scene.control.Label(text);
        note.getStyleClass().add("panel-note");
        note.setId("note-" + key);
        note.setWrapText(true);
        setBottom(note);
    }

    public XYChart chart() { return chart; }


    public void add(Series s) {
        series.add(s);
        register(s.dataSet());
    }

    /**
     * A series fed from another run's rows (the central flow beside GD): drawn and flushed with the panel's own,
     * but never fed the panel's history; {@link #clearOverlays()} takes them away again.
     */
    public void addOverlay(Series s) {
        overlays.add(s);
        register(s.dataSet());
    }

    /** Removes every overlay series. */
    public void clearOverlays() {
        for (Series s : overlays) {
            chart.getDatasets().remove(s.dataSet());
            baseStyles.remove(s.dataSet());
        }
        overlays.clear();
    }

    public void add(ReferenceLine line) {
        references.add(line);
        register(line.dataSet(), line.style());
    }

    private void register(io.fair_acc.dataset.DataSet ds) {
        register(ds, ds.getStyle());
    }

    /**
     * Registers with the unscaled style: a reference line outlives a rebuild, so its data set comes back with a
     * scaled style, and scaling that again compounded its width (×2.2 per rebuild in presentation mode).
     */
    private void register(io.fair_acc.dataset.DataSet ds, String base) {
        ds.setStyle(base);
        baseStyles.put(ds, base);
        if (lineScale != 1) ds.setStyle(Palette.scaled(ds.getStyle(), lineScale));
        chart.getDatasets().add(ds);
    }

    /** Thicker lines and larger markers (presentation mode): every data set's style scaled from its base. */
    public void setLineScale(double factor) {
        lineScale = factor;
        baseStyles.forEach((ds, style) -> {
            if (style != null) ds.setStyle(Palette.scaled(style, factor));
        });
        chart.invalidate();
    }

    public double lineScale() { return lineScale; }

    public List<Series> series() { return series; }

    public void clearSeries() {
        chart.getDatasets().clear();
        baseStyles.clear();
        series.clear();
        overlays.clear();
        references.clear();
        for (io.fair_acc.dataset.DataSet entry : pinLegend) register(entry);    // pins outlive a new run
    }

    private io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer ghostRenderer;
    private final List<io.fair_acc.dataset.DataSet> pinLegend = new ArrayList<>();

    /**
     * Pinned runs as faded ghosts: {@code lines} drawn by a renderer of their own (kept out of the legend), and
     * one legend entry per pin naming it. Replaces the previous ghosts; empty lists remove them.
     */
    public void setGhosts(List<io.fair_acc.dataset.DataSet> lines, List<io.fair_acc.dataset.DataSet> legend) {
        if (ghostRenderer == null) {
            ghostRenderer = new io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer();
            ghostRenderer.setShowInLegend(false);
            ghostRenderer.setErrorStyle(io.fair_acc.chartfx.renderer.ErrorStyle.NONE);
            ghostRenderer.setPointReduction(false);
            chart.getRenderers().add(ghostRenderer);
        }
        ghostRenderer.getDatasets().setAll(lines);
        chart.getDatasets().removeAll(pinLegend);
        pinLegend.forEach(baseStyles::remove);
        pinLegend.clear();
        pinLegend.addAll(legend);
        for (io.fair_acc.dataset.DataSet entry : legend) register(entry);
        chart.invalidate();
    }

    private io.fair_acc.chartfx.plugins.XValueIndicator cursor;

    /** A vertical cursor at step {@code x} (the time scrubber); NaN removes it. */
    public void setCursor(double x) {
        if (Double.isNaN(x)) {
            if (cursor != null) chart.getPlugins().remove(cursor);
            cursor = null;
            return;
        }
        if (cursor == null) {
            cursor = new io.fair_acc.chartfx.plugins.XValueIndicator(xAxis, x, "t");
            cursor.setEditable(false);
            chart.getPlugins().add(cursor);
        } else if (cursor.getValue() != x) {
            cursor.setValue(x);
        }
    }

    /** The cursor's step, or NaN (tests). */
    public double cursorStep() { return cursor == null ? Double.NaN : cursor.getValue(); }

    /** Ghost lines drawn now (tests). */
    public int ghostCount() { return ghostRenderer == null ? 0 : ghostRenderer.getDatasets().size(); }

    public void consume(History h, int from, int to) {
        for (Series s : series) s.consume(h, from, to);
    }

    /**
     * Pushes this frame's data to the chart and invalidates it explicitly for a few frames after each change:
     * with data sets updated every pulse, ChartFX 11.3 can miss their dirty bits and stop auto-ranging, so
     * the axes freeze short of the data (measured: x-axis stuck at 2179 of 3000 steps; cf. fair-acc/chart-fx
     * #533, #259). {@code requestLayout()} does not help: ChartFX decouples it from its dirty bits.
     */
    public void flush(long lastStep) {
        boolean changed = false;
        for (Series s : series) changed |= s.flush();
        for (Series s : overlays) changed |= s.flush();
        for (ReferenceLine r : references) changed |= r.flush(lastStep);
        if (changed) settleFrames = SETTLE_FRAMES;
        if (settleFrames > 0) {
            settleFrames--;
            chart.invalidate();   // not requestLayout(): ChartFX 11.3 decouples that from its dirty bits
        }
    }

    /** Points drawn now, over all series (for tests and the status of an empty chart). */
    public int pointCount() {
        int n = 0;
        for (Series s : series) n += s.pointCount();
        return n;
    }
}
