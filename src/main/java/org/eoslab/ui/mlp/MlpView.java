package org.eoslab.ui.mlp;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import org.eoslab.config.MlpParameters;
import org.eoslab.metrics.MlpColumns;
import org.eoslab.run.MlpLiveEngine;
import org.eoslab.run.MlpLiveState;
import org.eoslab.ui.MainView;
import org.eoslab.ui.chart.HistoryFeed;
import org.eoslab.ui.chart.PanelGrid;

/**
 * The ReLU network tab: its controls, a toolbar and its panels. Its engine thread starts the first time the
 * tab (or the side-by-side tab) is shown, so the linear view starts as fast as before; the FX thread only
 * reads what that thread publishes, once per frame.
 */
public final class MlpView extends BorderPane {
    private final MlpControls controls;
    private final MlpPanels panels = new MlpPanels();
    private final HistoryFeed feed = new HistoryFeed();
    private final ToggleButton play = new ToggleButton(MainView.PLAY_LABEL);
    private final Label status = new Label("not started");
    private final MlpParameters initial;
    private MlpLiveEngine engine;
    private String shownMessage;
    private MlpParameters sent;       // the last restart asked for, until the engine runs it (or refuses it)

    public MlpView(MlpParameters initial) {
        this.initial = initial;
        this.controls = new MlpControls(initial);
        setId("mlp-view");
        ScrollPane side = new ScrollPane(controls);
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.setPrefWidth(340);
        setLeft(side);
        setTop(toolBar());
        GridPane grid = new GridPane();
        grid.setId("mlp-grid");
        PanelGrid.layout(grid, List.copyOf(panels.panels().values()), 3);
        setCenter(grid);
        controls.setOnEta(v -> send(new MlpLiveEngine.SetLearningRate(v)));
        controls.setOnRestart(this::restart);
        controls.setOnChooseData(this::chooseData);
    }

    private void chooseData() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("MNIST-format images (labels are read from the matching *labels-idx1-ubyte file)");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("IDX images", "*images-idx3-ubyte", "*images-idx3-ubyte.gz"),
                new FileChooser.ExtensionFilter("all files", "*"));
        File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) controls.setData(f.toPath());
    }

    private ToolBar toolBar() {
        play.setId("mlp-play");
        play.setOnAction(e -> send(play.isSelected() ? new MlpLiveEngine.Play() : new MlpLiveEngine.Pause()));
        Button step = new Button("→ 1 step");
        step.setId("mlp-step");
        step.setTooltip(new Tooltip("One full-batch GD step"));
        step.setOnAction(e -> send(new MlpLiveEngine.StepBy(1)));
        Button reset = new Button("⟲ Reset");
        reset.setId("mlp-reset");
        reset.setOnAction(e -> restart(controls.draft()));
        status.setId("mlp-status");
        return new ToolBar(play, step, reset, status);
    }

    private void restart(MlpParameters p) {
        sent = p;
        send(new MlpLiveEngine.Restart(p, true));
    }

    /** Starts the engine thread on first use (idempotent). */
    public void activate() {
        if (engine == null) engine = new MlpLiveEngine(initial, true);
    }

    public boolean active() { return engine != null; }

    public void send(MlpLiveEngine.Command c) {
        activate();
        engine.send(c);
    }

    /** One frame: new rows into the panels (on a time budget), the status line, the play button. */
    public void frame(long budgetNanos, boolean visible) {
        if (engine == null) return;
        MlpLiveState s = engine.state();
        boolean fresh = feed.follow(s.generation(), s.history());
        if (fresh) panels.rebuild(s.history().columns(MlpColumns.class), s.history());
        if (sent != null && (sameRun(s.parameters(), sent) || refused(s))) sent = null;
        if (fresh && sent == null && !controls.editing()) controls.show(s.parameters());  // never undo an edit
        if (visible) {
            feed.catchUp(panels::consume, budgetNanos);
            panels.flush(s.steps());
        }
        status.setText(describe(s));
        if (!Objects.equals(s.message(), shownMessage)) {
            shownMessage = s.message();
            if (refused(s)) controls.showMessage(shownMessage);
        }
        if (play.isSelected() != s.playing()) play.setSelected(s.playing());
        play.setText(s.playing() ? MainView.PAUSE_LABEL : MainView.PLAY_LABEL);
    }

    private static boolean sameRun(MlpParameters a, MlpParameters b) {
        return a.withEta(b.eta()).equals(b);                                   // η changes live, not by restart
    }

    private static boolean refused(MlpLiveState s) {
        return s.message() != null && s.message().startsWith("could not");
    }

    static String describe(MlpLiveState s) {
        if (s.history() == null) return s.message() == null ? "starting…" : s.message();
        String rate = String.format(Locale.ROOT, "%.1f steps/s", s.stepsPerSecond());
        String state = s.end() != null ? s.end() : s.message() != null ? s.message() : s.playing() ? rate : "paused";
        return "step " + s.steps() + " · " + s.data() + " · " + state;
    }

    /** Space toggles play, → one step (when this tab is shown). */
    public void togglePlay() {
        MlpLiveState s = engine == null ? null : engine.state();
        send(s != null && s.playing() ? new MlpLiveEngine.Pause() : new MlpLiveEngine.Play());
    }

    public void close() {
        if (engine != null) engine.close();
    }

    public MlpLiveEngine engine() { return engine; }

    public MlpControls controls() { return controls; }

    public MlpPanels panels() { return panels; }

    public String statusText() { return status.getText(); }

    public Node panel(String key) { return panels.panel(key); }

    public void setLineScale(double factor) { panels.setLineScale(factor); }
}
