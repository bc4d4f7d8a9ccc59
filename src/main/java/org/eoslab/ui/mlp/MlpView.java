package org.eoslab.ui.mlp;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.View;
import org.eoslab.metrics.EdgeOfStabilityStats;
import org.eoslab.metrics.MlpColumns;
import org.eoslab.run.History;
import org.eoslab.run.LiveState;
import org.eoslab.ui.chart.HistoryFeed;
import org.eoslab.ui.chart.PanelGrid;
import org.eoslab.ui.chart.PanelSet;
import org.eoslab.ui.view.LiveView;
import org.eoslab.ui.workbench.FlowReadout;
import org.eoslab.ui.workbench.Workbench;

/**
 * The ReLU network tab: its controls, its run toolbar and its panels. Its engine thread starts the first time
 * the tab (or the side-by-side tab) is shown, so the linear view starts as fast as before; the FX thread only
 * reads what that thread publishes, once per frame.
 */
public final class MlpView implements LiveView {
    /** The contrast readout looks at this many recent rows, and is refreshed every this many frames. */
    static final int CONTRAST_WINDOW = 200;
    static final int CONTRAST_FRAMES = 15;

    private final Workbench<MlpParameters> bench;
    private final MlpControls controls;
    private final MlpPanels panels;
    private final HistoryFeed feed = new HistoryFeed();
    private final Label status = new Label("not started");
    private final Label contrast = new Label();
    private long frames;
    private final BorderPane content = new BorderPane();
    private final GridPane grid = new GridPane();
    private final ScrollPane side;
    private final javafx.scene.control.Button clearPins = new javafx.scene.control.Button("Clear pins");
    private String shownMessage;
    private FlowReadout flow;                      // once the engine has started
    private boolean flowStale;                     // the panels were rebuilt since the flow last drew

    /** {@code controls} and {@code panels}: the ReLU workbench's own. */
    public MlpView(Workbench<MlpParameters> bench, MlpControls controls, MlpPanels panels) {
        this.bench = bench;
        this.controls = controls;
        this.panels = panels;
        content.setId("mlp-view");
        side = new ScrollPane(controls);
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.setPrefWidth(340);
        grid.setId("mlp-grid");
        setPresentation(false);
        content.setCenter(grid);
        status.setId("mlp-status");
        contrast.setId("mlp-contrast");
        content.setTop(statusRow());
        controls.setOnChooseData(this::chooseData);
        bench.onPins(shown -> clearPins.setDisable(shown.isEmpty()));
        bench.whenStarted(this::addToolbar);
    }

    @Override public View name() { return bench.home(); }


    @Override public String title() { return "ReLU MLP (§4.2)"; }

    @Override public Node content() { return content; }

    /** The grid of panels, without the toolbar and status rows. */
    @Override public Node picture() { return grid; }

    @Override public Node sideControls() { return side; }

    /** Panels in presentation mode: the loss, the sharpness and the top-versus-bottom contrast of §4.2. */
    static final List<MlpPanel> PRESENTED = List.of(MlpPanel.LOSS, MlpPanel.SHARPNESS, MlpPanel.LAYER, MlpPanel.DRIFT);

    /** Every panel in three columns, or in presentation mode the four of {@link #PRESENTED}, two by two. */
    @Override
    public void setPresentation(boolean on) {
        if (on) PanelGrid.layout(grid, PRESENTED.stream().map(panels::panel).toList(), 2);
        else PanelGrid.layout(grid, List.copyOf(panels.set().all()), 3);
    }

    /** The ReLU network runs only once someone looks at it. */
    @Override public void onShown() { bench.engine(); }

    private void chooseData() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("MNIST-format images (labels are read from the matching *labels-idx1-ubyte file)");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("IDX images", "*images-idx3-ubyte", "*images-idx3-ubyte.gz"),
                new FileChooser.ExtensionFilter("all files", "*"));
        File f = chooser.showOpenDialog(content.getScene() == null ? null : content.getScene().getWindow());
        if (f != null) controls.setData(f.toPath());
    }

    /** All rows of the run are in the panels. */
    @Override public boolean caughtUp() { return feed.caughtUp(); }

    /** The run toolbar and the pin buttons, once the engine has started. */
    private void addToolbar() {
        javafx.scene.control.Button pin = new javafx.scene.control.Button("Pin run");
        pin.setId("mlp-pin");
        pin.setOnAction(e -> bench.pinRun());
        clearPins.setId("mlp-clear-pins");
        clearPins.setOnAction(e -> bench.clearPins());
        clearPins.setDisable(bench.pins().isEmpty());
        content.setTop(new VBox(new ToolBar(bench.toolbar(), new javafx.scene.control.Separator(), pin, clearPins), statusRow()));
        flow = new FlowReadout(bench.engine().centralFlow(), panels);
        content.setBottom(flow.label());
    }

    /** The status lines under the toolbar: step, data, steps/s or how the run ended; the contrast readout. */
    private VBox statusRow() {
        VBox rows = new VBox(2, status, contrast);
        rows.setPadding(new Insets(2, 10, 4, 10));
        return rows;
    }

    /** One frame: new rows into the panels (on a time budget), the status line, the run toolbar. */
    @Override
    public void frame(long budgetNanos, boolean shown) {
        LiveState<MlpParameters> s = bench.state();
        if (s == null) return;
        boolean fresh = feed.follow(s.generation(), s.history());
        if (fresh) panels.rebuild(s.parameters(), s.targetValues(), s.history());
        flowStale |= fresh;
        bench.follow(s, fresh);
        if (shown) {
            feed.catchUp(panels.set()::consume, budgetNanos);
            if (flow != null && feed.history() != null) {
                flow.frame(flowStale, feed.history(), 0, budgetNanos / 4);
                flowStale = false;
            }
            panels.set().flush(s.steps());
        }
        status.setText(describe(s));
        if (shown && s.history() != null && frames++ % CONTRAST_FRAMES == 0) contrast.setText(contrast(s));
        if (!Objects.equals(s.message(), shownMessage)) {
            shownMessage = s.message();
            if (s.refused()) controls.showMessage(shownMessage);
        }
        bench.toolbar().sync(s);
    }

    /** The readout of the paper's Fig. 1 contrast: how many times more the top-5 move per step than the bottom-5. */
    private String contrast(LiveState<MlpParameters> s) {
        History h = s.history();
        Integer layer = panels.layerChoice().comboBox().getValue();
        int n = h.size();
        int from = Math.max(0, n - CONTRAST_WINDOW);
        if (layer == null || n - from < 3) return "";
        double ratio = EdgeOfStabilityStats.motionRatio(MlpColumns.of(s.parameters()), layer, n - from,
                i -> column -> h.get(from + i, column));
        return Double.isNaN(ratio) ? "layer W" + PanelSet.subscript(layer) + ": top-5 and bottom-5 not measured on consecutive steps"
                : String.format(Locale.ROOT, "layer W%s: the top-5 singular values move %.0f× more per step than the bottom-5 (last %d steps)",
                        PanelSet.subscript(layer), ratio, n - from - 1);
    }

    static String describe(LiveState<MlpParameters> s) {
        if (s.history() == null) return s.message() == null ? "starting…" : s.message();
        String rate = String.format(Locale.ROOT, "%.1f steps/s", s.stepsPerSecond());
        String state = s.end() != null ? s.end() : s.message() != null ? s.message() : s.playing() ? rate : "paused";
        return "step " + s.steps() + " · " + s.source() + " · " + state;
    }

    /** The central flow's overlay and readout, once the engine has started (else null; tests). */
    public FlowReadout flow() { return flow; }

    /** This network's workbench: its engine, draft, pins and sessions. */
    public Workbench<MlpParameters> bench() { return bench; }

    public MlpControls controls() { return controls; }

    public MlpPanels panels() { return panels; }

    public String statusText() { return status.getText(); }

    /** The contrast readout (tests). */
    public String contrastText() { return contrast.getText(); }

    @Override
    public void setLineScale(double factor) { panels.set().setLineScale(factor); }
}
