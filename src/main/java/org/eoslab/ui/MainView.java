package org.eoslab.ui;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.eoslab.config.Preset;
import org.eoslab.run.History;
import org.eoslab.run.LiveEngine;
import org.eoslab.run.LiveState;
import org.eoslab.ui.chart.ChartPanel;
import org.eoslab.ui.chart.PanelSet;
import org.eoslab.ui.controls.ControlPanel;
import org.eoslab.ui.orbit.BifurcationView;
import org.eoslab.ui.orbit.OrbitView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The window's content: menu and toolbar, the parameter controls, the panels (grid or one large) and the
 * status bar. An {@link AnimationTimer} pulls what the engine thread published, once per frame; the FX
 * thread never waits on the engine.
 */
public final class MainView extends BorderPane {
    /** History rows are read in blocks of this many until the frame's time budget is spent. */
    static final int ROW_BLOCK = 4096;
    /** Time per frame for reading new rows, so a fast engine cannot stall the frame (≥ 30 fps). */
    static final long CONSUME_BUDGET_NANOS = 6_000_000;
    static final double ETA_NUDGE = 1.02;

    private final LiveEngine engine;
    private final ControlPanel controls;
    private final PanelSet panels = new PanelSet();
    private final StatusBar status = new StatusBar();
    private final OrbitView orbit = new OrbitView();
    private final BifurcationView bifurcation;
    private final TabPane tabs = new TabPane();
    private final Tab orbitTab;
    private final GridPane grid = new GridPane();
    private final Set<String> visible = new LinkedHashSet<>(PanelSet.KEYS);
    private final ToggleButton play = new ToggleButton("▶ Play");
    private final ComboBox<String> single = new ComboBox<>(FXCollections.observableArrayList(PanelSet.KEYS));
    private final TextField stopAt = new TextField();
    private final AnimationTimer timer;
    private int shownGeneration = -1;
    private History shownHistory;
    private int consumed;
    private long frames;
    private long frameWindowStart;
    private double framesPerSecond;
    private boolean singleMode;

    public MainView(LiveEngine engine, Preset preset) {
        this.engine = engine;
        this.controls = new ControlPanel(preset.parameters());
        controls.setPresetText(preset.title(), preset.description());
        setId("main-view");
        setTop(new VBox(menuBar(), toolBar()));
        ScrollPane side = new ScrollPane(controls);
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.setPrefWidth(350);
        setLeft(side);
        grid.setId("panel-grid");
        grid.setHgap(6);
        grid.setVgap(6);
        bifurcation = new BifurcationView(controls::draft, controls::applyEta);
        bifurcation.resetRange(preset.parameters());
        Tab training = new Tab("Training", grid);
        orbitTab = new Tab("Orbit zoom", orbit);
        Tab bifurcationTab = new Tab("Bifurcation", bifurcation);
        training.setId("tab-training");
        orbitTab.setId("tab-orbit");
        bifurcationTab.setId("tab-bifurcation");
        tabs.getTabs().addAll(training, orbitTab, bifurcationTab);
        tabs.getTabs().forEach(t -> t.setClosable(false));
        tabs.setId("tabs");
        setCenter(tabs);
        setBottom(status);
        layoutPanels();
        controls.setOnEta(v -> engine.send(new LiveEngine.SetLearningRate(v)));
        controls.setOnRestart(p -> engine.send(new LiveEngine.Restart(p)));
        controls.setOnSharpnessEvery(k -> engine.send(new LiveEngine.SetSharpnessEvery(k)));
        timer = new AnimationTimer() {
            @Override public void handle(long now) { frame(now); }
        };
    }

    public void start() { timer.start(); }

    public void stop() { timer.stop(); }

    private MenuBar menuBar() {
        Menu view = new Menu("View");
        for (String key : PanelSet.KEYS) {
            CheckMenuItem item = new CheckMenuItem(panels.panel(key).chart().getTitle());
            item.setId("show-" + key);
            item.setSelected(true);
            item.selectedProperty().addListener((obs, o, on) -> {
                if (on) visible.add(key); else visible.remove(key);
                layoutPanels();
            });
            view.getItems().add(item);
        }
        ToggleGroup layout = new ToggleGroup();
        RadioMenuItem gridItem = new RadioMenuItem("Grid of panels");
        RadioMenuItem singleItem = new RadioMenuItem("One large panel");
        gridItem.setToggleGroup(layout);
        singleItem.setToggleGroup(layout);
        gridItem.setSelected(true);
        gridItem.setOnAction(e -> setSingleMode(false));
        singleItem.setOnAction(e -> setSingleMode(true));
        view.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), gridItem, singleItem);
        Menu run = new Menu("Run");
        MenuItem reset = new MenuItem("Reset (R)");
        reset.setOnAction(e -> reset());
        run.getItems().add(reset);
        return new MenuBar(run, view);
    }

    private ToolBar toolBar() {
        play.setId("play");
        play.setOnAction(e -> engine.send(play.isSelected() ? new LiveEngine.Play() : new LiveEngine.Pause()));
        Button one = button("step", "→ 1 step", "One GD step (→)", () -> engine.send(new LiveEngine.StepBy(1)));
        Button two = button("step2", "2 steps", "Two GD steps: one period of a 2-cycle",
                () -> engine.send(new LiveEngine.StepBy(2)));
        Button reset = button("reset", "⟲ Reset", "Start the run over (R)", this::reset);
        ComboBox<String> speed = new ComboBox<>(FXCollections.observableArrayList(
                "30 steps/s", "100 steps/s", "300 steps/s", "1000 steps/s", "as fast as possible"));
        speed.setId("speed");
        speed.setValue("as fast as possible");
        speed.valueProperty().addListener((obs, o, v) -> engine.send(new LiveEngine.SetSpeed(
                v.startsWith("as") ? 0 : Double.parseDouble(v.substring(0, v.indexOf(' '))))));
        stopAt.setId("stop-at");
        stopAt.setPrefColumnCount(8);
        stopAt.setTooltip(new Tooltip("Pause when this step is reached"));
        stopAt.setOnAction(e -> commitStopAt());
        single.setId("single-panel");
        single.setValue("sharpness");
        single.setVisible(false);
        single.valueProperty().addListener((obs, o, v) -> layoutPanels());
        return new ToolBar(play, one, two, reset, speed, new javafx.scene.control.Label("stop at step"), stopAt, single);
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void commitStopAt() {
        try {
            long v = Long.parseLong(stopAt.getText().trim());
            if (v < 0) throw new NumberFormatException();
            engine.send(new LiveEngine.SetStopAt(v));
            engine.send(new LiveEngine.Play());
        } catch (NumberFormatException e) {
            stopAt.setText("");
            stopAt.setPromptText("a step ≥ 0");
        }
    }

    /** Starts the run over from step 0 and plays it. */
    private void reset() {
        engine.send(new LiveEngine.Restart(controls.draft(), true));
    }

    private void setSingleMode(boolean on) {
        singleMode = on;
        single.setVisible(on);
        layoutPanels();
    }

    /** Visible panels in a grid (3 columns when there are more than 4), or the chosen one alone. */
    private void layoutPanels() {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        List<String> keys = singleMode ? List.of(single.getValue()) : List.copyOf(visible);
        panels.panels().values().forEach(p -> p.setVisible(keys.contains(p.key())));
        int columns = keys.size() > 4 ? 3 : keys.size() > 1 ? 2 : 1;
        int rows = Math.max(1, (keys.size() + columns - 1) / columns);
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        for (int i = 0; i < keys.size(); i++) {
            Node panel = panels.panel(keys.get(i));
            grid.add(panel, i % columns, i / columns);
        }
    }

    /** One frame: pull new rows, flush the charts, refresh status and readouts. Never blocks. */
    void frame(long now) {
        countFrame(now);
        LiveState s = engine.state();
        if (s == null) return;
        if (s.generation() != shownGeneration && s.history() != null) {
            shownGeneration = s.generation();
            shownHistory = s.history();
            consumed = 0;
            panels.rebuild(shownHistory.columns(), s.parameters(), s.targetValues(), shownHistory);
            controls.show(s.parameters());
            if (!bifurcation.busy()) bifurcation.resetRange(s.parameters());
        }
        if (shownHistory != null) {
            consumeWithinBudget();
            panels.flush(s.steps());
        }
        if (orbitTab.isSelected()) orbit.update(s);
        bifurcation.update(s);
        status.update(s, framesPerSecond);
        controls.showLiveCount(s.oscillating());
        if (play.isSelected() != s.playing()) play.setSelected(s.playing());
        play.setText(s.playing() ? "⏸ Pause" : "▶ Play");
        if (!stopAt.isFocused()) stopAt.setText(s.stopAt() == Long.MAX_VALUE ? "" : Long.toString(s.stopAt()));
    }

    /** Reads new history rows block by block until caught up or the frame's budget is used. */
    private void consumeWithinBudget() {
        long deadline = System.nanoTime() + CONSUME_BUDGET_NANOS;
        int size = shownHistory.size();
        while (consumed < size && System.nanoTime() < deadline) {
            int to = Math.min(size, consumed + ROW_BLOCK);
            panels.consume(shownHistory, consumed, to);
            consumed = to;
        }
    }

    private void countFrame(long now) {
        frames++;
        if (frameWindowStart == 0) frameWindowStart = now;
        long elapsed = now - frameWindowStart;
        if (elapsed >= 500_000_000L) {
            framesPerSecond = frames * 1e9 / elapsed;
            frames = 0;
            frameWindowStart = now;
        }
    }

    /** Keyboard: space play/pause, → one step, R reset, [ ] nudge η, F full screen. */
    public void installShortcuts(Scene scene, Stage stage) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl) return;
            KeyCode code = e.getCode();
            boolean handled = true;
            if (code == KeyCode.SPACE) togglePlay();
            else if (code == KeyCode.RIGHT) engine.send(new LiveEngine.StepBy(1));
            else if (code == KeyCode.R) reset();
            else if (code == KeyCode.OPEN_BRACKET) controls.nudgeEta(1 / ETA_NUDGE);
            else if (code == KeyCode.CLOSE_BRACKET) controls.nudgeEta(ETA_NUDGE);
            else if (code == KeyCode.F && stage != null) stage.setFullScreen(!stage.isFullScreen());
            else handled = false;
            if (handled) e.consume();
        });
    }

    private void togglePlay() {
        LiveState s = engine.state();
        engine.send(s != null && s.playing() ? new LiveEngine.Pause() : new LiveEngine.Play());
    }

    /** History rows drawn so far (tests, diagnostics). */
    public int consumedRows() { return consumed; }

    public PanelSet panels() { return panels; }

    public OrbitView orbit() { return orbit; }

    public BifurcationView bifurcation() { return bifurcation; }

    public TabPane tabs() { return tabs; }

    public ControlPanel controls() { return controls; }

    public StatusBar status() { return status; }

    public LiveEngine engine() { return engine; }

    public ChartPanel panel(String key) { return panels.panel(key); }
}
