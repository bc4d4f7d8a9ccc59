package org.eoslab.ui.orbit;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.eoslab.config.Parameters;
import org.eoslab.config.View;
import org.eoslab.metrics.OrbitAnalysis;
import org.eoslab.metrics.Theory;
import org.eoslab.run.BifurcationSweep;
import org.eoslab.run.SweepDefaults;
import org.eoslab.run.LiveEngine;
import org.eoslab.run.Sweep;
import org.eoslab.ui.chart.Charts;
import org.eoslab.ui.chart.Palette;
import org.eoslab.ui.chart.PanelGrid;
import org.eoslab.ui.chart.PanelSet;
import org.eoslab.ui.view.LiveView;

/**
 * A live Feigenbaum diagram: η swept over a range, every mode run to steady state, its last values plotted
 * against η (or η/η₁), with each mode's onset η_i marked and the live run's η. The reduced recursion sweeps
 * hundreds of η values in a second; the dense engine verifies on fewer, drawn on top (they agree for the
 * identity init and differ for the others). Below: the range of oscillation, max − min per mode (Fig. 7).
 * Sweeps run on every core in the background, with progress and cancel. Zooming recomputes the visible range
 * at full resolution; a double-click sets η in the live run. The sweeping itself is {@link BifurcationSweep}'s.
 */
public final class BifurcationView extends BorderPane implements LiveView {
    private final LiveEngine<Parameters> live;
    private final Supplier<Parameters> parameters;
    private final DoubleConsumer setEta;
    private final TextField from = new TextField();
    private final TextField to = new TextField();
    private final TextField count = new TextField("600");
    private final ComboBox<BifurcationSweep.Engines> engine =
            new ComboBox<>(FXCollections.observableArrayList(BifurcationSweep.Engines.values()));
    private final CheckBox relative = new CheckBox("x in units of η₁");
    private final Button run = new Button("Sweep");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final XYChart diagram = Charts.xy("Bifurcation diagram: last " + SweepDefaults.KEEP + " values of each mode", "η", "σᵢ", false);
    private final XYChart range = Charts.xy("Range of oscillation, max − min (paper Fig. 7)", "η", "max − min", false);
    private final ChaosReadout chaos = new ChaosReadout();
    /** The diagram over the range of oscillation and the Lyapunov chart: shares of the height, never squeezed flat. */
    private final GridPane charts = new GridPane();
    private final XYChart lyapunov = chaos.chart();
    private final List<XValueIndicator> onsetMarks = new ArrayList<>();
    private final XValueIndicator liveEta;
    private final PauseTransition zoomDebounce = new PauseTransition(Duration.millis(500));
    /** A new problem is swept once it has been quiet this long (and the view is shown). */
    private final PauseTransition problemDebounce = new PauseTransition(Duration.millis(400));
    private Parameters swept;          // the problem of the last sweep started, or null
    private boolean onScreen;
    private BifurcationSweep sweep;
    private double eta1 = Double.NaN;
    private double[] shown = {Double.NaN, Double.NaN};
    private boolean drawing;
    /** The sweep under way recomputes a zoom: the diagram keeps the zoom's y range. */
    private boolean keepZoomedY;
    private boolean enginePicked;      // the engine follows the problem's init until the user opens its list

    /**
     * @param parameters the problem to sweep (the controls' current draft)
     * @param setEta sets η in the live run (double-click on the diagram)
     */
    public BifurcationView(LiveEngine<Parameters> live, Supplier<Parameters> parameters, DoubleConsumer setEta) {
        this.live = live;
        this.parameters = parameters;
        this.setEta = setEta;
        setId("bifurcation-view");
        from.setId("bif-from");
        to.setId("bif-to");
        count.setId("bif-count");
        engine.setId("bif-engine");
        run.setId("bif-run");
        cancel.setId("bif-cancel");
        progress.setId("bif-progress");
        status.setId("bif-status");
        engine.setValue(BifurcationSweep.Engines.REDUCED);
        engine.setOnShowing(e -> enginePicked = true);
        cancel.setDisable(true);
        from.setPrefColumnCount(8);
        to.setPrefColumnCount(8);
        count.setPrefColumnCount(5);
        run.setOnAction(e -> start(readRange()));            // a new range: every axis ranges itself again
        cancel.setOnAction(e -> cancel());
        relative.setOnAction(e -> redrawUnits());
        FlowPane bar = new FlowPane(8, 6, new Label("η from"), from, new Label("to"), to, new Label("points"), count,
                engine, relative, run, cancel, progress, status);
        bar.setPadding(new Insets(6, 10, 6, 10));
        setTop(new VBox(bar, chaos.doublings()));
        for (XYChart c : List.of(diagram, range, lyapunov)) c.setMinSize(0, 0);
        PanelGrid.oneAndTwo(charts, diagram, range, lyapunov, false, 56);
        setCenter(charts);
        liveEta = new XValueIndicator(diagram.getXAxis(), 0, "live η");
        diagram.getPlugins().add(liveEta);
        diagram.setId("bif-diagram");
        // a filter, not a handler: the Zoomer plugin consumes clicks before a handler would see them
        diagram.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getClickCount() == 2 && e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                double x = xAt(e.getSceneX(), e.getSceneY());
                if (Double.isFinite(x)) {
                    setEta.accept(toEta(x));
                    e.consume();
                }
            }
        });
        zoomDebounce.setOnFinished(e -> recomputeVisible());
        problemDebounce.setOnFinished(e -> { if (onScreen && stale()) start(readRange()); });
        diagram.getXAxis().maxProperty().addListener((obs, o, v) -> onAxisRange());
        diagram.getXAxis().minProperty().addListener((obs, o, v) -> onAxisRange());
    }

    /** Default range for a problem: from 0.85·η₁ through mode 1's cascade, and mode 2's onset if near. */
    public void resetRange(Parameters p) {
        eta1 = Theory.onsetLearningRate(p, 1);
        double[] range = SweepDefaults.bifurcationRange(p);
        from.setText(format(range[0]));
        to.setText(format(range[1]));
        drawOnsets(p);
        if (!enginePicked) engine.setValue(BifurcationSweep.Engines.defaultFor(p.init()));
        if (onScreen && stale()) problemDebounce.playFromStart();
    }

    /** True when the diagram does not show the current problem (never swept, or the problem changed). */
    private boolean stale() {
        return swept == null || !swept.sameProblemAs(parameters.get());
    }

    /** The diagram computes itself: on first show, and on return after the problem changed. */
    @Override
    public void onShown() {
        onScreen = true;
        if (stale() && !busy()) start(readRange());
    }

    private double[] readRange() {
        try {
            double a = Double.parseDouble(from.getText().trim());
            double b = Double.parseDouble(to.getText().trim());
            if (!(a > 0) || !(b > a) || !Double.isFinite(b)) throw new NumberFormatException();
            return new double[] {a, b};
        } catch (NumberFormatException e) {
            status.setText("η from/to: need 0 < from < to (finite numbers)");
            return null;
        }
    }

    private int readCount() {
        try {
            int n = Integer.parseInt(count.getText().trim());
            if (n < 2 || n > 20_000) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            status.setText("points: need an integer in [2, 20000]; using 600");
            return 600;
        }
    }

    /**
     * Starts a sweep of [a, b] in the background (cancelling one under way). The charts' y axes range themselves
     * on the result: a zoom's y range is for the sweep of that zoom only.
     */
    public void start(double[] bounds) {
        start(bounds, false);
    }

    private void start(double[] bounds, boolean zoomed) {
        if (bounds == null) return;
        cancel();
        keepZoomedY = zoomed;
        Parameters p = parameters.get();
        resetOnsets(p);
        BifurcationSweep next = new BifurcationSweep(p, bounds[0], bounds[1], readCount(), engine.getValue());
        swept = p;
        sweep = next;
        shown = bounds.clone();
        run.setDisable(true);
        cancel.setDisable(false);
        status.setText("sweeping…");
        next.result().whenComplete((r, error) -> javafx.application.Platform.runLater(() -> {
            if (sweep != next) return;                       // a newer sweep replaced this one
            if (error != null) {
                status.setText("sweep failed: " + error.getMessage());
                idle();
            } else {
                finished(r.reduced(), r.dense(), r.cancelled());
            }
        }));
    }

    public void cancel() {
        if (sweep != null) sweep.cancel();
    }

    /** True while a sweep is running. */
    public boolean busy() {
        return sweep != null && sweep.running();
    }

    private void idle() {
        run.setDisable(false);
        cancel.setDisable(true);
    }

    private void finished(List<Sweep.Point> reduced, List<Sweep.Point> dense, boolean stopped) {
        idle();
        lastReduced = reduced;
        lastDense = dense;
        redrawUnits();
        status.setText(BifurcationSweep.summary(reduced, dense, stopped, shown[0], shown[1]));
        progress.setProgress(stopped ? 0 : 1);
    }

    private List<Sweep.Point> lastReduced = List.of();
    private List<Sweep.Point> lastDense = List.of();

    /** Redraws the last sweep in the chosen x units. */
    private void redrawUnits() {
        drawing = true;
        diagram.getDatasets().clear();
        range.getDatasets().clear();
        int modes = !lastReduced.isEmpty() ? lastReduced.get(0).values().length
                : !lastDense.isEmpty() ? lastDense.get(0).values().length : 0;
        for (int i = 0; i < modes; i++) {
            if (!lastDense.isEmpty()) diagram.getDatasets().add(scatter(lastDense, i, "dense σ" + PanelSet.subscript(i + 1), "#000000", 3.0));
            if (!lastReduced.isEmpty()) diagram.getDatasets().add(scatter(lastReduced, i, "σ" + PanelSet.subscript(i + 1), Palette.colour(i), 1.2));
            List<Sweep.Point> source = lastReduced.isEmpty() ? lastDense : lastReduced;
            range.getDatasets().add(rangeLine(source, i));
        }
        chaos.draw(lastReduced, this::toUnits);
        String unit = relative.isSelected() ? "η / η₁" : "η";
        for (XYChart c : List.of(diagram, range, lyapunov)) {
            c.getXAxis().setName(unit);
            c.getXAxis().setAutoRanging(true);
            if (!keepZoomedY) c.getYAxis().setAutoRanging(true);
        }
        Parameters p = parameters.get();
        drawOnsets(p);
        diagram.invalidate();
        range.invalidate();
        lyapunov.invalidate();
        drawing = false;
    }

    private DoubleDataSet scatter(List<Sweep.Point> points, int mode, String name, String colour, double size) {
        int total = 0;
        for (Sweep.Point p : points) if (p.orbits()[mode].period() != OrbitAnalysis.DIVERGED) total += p.values()[mode].length;
        double[] x = new double[total];
        double[] y = new double[total];
        int k = 0;
        for (Sweep.Point p : points) {
            if (p.orbits()[mode].period() == OrbitAnalysis.DIVERGED) continue;
            double xv = toUnits(p.eta());
            for (double v : p.values()[mode]) { x[k] = xv; y[k++] = v; }
        }
        DoubleDataSet ds = new DoubleDataSet(name);
        ds.setStyle("-fx-line-width: 0; -fx-marker-type: circle; -fx-marker-size: " + size + "; -fx-marker-color: " + colour
                + "; -fx-line-color: " + colour + ";");
        ds.set(x, y, k, true);
        return ds;
    }

    private DoubleDataSet rangeLine(List<Sweep.Point> points, int mode) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        int k = 0;
        for (Sweep.Point p : points) {
            OrbitAnalysis a = p.orbits()[mode];
            if (a.period() == OrbitAnalysis.DIVERGED) continue;
            x[k] = toUnits(p.eta());
            y[k++] = a.amplitude();
        }
        DoubleDataSet ds = new DoubleDataSet("σ" + PanelSet.subscript(mode + 1));
        ds.setStyle(Palette.line(mode));
        ds.set(x, y, k, true);
        return ds;
    }

    public String doublingsText() { return chaos.doublings().getText(); }

    /** Lyapunov exponents drawn now, over every mode (tests). */
    public int lyapunovPointCount() { return chaos.pointCount(); }

    private void resetOnsets(Parameters p) {
        eta1 = Theory.onsetLearningRate(p, 1);
    }

    private void drawOnsets(Parameters p) {
        onsetMarks.forEach(m -> diagram.getPlugins().remove(m));
        onsetMarks.clear();
        resetOnsets(p);
        chaos.describe(p.depth(), eta1);
        for (int i = 1; i <= p.rank(); i++) {
            double onset = Theory.onsetLearningRate(p, i);
            XValueIndicator mark = new XValueIndicator(diagram.getXAxis(), toUnits(onset), "η" + PanelSet.subscript(i));
            mark.setEditable(false);
            onsetMarks.add(mark);
            diagram.getPlugins().add(mark);
        }
    }

    @Override public View name() { return View.BIFURCATION; }

    @Override public String title() { return "Bifurcation"; }

    @Override public javafx.scene.Node content() { return this; }

    /** Presentation mode: the doubling readout on one line (cut, whole in its tooltip), the charts get the height. */
    @Override
    public void setPresentation(boolean on) {
        chaos.doublings().setWrapText(!on);
        chaos.doublings().setTooltip(on ? new javafx.scene.control.Tooltip(chaos.doublings().getText()) : null);
    }

    /** The diagram, the range of oscillation and the Lyapunov chart, without the form. */
    @Override public javafx.scene.Node picture() { return charts; }

    /** Per frame: progress and the live η marker. */
    @Override
    public void frame(long budgetNanos, boolean shown) {
        onScreen = shown;
        if (busy()) {
            progress.setProgress(sweep.total() == 0 ? 0 : sweep.done() / (double) sweep.total());
            status.setText("sweeping… " + sweep.done() + "/" + sweep.total());
        }
        liveEta.setValue(toUnits(live.state().eta()));
    }

    /** A zoom (the x axis no longer ranges itself), also one made while a sweep runs: that sweep gives way to it. */
    private void onAxisRange() {
        Axis x = diagram.getXAxis();
        if (drawing || x.isAutoRanging()) return;
        zoomDebounce.playFromStart();
    }

    /** After a zoom: sweep the visible η range again, at full resolution (cancelling a sweep under way). */
    private void recomputeVisible() {
        Axis x = diagram.getXAxis();
        if (x.isAutoRanging()) return;
        double a = toEta(x.getMin());
        double b = toEta(x.getMax());
        if (!(a > 0) || !(b > a)) return;
        if (Math.abs(a - shown[0]) < 1e-3 * (b - a) && Math.abs(b - shown[1]) < 1e-3 * (b - a)) return;
        from.setText(format(a));
        to.setText(format(b));
        start(new double[] {a, b}, true);
    }

    private double xAt(double sceneX, double sceneY) {
        Point2D local = diagram.getCanvas().sceneToLocal(sceneX, sceneY);
        return diagram.getXAxis().getValueForDisplay(local.getX());
    }

    private double toUnits(double eta) {
        return relative.isSelected() && Double.isFinite(eta1) ? eta / eta1 : eta;
    }

    private double toEta(double x) {
        return relative.isSelected() && Double.isFinite(eta1) ? x * eta1 : x;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** Points drawn in the diagram now (tests). */
    public int pointCount() {
        int n = 0;
        for (var ds : diagram.getDatasets()) n += ds.getDataCount();
        return n;
    }

    public String statusText() { return status.getText(); }
}
