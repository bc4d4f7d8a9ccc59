package org.eoslab.ui.orbit;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.eoslab.config.Parameters;
import org.eoslab.config.View;
import org.eoslab.metrics.Columns;
import org.eoslab.metrics.OrbitAnalysis;
import org.eoslab.metrics.ScalarMap;
import org.eoslab.metrics.Theory;
import org.eoslab.run.History;
import org.eoslab.run.LiveEngine;
import org.eoslab.run.LiveState;
import org.eoslab.ui.chart.Charts;
import org.eoslab.ui.chart.Palette;
import org.eoslab.ui.chart.PanelGrid;
import org.eoslab.ui.chart.PanelSet;
import org.eoslab.ui.view.LiveView;

/**
 * The period-2 orbit up close (paper Theorem 2, Fig. 5) for a chosen mode: its last N values split into even
 * and odd steps, the return maps σ(t+1)↔σ(t) and σ(t+2)↔σ(t), and the cobweb of the reduced scalar map at
 * the current η, where a 2-cycle shows as two crossings of the two-step map with the diagonal.
 */
public final class OrbitView extends BorderPane implements LiveView {
    /** Redraw every this many frames: the view shows a steady state, not every step. */
    static final int REFRESH_FRAMES = 6;
    static final int COBWEB_STEPS = 24;

    private final ComboBox<Integer> mode = new ComboBox<>();
    private final Label readout = new Label();
    private final Spinner<Integer> window = org.eoslab.ui.controls.SafeIntegers.spinner("last N steps", 16, 20_000, 256, 16,
            text -> { if (text != null) readout.setText(text); });
    private final XYChart envelope = Charts.xy("σᵢ over the last N steps", "step", "σᵢ", false);
    private final XYChart returnMap = Charts.xy("Return maps", "σᵢ(t)", "σᵢ(t+1), σᵢ(t+2)", false);
    private final XYChart cobweb = Charts.xy("Cobweb of the scalar map (math.md)", "σ", "g(σ), g(g(σ))", false);
    private final DoubleDataSet even = Charts.points("even steps", 0);
    private final DoubleDataSet odd = Charts.points("odd steps", 1);
    private final DoubleDataSet target = Charts.line("σᵢ* (balanced minimum)", Palette.dashed("#444444"));
    private final DoubleDataSet nextStep = Charts.points("(σ(t), σ(t+1))", 0);
    private final DoubleDataSet twoStep = Charts.points("(σ(t), σ(t+2))", 1);
    private final DoubleDataSet diagonal = Charts.line("diagonal", Palette.dashed("#888888"));
    private final DoubleDataSet mapOne = Charts.line("g: one step", Palette.line(0));
    private final DoubleDataSet mapTwo = Charts.line("g∘g: two steps", Palette.line(1));
    private final DoubleDataSet path = Charts.line("cobweb from the current σ", Palette.line(2));
    private final DoubleDataSet cobwebDiagonal = Charts.line("diagonal", Palette.dashed("#888888"));
    private final LiveEngine<Parameters> engine;
    private long frame;
    private double[] buffer = new double[0];
    private java.util.function.LongSupplier windowEnd = () -> -1;

    private final GridPane grid = new GridPane();

    public OrbitView(LiveEngine<Parameters> engine) {
        this.engine = engine;
        setId("orbit-view");
        mode.setId("orbit-mode");
        window.setId("orbit-window");
        readout.setId("orbit-readout");
        readout.getStyleClass().add("readout");
        readout.setWrapText(true);
        envelope.getDatasets().addAll(target, even, odd);
        returnMap.getDatasets().addAll(diagonal, nextStep, twoStep);
        cobweb.getDatasets().addAll(cobwebDiagonal, path, mapOne, mapTwo);
        ((io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer) cobweb.getRenderers().get(0)).setPointReduction(false);  // smooth curves
        HBox bar = new HBox(10, new Label("mode"), mode, new Label("last N steps"), window);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        mode.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.VBox top = new javafx.scene.layout.VBox(4, bar, readout);   // the readout on its own line:
        top.setPadding(new Insets(6, 10, 6, 10));                                       // long, and large in presentation mode
        setTop(top);
        PanelGrid.oneAndTwo(grid, envelope, returnMap, cobweb, true, 50);
        setCenter(grid);
    }

    /** The step the window ends at while the time scrubber is used (−1: the latest). */
    public void setWindowEnd(java.util.function.LongSupplier step) { windowEnd = step; }

    /** One past the window's last row: the scrubbed step's row, or the end of the history. */
    private int endRow(History h) {
        long t = windowEnd.getAsLong();
        if (t < 0 || h.size() == 0) return h.size();
        long first = (long) h.get(0, Columns.STEP);
        return (int) Math.max(0, Math.min(h.size(), t - first + 1));
    }

    @Override public View name() { return View.ORBIT; }

    @Override public String title() { return "Orbit zoom"; }

    @Override public javafx.scene.Node content() { return this; }

    /** The three charts, without the mode and window choosers and the readout. */
    @Override public javafx.scene.Node picture() { return grid; }

    /** While shown, redraws every few frames: the view shows a steady state, not every step. */
    @Override
    public void frame(long budgetNanos, boolean shown) {
        if (shown) update(engine.state());
    }

    private void update(LiveState<Parameters> s) {
        if (s.history() == null || frame++ % REFRESH_FRAMES != 0) return;
        int r = s.targetValues().length;
        if (mode.getItems().size() != r) {
            mode.setItems(FXCollections.observableArrayList(java.util.stream.IntStream.rangeClosed(1, r).boxed().toList()));
            mode.setValue(1);
        }
        Integer i = mode.getValue();
        if (i == null || i > r) return;
        History h = s.history();
        int end = endRow(h);
        int n = Math.min(window.getValue(), end);
        if (n < 4) return;
        if (buffer.length < n) buffer = new double[n];
        int column = Columns.of(s.parameters()).mode(i);
        h.column(column, end - n, end, buffer);
        for (int t = 0; t < n; t++) buffer[t] = Math.abs(buffer[t]);
        long firstStep = (long) h.get(end - n, Columns.STEP);
        double si = s.targetValues()[i - 1];
        drawEnvelope(n, firstStep, si);
        drawReturnMaps(n);
        if (s.diverged()) clearCobweb();                   // the map of a diverged run has nothing to show
        else drawCobweb(s.parameters(), si, buffer[n - 1]);
        describe(s, i, si, n);
        long t = windowEnd.getAsLong();
        if (t >= 0 && !s.diverged()) readout.setText(readout.getText() + " · the last N steps end at step " + t + " (time scrubber)");
    }

    private void drawEnvelope(int n, long firstStep, double si) {
        int half = (n + 1) / 2;
        double[] ex = new double[half], ey = new double[half], ox = new double[half], oy = new double[half];
        int ne = 0, no = 0;
        for (int t = 0; t < n; t++) {
            long step = firstStep + t;
            if (step % 2 == 0) { ex[ne] = step; ey[ne++] = buffer[t]; } else { ox[no] = step; oy[no++] = buffer[t]; }
        }
        Charts.set(even, ex, ey, ne);
        Charts.set(odd, ox, oy, no);
        Charts.set(target, new double[] {firstStep, firstStep + n - 1}, new double[] {si, si}, 2);
        envelope.invalidate();
    }

    private void drawReturnMaps(int n) {
        double[] x1 = new double[n - 1], y1 = new double[n - 1], x2 = new double[n - 2], y2 = new double[n - 2];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t + 1 < n; t++) { x1[t] = buffer[t]; y1[t] = buffer[t + 1]; }
        for (int t = 0; t + 2 < n; t++) { x2[t] = buffer[t]; y2[t] = buffer[t + 2]; }
        for (int t = 0; t < n; t++) { lo = Math.min(lo, buffer[t]); hi = Math.max(hi, buffer[t]); }
        Charts.set(nextStep, x1, y1, n - 1);
        Charts.set(twoStep, x2, y2, n - 2);
        double pad = Math.max(0.05 * (hi - lo), 1e-9 * Math.abs(hi));
        Charts.set(diagonal, new double[] {lo - pad, hi + pad}, new double[] {lo - pad, hi + pad}, 2);
        returnMap.invalidate();
    }

    private void drawCobweb(Parameters p, double si, double sigma) {
        ScalarMap g = new ScalarMap(si, p.depth(), p.eta(), p.lossScale());
        double hi = 1.6 * Math.max(si, sigma);
        int samples = 240;
        double[] x = new double[samples], one = new double[samples], two = new double[samples];
        for (int k = 0; k < samples; k++) {
            x[k] = hi * k / (samples - 1);
            one[k] = Math.min(g.next(x[k]), 4 * hi);
            two[k] = Math.min(g.twoStep(x[k]), 4 * hi);
        }
        Charts.set(mapOne, x, one, samples);
        Charts.set(mapTwo, x, two, samples);
        Charts.set(cobwebDiagonal, new double[] {0, hi}, new double[] {0, hi}, 2);
        double[] px = new double[2 * COBWEB_STEPS + 1], py = new double[2 * COBWEB_STEPS + 1];
        double v = sigma;
        px[0] = v;
        py[0] = v;
        int m = 1;
        for (int k = 0; k < COBWEB_STEPS && Double.isFinite(v) && v < 4 * hi; k++) {
            double next = g.next(v);
            px[m] = v; py[m++] = next;
            px[m] = next; py[m++] = next;
            v = next;
        }
        Charts.set(path, px, py, m);
        cobweb.invalidate();
    }

    private void clearCobweb() {
        for (DoubleDataSet ds : new DoubleDataSet[] {mapOne, mapTwo, path, cobwebDiagonal}) Charts.set(ds, new double[0], new double[0], 0);
        cobweb.invalidate();
    }

    private void describe(LiveState<Parameters> s, int i, double si, int n) {
        if (s.diverged()) {
            readout.setText("mode " + i + ": diverged at step " + s.divergedAt());
            return;
        }
        OrbitAnalysis orbit = OrbitAnalysis.of(buffer, n, 1e-8 * si);
        double onset = Theory.onsetLearningRate(si, s.parameters().depth(), s.parameters().lossScale());
        StringBuilder values = new StringBuilder();
        for (double v : orbit.values()) values.append(values.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.8g", v));
        readout.setText(String.format(Locale.ROOT, "σ%s: %s%s · amplitude %.8g · η%s = %.6g, η/η%s = %.4f",
                PanelSet.subscript(i), orbit.describePeriod(), values.length() > 0 ? " (" + values + ")" : "",
                orbit.amplitude(), PanelSet.subscript(i), onset, PanelSet.subscript(i), s.eta() / onset));
    }

    public String readoutText() { return readout.getText(); }
}
