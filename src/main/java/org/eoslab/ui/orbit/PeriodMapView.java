package org.eoslab.ui.orbit;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.eoslab.config.EngineKind;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.Parameters;
import org.eoslab.config.View;
import org.eoslab.export.PeriodMapImage;
import org.eoslab.run.PeriodMap;
import org.eoslab.run.Sweep;
import org.eoslab.run.SweepDefaults;
import org.eoslab.ui.chart.TypeScale;
import org.eoslab.ui.view.LiveView;
import static org.eoslab.ui.controls.FormFields.count;
import static org.eoslab.ui.controls.FormFields.field;
import static org.eoslab.ui.controls.FormFields.format;
import static org.eoslab.ui.controls.FormFields.number;

/**
 * The period map (x = η, y = a second parameter, each cell the attractor its run reached), computed on every
 * core in the background when first shown and whenever asked; the picture is the one {@code sweep --map}
 * writes. Hover reads a cell, a click runs its parameters live, a dragged rectangle zooms (recomputed at full
 * resolution), Reset returns to the default range.
 */
public final class PeriodMapView extends BorderPane implements LiveView {

    private final Supplier<Parameters> problem;
    private final BiConsumer<Parameters, String> runLive;
    private final ComboBox<PeriodMap.Axis> axis = new ComboBox<>(FXCollections.observableArrayList(PeriodMap.Axis.values()));
    private final javafx.scene.control.CheckBox relative = new javafx.scene.control.CheckBox("x in units of η₁");
    /** What the cells are coloured by: the wildest mode's attractor (0), or mode m's. */
    record ColourBy(int mode) {
        static final ColourBy WILDEST = new ColourBy(0);

        @Override public String toString() { return mode == 0 ? "wildest mode" : "mode " + mode; }
    }

    private final ComboBox<ColourBy> colourBy = new ComboBox<>(FXCollections.observableArrayList(ColourBy.WILDEST));
    private final TextField etaFrom = field("map-eta-from", 7);
    private final TextField etaTo = field("map-eta-to", 7);
    private final TextField etaCount = field("map-eta-count", 4);
    private final TextField yFrom = field("map-y-from", 6);
    private final TextField yTo = field("map-y-to", 6);
    private final TextField yCount = field("map-y-count", 4);
    private final Button compute = new Button("Compute");
    private final Button cancel = new Button("Cancel");
    private final Button reset = new Button("Reset range");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Label readout = new Label("hover a cell to read it; click to run it live; drag to zoom");
    private final ImageView image = new ImageView();
    private final Pane canvas = new Pane(image);
    private final Rectangle zoomBox = new Rectangle();
    private final PauseTransition resize = new PauseTransition(Duration.millis(200));
    private PeriodMap map;
    private PeriodMap shownMap;
    private List<PeriodMap.Cell> cells = List.of();
    private PeriodMapImage.Plot plot;
    private double textScale = 1;
    private Parameters computedFor;
    private double dragX = Double.NaN;
    private double dragY = Double.NaN;

    /**
     * @param problem the linear network's current problem (the controls' draft)
     * @param runLive runs a cell's parameters in the live run, with what the map read there and how the live run
     *                can differ from it
     */
    public PeriodMapView(Supplier<Parameters> problem, BiConsumer<Parameters, String> runLive) {
        this.problem = problem;
        this.runLive = runLive;
        setId("map-view");
        axis.setId("map-axis");
        compute.setId("map-compute");
        cancel.setId("map-cancel");
        status.setId("map-status");
        readout.setId("map-readout");
        readout.getStyleClass().add("readout");
        cancel.setDisable(true);
        compute.setOnAction(e -> start());
        cancel.setOnAction(e -> cancel());
        reset.setOnAction(e -> { defaults(problem.get()); start(); });
        axis.setOnAction(e -> defaultY(problem.get()));
        FlowPane bar = new FlowPane(8, 6, new Label("y"), axis, new Label("from"), yFrom, new Label("to"), yTo,
                new Label("rows"), yCount, new Label("  η from"), etaFrom, new Label("to"), etaTo, new Label("columns"),
                etaCount, relative, compute, cancel, reset, new Label("colour by"), colourBy, progress, status);
        relative.setId("map-relative");
        relative.setOnAction(e -> defaultY(problem.get()));
        colourBy.setId("map-colour-by");
        colourBy.setValue(ColourBy.WILDEST);
        colourBy.setOnAction(e -> redraw());
        bar.setPadding(new Insets(6, 10, 2, 10));
        readout.setPadding(new Insets(0, 10, 4, 10));
        readout.setWrapText(true);
        setTop(new VBox(bar, readout));
        zoomBox.setManaged(false);
        zoomBox.setVisible(false);
        zoomBox.setStyle("-fx-fill: rgba(0,114,178,0.15); -fx-stroke: #0072B2; -fx-stroke-width: 1.5;");
        canvas.getChildren().add(zoomBox);
        canvas.setId("map-canvas");
        zoomBox.setId("map-zoom-box");
        canvas.setMinSize(200, 200);
        setCenter(canvas);
        canvas.widthProperty().addListener((o, a, b) -> resize.playFromStart());
        canvas.heightProperty().addListener((o, a, b) -> resize.playFromStart());
        resize.setOnFinished(e -> redraw());
        wirePointer();
        axis.setValue(PeriodMap.Axis.RATIO);
    }

    @Override public View name() { return View.MAP; }

    @Override public String title() { return "Period map"; }

    @Override public javafx.scene.Node content() { return this; }

    /** The map's own text grows with the window's in presentation mode. */
    @Override
    public void setPresentation(boolean on) {
        textScale = on ? TypeScale.PRESENTATION.root() / TypeScale.NORMAL.root() : 1;
        redraw();
    }

    /** The map itself, without its form. */
    @Override public javafx.scene.Node picture() { return canvas; }

    /** First shown, or shown for a new problem: the map computes itself. */
    @Override
    public void onShown() {
        Parameters p = problem.get();
        if (busy() || (computedFor != null && computedFor.sameProblemAs(p))) return;
        defaults(p);
        start();
    }

    @Override
    public void frame(long budgetNanos, boolean shown) {
        if (busy()) {
            progress.setProgress(map.total() == 0 ? 0 : map.done() / (double) map.total());
            status.setText("computing… " + map.done() + "/" + map.total() + " cells");
        }
    }

    @Override
    public boolean caughtUp() { return !busy(); }

    public boolean busy() { return map != null; }

    /** Stops a map being computed (its cells so far are dropped; the last finished map stays shown). */
    public void cancel() {
        if (map != null) map.cancel();
    }

    /** Default ranges for a problem: y by the chosen axis, η from 0.8·min η₁ to 1.5·max η₁ over the rows. */
    public void defaults(Parameters p) {
        if (p.rank() < 2 && axis.getValue() == PeriodMap.Axis.RATIO) axis.setValue(PeriodMap.Axis.DEPTH);
        defaultY(p);
        etaCount.setText(Integer.toString(SweepDefaults.MAP_ETAS));
    }

    private void defaultY(Parameters p) {
        PeriodMap.Axis a = axis.getValue();
        double[] y = a.defaultRange(p);
        yFrom.setText(format(y[0]));
        yTo.setText(format(y[1]));
        yCount.setText(a == PeriodMap.Axis.DEPTH ? "5" : Integer.toString(SweepDefaults.MAP_YS));
        double[] range = PeriodMap.defaultEtaRange(p, a, y[0], y[1], relative.isSelected());
        etaFrom.setText(format(range[0]));
        etaTo.setText(format(range[1]));
    }

    /** Computes the map the fields describe, in the background (a running one is cancelled first). */
    public void start() {
        PeriodMap next;
        Parameters p = problem.get().withEngine(EngineKind.REDUCED);
        try {
            if (p.init() != org.eoslab.config.Init.IDENTITY) {
                throw new InvalidParameterException("init", "the period map runs the reduced recursion, exact for init 'identity' only");
            }
            next = new PeriodMap(p, axis.getValue(), Sweep.linspace(number(etaFrom, "η from"), number(etaTo, "η to"),
                    count(etaCount, "columns", 2, 1000)), Sweep.linspace(number(yFrom, "y from"), number(yTo, "y to"),
                    count(yCount, "rows", 1, 500)), SweepDefaults.TRANSIENT, SweepDefaults.KEEP, relative.isSelected());
        } catch (InvalidParameterException e) {
            status.setText(e.getMessage());
            return;
        }
        if (map != null) map.cancel();
        map = next;
        computedFor = problem.get();
        compute.setDisable(true);
        cancel.setDisable(false);
        status.setText("computing…");
        next.start().whenComplete((result, error) -> Platform.runLater(() -> finished(next, result, error)));
    }

    private void finished(PeriodMap done, List<PeriodMap.Cell> result, Throwable error) {
        if (map != done) return;                                   // a newer map replaced this one
        map = null;
        compute.setDisable(false);
        cancel.setDisable(true);
        if (error != null) {
            status.setText("period map failed: " + error.getMessage());
            return;
        }
        boolean complete = result.size() == done.total();
        progress.setProgress(complete ? 1 : 0);
        status.setText((complete ? "" : "cancelled: ") + result.size() + " cells (" + done.etas().length + " η × "
                + done.ys().length + " " + done.axis().key() + ")");
        if (!complete) return;
        shownMap = done;
        cells = result;
        int modes = result.isEmpty() ? 0 : result.get(0).periods().length;
        ColourBy chosen = colourBy.getValue();
        colourBy.getItems().setAll(ColourBy.WILDEST);
        for (int m = 1; m <= modes; m++) colourBy.getItems().add(new ColourBy(m));
        colourBy.setValue(colourBy.getItems().contains(chosen) ? chosen : ColourBy.WILDEST);
        redraw();
    }

    private void redraw() {
        if (shownMap == null) return;
        int w = (int) Math.max(400, canvas.getWidth());
        int h = (int) Math.max(300, canvas.getHeight());
        plot = PeriodMapImage.render(shownMap, cells, colouredMode(), w, h, textScale);
        image.setImage(org.eoslab.ui.chart.AwtImages.toFx(plot.image()));
    }

    /** 0 for the wildest mode, else the chosen mode. */
    private int colouredMode() {
        ColourBy v = colourBy.getValue();
        return v == null ? 0 : v.mode();
    }

    private void wirePointer() {
        canvas.setOnMouseMoved(e -> describe(e.getX(), e.getY()));
        canvas.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        canvas.setOnMouseDragged(e -> {
            zoomBox.setVisible(true);
            zoomBox.setX(Math.min(dragX, e.getX()));
            zoomBox.setY(Math.min(dragY, e.getY()));
            zoomBox.setWidth(Math.abs(e.getX() - dragX));
            zoomBox.setHeight(Math.abs(e.getY() - dragY));
        });
        canvas.setOnMouseReleased(e -> {
            zoomBox.setVisible(false);
            if (plot == null) return;
            if (Math.abs(e.getX() - dragX) > 8 && Math.abs(e.getY() - dragY) > 8) zoom(dragX, dragY, e.getX(), e.getY());
            else if (e.isStillSincePress()) pick(e.getX(), e.getY());
        });
    }

    /** The cell under the pointer: its η, y and each mode's attractor. */
    private void describe(double px, double py) {
        PeriodMap.Cell c = cellAt(px, py);
        if (c != null) readout.setText(CellReadout.reading(c, shownMap.axis()));
    }

    private PeriodMap.Cell cellAt(double px, double py) {
        if (plot == null) return null;
        int[] at = plot.cellAt(px, py);
        if (at == null) return null;
        for (PeriodMap.Cell c : cells) if (c.column() == at[0] && c.row() == at[1]) return c;
        return null;
    }

    /** A click: the live run takes the cell's η and y, told what the map read there and how it may differ. */
    private void pick(double px, double py) {
        PeriodMap.Cell c = cellAt(px, py);
        if (c == null) return;
        Parameters live = shownMap.row(c.row()).withEta(c.eta()).withEngine(problem.get().engine());
        String text = "The map read: " + CellReadout.reading(c, shownMap.axis()) + ". " + CellReadout.liveEngineNote(live);
        readout.setText(text);
        runLive.accept(live, text);
    }

    /** A dragged rectangle: its η and y ranges, recomputed at the same resolution. */
    private void zoom(double x1, double y1, double x2, double y2) {
        double[] etas = shownMap.etas();
        double[] ys = shownMap.ys();                       // within the cells' centres: the map's problems are valid there
        etaFrom.setText(format(clamp(plot.etaAt(Math.min(x1, x2)), etas)));
        etaTo.setText(format(clamp(plot.etaAt(Math.max(x1, x2)), etas)));
        double a = clamp(plot.yAt(Math.max(y1, y2)), ys);
        double b = clamp(plot.yAt(Math.min(y1, y2)), ys);
        if (axis.getValue() == PeriodMap.Axis.DEPTH) {
            a = Math.max(2, Math.ceil(a));
            b = Math.max(a, Math.floor(b));
            yCount.setText(Integer.toString((int) (b - a) + 1));
        }
        yFrom.setText(format(a));
        yTo.setText(format(b));
        start();
    }

    private static double clamp(double v, double[] range) {
        return Math.max(range[0], Math.min(range[range.length - 1], v));
    }

    /** What the map shows now (tests). */
    public List<PeriodMap.Cell> cells() { return cells; }

    public PeriodMap shown() { return shownMap; }

    public String statusText() { return status.getText(); }

    public String readoutText() { return readout.getText(); }

    public PeriodMapImage.Plot plot() { return plot; }

    /** Test access: simulate the pointer on the picture. */
    public void hover(double px, double py) { describe(px, py); }

    public void click(double px, double py) { pick(px, py); }

    public void drag(double x1, double y1, double x2, double y2) { zoom(x1, y1, x2, y2); }

    public ComboBox<PeriodMap.Axis> axis() { return axis; }
}
