package org.eoslab.ui.landscape;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import org.eoslab.config.View;
import org.eoslab.metrics.Landscape;
import org.eoslab.run.LiveEngine;
import org.eoslab.ui.chart.Charts;
import org.eoslab.ui.chart.Palette;
import org.eoslab.ui.chart.PanelGrid;
import org.eoslab.ui.view.LiveView;
import org.eoslab.ui.workbench.Workbench;

/**
 * Why GD oscillates (issue 26): the loss along the top Hessian eigenvector through the iterate, with the last
 * iterates on it, beside the quadratic of curvature S = λ_max and the widest one GD descends at this η (curvature
 * 2/η); and the loss over the plane of u₁ and the gradient. Measured on the engine thread between steps while the tab
 * is shown, at most every {@link #REFRESH_MILLIS} and at most {@link #ENGINE_SHARE} of the engine's time (a d = 100
 * refresh takes tens of milliseconds), so the run keeps its speed. One tab per network: the ReLU network's refresh is a
 * forward pass over all the data per point (fewer points), so it comes less often.
 */
public final class LandscapeView implements LiveView {
    static final long REFRESH_MILLIS = 250;
    /** The share of the engine thread's time the refreshes may take. */
    static final double ENGINE_SHARE = 0.05;
    static final int POINTS = 201;
    static final int GRID = 61;

    private final Workbench<?> bench;
    private final View name;
    private final String title;
    private final java.util.function.Supplier<Node> side;
    private final XYChart slice = Charts.xy("Loss along u₁, the top Hessian eigenvector", "position along u₁: ⟨w − w̄, u₁⟩",
            "loss", false);
    private final DoubleDataSet curve = Charts.line("loss f(w + s·u₁)", Palette.line(0));
    private final DoubleDataSet sharpQuadratic = Charts.line("quadratic, curvature S = λ_max", Palette.dashed("#d62728"));
    private final DoubleDataSet stableQuadratic = Charts.line("quadratic, curvature 2/η", Palette.dashed("#2ca02c"));
    private final DoubleDataSet iterates = Charts.line("last " + org.eoslab.metrics.LandscapeProbe.RECENT + " iterates",
            Palette.scaled(Palette.dots(1), 3));
    private final PlaneHeatmap plane = new PlaneHeatmap();
    private final Label readout = new Label("Measuring the landscape at the latest step…");
    private final BorderPane content = new BorderPane();
    private final GridPane grid = new GridPane();
    private CompletableFuture<Optional<Landscape>> pending;
    private long requestedAt;
    private int requestedGeneration;
    private long requestedStep;
    private int answeredGeneration = -1;
    private long answeredStep = -1;
    private volatile Landscape latest;

    /**
     * @param bench the network's workbench (its engine starts when the tab is first shown)
     * @param side  the controls beside the tab, or null for the window's own (the linear network's)
     */
    public LandscapeView(Workbench<?> bench, View name, String title, java.util.function.Supplier<Node> side) {
        this.bench = bench;
        this.name = name;
        this.title = title;
        this.side = side;
        slice.setId("landscape-slice");
        slice.getDatasets().addAll(curve, sharpQuadratic, stableQuadratic, iterates);
        readout.setId("landscape-readout");
        readout.getStyleClass().add("readout");
        readout.setWrapText(true);
        readout.setPadding(new Insets(6, 10, 6, 10));
        PanelGrid.layout(grid, java.util.List.of(slice, plane));
        content.setCenter(grid);
        content.setBottom(readout);
    }

    @Override public View name() { return name; }

    @Override public String title() { return title; }

    @Override public Node sideControls() { return side == null ? null : side.get(); }

    @Override public void onShown() { bench.engine(); }

    @Override public Node content() { return content; }

    @Override public Node picture() { return grid; }

    /** Measured at the run's latest step (a picture of a finished run waits for it). */
    @Override
    public boolean caughtUp() {
        if (!bench.started()) return false;
        LiveEngine<?> engine = bench.engine();
        return answeredGeneration == engine.state().generation() && answeredStep == engine.state().steps();
    }

    @Override
    public void frame(long budgetNanos, boolean shown) {
        if (pending != null && pending.isDone()) take();
        if (!shown) return;
        LiveEngine<?> engine = bench.engine();                       // shown: the network's engine runs
        int generation = engine.state().generation();
        boolean stale = pending != null && generation != requestedGeneration;
        long now = System.nanoTime();
        long interval = Math.max(REFRESH_MILLIS * 1_000_000, latest == null ? 0 : (long) (latest.nanos() / ENGINE_SHARE));
        if ((pending == null || stale) && (now - requestedAt >= interval || stale)) {
            requestedAt = now;
            requestedGeneration = generation;
            requestedStep = engine.state().steps();
            pending = engine.measureLandscape(POINTS, GRID);
        }
    }

    private void take() {
        CompletableFuture<Optional<Landscape>> done = pending;
        pending = null;
        answeredGeneration = requestedGeneration;
        answeredStep = requestedStep;
        if (done.isCompletedExceptionally()) {
            readout.setText("The landscape could not be measured: " + done.handle((v, e) -> e.getMessage()).join());
            return;
        }
        Optional<Landscape> l = done.join();
        if (l.isEmpty()) {
            readout.setText(name == View.MLP_LANDSCAPE ? "No landscape for this run: a diverged or dead network has none to measure."
                    : "No landscape for this run: the reduced recursion has no weights to slice, and a diverged run"
                    + " none to measure. Use the dense engine.");
            return;
        }
        show(l.get());
    }

    private void show(Landscape l) {
        Charts.set(curve, l.x(), l.slice(), l.x().length);
        double top = 0;
        for (double v : l.slice()) top = Math.max(top, v);
        for (double v : l.iterateLoss()) top = Math.max(top, v);
        quadratic(sharpQuadratic, l, l.sharpness(), 1.2 * top);
        quadratic(stableQuadratic, l, l.stableCurvature(), 1.2 * top);
        Charts.set(iterates, l.iterateX(), l.iterateLoss(), l.iterateX().length);
        slice.invalidate();
        plane.show(l);
        readout.setText(reading(l));
        latest = l;
    }

    /** The quadratic tangent at the measured iterate, drawn where it stays below {@code ceiling}. */
    private static void quadratic(DoubleDataSet ds, Landscape l, double curvature, double ceiling) {
        double[] x = l.x();
        double[] qx = new double[x.length], qy = new double[x.length];
        int n = 0;
        for (double at : x) {
            double q = l.quadratic(at, curvature);
            if (q <= ceiling) {
                qx[n] = at;
                qy[n++] = q;
            }
        }
        Charts.set(ds, qx, qy, n);
    }

    /** What the picture says, measured: S against 2/η, and whether the iterates bounce across the valley. */
    static String reading(Landscape l) {
        double[] x = l.iterateX();
        int crossings = 0;
        for (int i = 1; i < x.length; i++) if (x[i] * x[i - 1] < 0) crossings++;
        String bounce = x.length < 2 ? "" : crossings == x.length - 1
                ? " The last " + x.length + " iterates alternate sides of the valley along u₁ at every step."
                : " The last " + x.length + " iterates change sides " + crossings + " times in " + (x.length - 1) + " steps.";
        return String.format(Locale.ROOT, "Step %d: S = λ_max = %.4g = %.3g × 2/η; the slice's curvature there %.4g.%s",
                l.step(), l.sharpness(), l.sharpness() * l.eta() / 2, l.curvature(), bounce);
    }

    /** The landscape drawn now, or null (tests). */
    public Landscape latest() { return latest; }

    /** The status line under the charts (tests). */
    public String readout() { return readout.getText(); }
}
