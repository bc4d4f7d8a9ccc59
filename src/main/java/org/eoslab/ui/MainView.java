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
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.Preset;
import org.eoslab.config.Presets;
import org.eoslab.export.AtomicFiles;
import org.eoslab.export.ExportException;
import org.eoslab.run.History;
import org.eoslab.run.LiveEngine;
import org.eoslab.run.LiveState;
import org.eoslab.ui.chart.ChartPanel;
import org.eoslab.ui.chart.HistoryFeed;
import org.eoslab.ui.chart.PanelGrid;
import org.eoslab.ui.chart.PanelSet;
import org.eoslab.ui.controls.ControlPanel;
import org.eoslab.ui.mlp.MlpView;
import org.eoslab.ui.mlp.SideBySideView;
import org.eoslab.config.MlpParameters;
import org.eoslab.metrics.Columns;
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
    /** Play/pause labels: ‖ rather than ⏸, which common fonts (DejaVu) lack. */
    public static final String PLAY_LABEL = "▶ Play";
    public static final String PAUSE_LABEL = "‖ Pause";
    /** The model switch: which network the window shows. */
    static final List<String> MODELS = List.of("Linear network", "ReLU MLP", "Side by side (Fig. 1)");
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
    private final ToggleButton play = new ToggleButton(PLAY_LABEL);
    private final ComboBox<String> single = new ComboBox<>(FXCollections.observableArrayList(PanelSet.KEYS));
    private final TextField stopAt = new TextField();
    private final AnimationTimer timer;
    private final HistoryFeed feed = new HistoryFeed();
    private final MlpView mlp = new MlpView(MlpParameters.defaults());
    private final SideBySideView sideBySide = new SideBySideView();
    private final Tab mlpTab;
    private final Tab sideBySideTab;
    private final ComboBox<String> model = new ComboBox<>(FXCollections.observableArrayList(MODELS));
    /** Play, step, reset, speed, stop-at of the linear run; the MLP tab has its own. */
    private final javafx.scene.layout.HBox linearRun = new javafx.scene.layout.HBox(6);
    private long frames;
    private long frameWindowStart;
    private double framesPerSecond;
    private boolean singleMode;
    private ScrollPane side;
    private boolean presentation;
    private boolean controlsShown = true;
    private boolean dark;
    public static final String PRESENTATION_CSS = "/org/eoslab/ui/presentation.css";
    public static final String DARK_CSS = "/org/eoslab/ui/dark.css";
    /** Line widths and marker sizes in presentation mode. */
    static final double PRESENTATION_LINE_SCALE = 2.2;
    private final java.util.Map<String, CheckMenuItem> panelItems = new java.util.LinkedHashMap<>();
    private Preset preset;
    private String lastError;

    public MainView(LiveEngine engine, Preset preset) {
        this.engine = engine;
        this.preset = preset;
        this.controls = new ControlPanel(preset.parameters());
        controls.setPresetText(preset.title(), preset.description());
        setId("main-view");
        setTop(new VBox(menuBar(), toolBar()));
        side = new ScrollPane(controls);
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.setPrefWidth(350);
        setLeft(side);
        grid.setId("panel-grid");
        bifurcation = new BifurcationView(controls::draft, controls::applyEta);
        bifurcation.resetRange(preset.parameters());
        Tab training = new Tab("Training", grid);
        orbitTab = new Tab("Orbit zoom", orbit);
        Tab bifurcationTab = new Tab("Bifurcation", bifurcation);
        mlpTab = new Tab("ReLU MLP (§4.2)", mlp);
        sideBySideTab = new Tab("Side by side (Fig. 1)", sideBySide);
        training.setId("tab-training");
        orbitTab.setId("tab-orbit");
        bifurcationTab.setId("tab-bifurcation");
        mlpTab.setId("tab-mlp");
        sideBySideTab.setId("tab-fig1");
        tabs.getTabs().addAll(training, orbitTab, bifurcationTab, mlpTab, sideBySideTab);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, o, tab) -> onTab(tab));
        tabs.getTabs().forEach(t -> t.setClosable(false));
        tabs.setId("tabs");
        setCenter(tabs);
        setBottom(status);
        layoutPanels();
        applyView(preset);
        controls.setOnEta(v -> engine.send(new LiveEngine.SetLearningRate(v)));
        controls.setOnRestart(p -> engine.send(new LiveEngine.Restart(p)));
        controls.setOnSharpnessEvery(k -> engine.send(new LiveEngine.SetSharpnessEvery(k)));
        timer = new AnimationTimer() {
            @Override public void handle(long now) { frame(now); }
        };
    }

    public void start() { timer.start(); }

    /** Stops the frame loop and the MLP engine thread, if it was started. */
    public void stop() {
        timer.stop();
        mlp.close();
    }

    /** The ReLU network runs only once someone looks at it; the model switch follows the tab. */
    private void onTab(Tab tab) {
        if (tab == mlpTab || tab == sideBySideTab) mlp.activate();
        linearRun.setVisible(tab != mlpTab);
        status.setScope(tab == mlpTab ? "linear network (in the background):" : null);
        linearRun.setManaged(tab != mlpTab);
        setLeft(tab != mlpTab && controlsShown ? side : null);   // the MLP tab has its own controls
        String shown = tab == mlpTab ? MODELS.get(1) : tab == sideBySideTab ? MODELS.get(2) : MODELS.get(0);
        if (!shown.equals(model.getValue())) model.setValue(shown);
    }

    /** The model switch: the linear network's training view, the ReLU network, or both side by side. */
    public void showModel(String name) {
        int i = MODELS.indexOf(name);
        Tab target = i == 1 ? mlpTab : i == 2 ? sideBySideTab : tabs.getTabs().get(0);
        Tab current = tabs.getSelectionModel().getSelectedItem();
        boolean linearTab = current != mlpTab && current != sideBySideTab;
        if (i == 0 && linearTab) return;   // already on a linear view (training, orbit or bifurcation)
        tabs.getSelectionModel().select(target);
    }

    private MenuBar menuBar() {
        Menu view = new Menu("View");
        for (String key : PanelSet.KEYS) {
            CheckMenuItem item = new CheckMenuItem(panels.panel(key).chart().getTitle());
            item.setId("show-" + key);
            panelItems.put(key, item);
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
        CheckMenuItem presentationItem = new CheckMenuItem("Presentation mode (P): large type, thick lines");
        presentationItem.setId("presentation");
        presentationItem.setOnAction(e -> setPresentation(presentationItem.isSelected()));
        CheckMenuItem controlsItem = new CheckMenuItem("Show controls (C)");
        controlsItem.setSelected(true);
        controlsItem.setOnAction(e -> setControlsVisible(controlsItem.isSelected()));
        ToggleGroup theme = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("Light theme (high contrast)");
        RadioMenuItem darkItem = new RadioMenuItem("Dark theme");
        light.setToggleGroup(theme);
        darkItem.setToggleGroup(theme);
        light.setSelected(true);
        light.setOnAction(e -> setDark(false));
        darkItem.setOnAction(e -> setDark(true));
        view.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), presentationItem, controlsItem, light, darkItem);
        Menu run = new Menu("Run");
        MenuItem reset = new MenuItem("Reset (R)");
        reset.setOnAction(e -> reset());
        run.getItems().add(reset);
        return new MenuBar(fileMenu(), presetMenu(), run, view);
    }

    private Menu presetMenu() {
        Menu menu = new Menu("Presets");
        menu.setId("menu-presets");
        for (String name : PresetLibrary.names()) {
            Preset p = PresetLibrary.load(name);
            MenuItem item = new MenuItem(p.title());
            item.setId("preset-" + name.replace(".json", ""));
            item.setOnAction(e -> loadPreset(p));
            menu.getItems().add(item);
        }
        return menu;
    }

    private Menu fileMenu() {
        Menu menu = new Menu("File");
        MenuItem open = new MenuItem("Open preset…");
        open.setOnAction(e -> {
            java.io.File f = chooser("Open preset", "*.json").showOpenDialog(getScene().getWindow());
            if (f != null) openPreset(f.toPath());
        });
        MenuItem save = new MenuItem("Save current as preset…");
        save.setOnAction(e -> {
            java.io.File f = chooser("Save preset", "*.json").showSaveDialog(getScene().getWindow());
            if (f != null) savePreset(f.toPath(), preset.title());
        });
        MenuItem saveSession = new MenuItem("Save session…");
        saveSession.setOnAction(e -> {
            java.io.File f = chooser("Save session (parameters, trajectory, weights)", "*.eoslab").showSaveDialog(getScene().getWindow());
            if (f != null) saveSession(f.toPath());
        });
        MenuItem openSession = new MenuItem("Open session…");
        openSession.setOnAction(e -> {
            java.io.File f = chooser("Open session", "*.eoslab").showOpenDialog(getScene().getWindow());
            if (f != null) openSession(f.toPath());
        });
        MenuItem copy = new MenuItem("Copy configuration");
        copy.setOnAction(e -> copyConfiguration());
        MenuItem paste = new MenuItem("Paste configuration");
        paste.setOnAction(e -> pasteConfiguration());
        MenuItem csv = new MenuItem("Export trajectory as CSV…");
        csv.setOnAction(e -> {
            java.io.File f = chooser("Export trajectory (every step)", "*.csv").showSaveDialog(getScene().getWindow());
            if (f != null) exportTrajectory(f.toPath(), false);
        });
        MenuItem json = new MenuItem("Export trajectory as JSON…");
        json.setOnAction(e -> {
            java.io.File f = chooser("Export trajectory (every step)", "*.json").showSaveDialog(getScene().getWindow());
            if (f != null) exportTrajectory(f.toPath(), true);
        });
        MenuItem picture = new MenuItem("Export picture… (Ctrl+E)");
        picture.setOnAction(e -> pictureDialog());
        menu.getItems().addAll(open, save, new javafx.scene.control.SeparatorMenuItem(), saveSession, openSession,
                new javafx.scene.control.SeparatorMenuItem(), copy, paste, new javafx.scene.control.SeparatorMenuItem(), csv, json, picture);
        return menu;
    }

    /** Saves the run as a session: the engine copies its state, a background thread writes the file. */
    public java.util.concurrent.CompletableFuture<java.nio.file.Path> saveSession(java.nio.file.Path file) {
        var data = new java.util.concurrent.CompletableFuture<org.eoslab.run.SessionData>();
        engine.send(new LiveEngine.CaptureSession(preset.title(), preset.description(), data));
        return data.thenApplyAsync(d -> {
            org.eoslab.export.SessionFile.save(d, file);
            return file;
        }).whenComplete((f, error) -> javafx.application.Platform.runLater(() -> {
            if (error != null) showError("Cannot save session", rootMessage(error));
            else lastExport = f;
        }));
    }

    /** Opens a session: its trajectory is shown and the run continues from its last step on Play. */
    public boolean openSession(java.nio.file.Path file) {
        try {
            org.eoslab.run.SessionData s = org.eoslab.export.SessionFile.load(file);
            applyView(new Preset(Preset.SCHEMA, s.title(), s.description(), s.parameters(), List.of(), null, List.of()));
            controls.show(s.parameters());
            engine.send(new LiveEngine.Resume(s));
            return true;
        } catch (InvalidParameterException e) {
            showError("Cannot open session", e.getMessage());
            return false;
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException || t.getMessage() == null)) t = t.getCause();
        return t.getMessage();
    }

    /** Puts the one-line text form of the parameters on the clipboard. */
    public String copyConfiguration() {
        String text = org.eoslab.config.ConfigText.format(controls.draft());
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        return text;
    }

    /** Restores parameters from the clipboard's text form; bad text is reported and nothing changes. */
    public boolean pasteConfiguration() {
        String text = javafx.scene.input.Clipboard.getSystemClipboard().getString();
        try {
            org.eoslab.config.Parameters p = org.eoslab.config.ConfigText.parse(text);
            controls.show(p);
            bifurcation.resetRange(p);
            engine.send(new LiveEngine.Restart(p, true));
            return true;
        } catch (InvalidParameterException e) {
            showError("Cannot paste configuration", e.getMessage());
            return false;
        }
    }

    /**
     * The full trajectory (not the decimated display) to CSV or JSON, on a background thread: the ReLU
     * network's when its tab is shown, the linear network's otherwise.
     */
    public Thread exportTrajectory(java.nio.file.Path file, boolean json) {
        boolean ofMlp = mlpTab.isSelected() && mlp.engine() != null && mlp.engine().state().history() != null;
        History h = ofMlp ? mlp.engine().state().history() : feed.history();
        LiveState s = engine.state();
        if (h == null || s == null) {
            showError("Nothing to export", "the run has no steps yet");
            return null;
        }
        Record parameters = ofMlp ? mlp.engine().state().parameters() : s.parameters();
        Thread t = new Thread(() -> {
            try {
                if (json) org.eoslab.export.TrajectoryJson.write(h, parameters, file);
                else org.eoslab.export.TrajectoryCsvWriter.write(h, file);
                javafx.application.Platform.runLater(() -> lastExport = file);
            } catch (ExportException e) {
                javafx.application.Platform.runLater(() -> showError("Export failed", e.getMessage()));
            }
        }, "eos-export");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Renders a node at 1×, 2× or 3× (FX thread) and writes the PNG, with the parameters as caption if asked. */
    public boolean exportPicture(Node target, double scale, boolean caption, java.nio.file.Path file) {
        try {
            panels.flushAll(engine.state() == null ? 0 : engine.state().steps());
            java.awt.image.BufferedImage image = NodeImages.render(target, scale);
            String text = caption ? org.eoslab.export.PngWriter.caption(controls.draft()) : null;
            org.eoslab.export.PngWriter.write(image, text, scale, file);
            lastExport = file;
            return true;
        } catch (ExportException e) {
            showError("Export failed", e.getMessage());
            return false;
        }
    }

    private void pictureDialog() {
        javafx.scene.control.Dialog<javafx.scene.control.ButtonType> dialog = new javafx.scene.control.Dialog<>();
        dialog.setTitle("Export picture");
        ComboBox<String> what = new ComboBox<>(FXCollections.observableArrayList("whole window", "current tab"));
        what.getItems().addAll(PanelSet.KEYS.stream().map(k -> "panel: " + k).toList());
        what.setValue("current tab");
        ComboBox<String> scale = new ComboBox<>(FXCollections.observableArrayList("1×", "2×", "3×"));
        scale.setValue("2×");
        javafx.scene.control.CheckBox caption = new javafx.scene.control.CheckBox("caption with the parameters");
        caption.setSelected(true);
        dialog.getDialogPane().setContent(new VBox(8, what, scale, caption));
        dialog.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        dialog.initOwner(getScene().getWindow());
        dialog.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).ifPresent(b -> {
            java.io.File f = chooser("Export picture", "*.png").showSaveDialog(getScene().getWindow());
            if (f == null) return;
            Node target = switch (what.getValue()) {
                case "whole window" -> getScene().getRoot();
                case "current tab" -> tabs.getSelectionModel().getSelectedItem().getContent();
                default -> panels.panel(what.getValue().substring("panel: ".length()));
            };
            exportPicture(target, scale.getValue().charAt(0) - '0', caption.isSelected(), f.toPath());
        });
    }

    private java.nio.file.Path lastExport;

    /** The last file written by an export (tests). */
    public java.nio.file.Path lastExport() { return lastExport; }

    static javafx.stage.FileChooser chooser(String title, String pattern) {
        javafx.stage.FileChooser c = new javafx.stage.FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(pattern, pattern));
        return c;
    }

    /** Applies a preset: its parameters restart the run, its panels and view are shown. */
    public void loadPreset(Preset p) {
        applyView(p);
        controls.show(p.parameters());
        bifurcation.resetRange(p.parameters());
        engine.send(new LiveEngine.Restart(p.parameters(), true));
        if (getScene() != null && getScene().getWindow() instanceof Stage s) s.setTitle("EOS Lab — " + p.title());
    }

    /** The preset's text, panels and tab, without touching the run. */
    private void applyView(Preset p) {
        preset = p;
        controls.setPresetText(p.title(), p.description());
        List<String> keys = p.panels().isEmpty() ? PanelSet.KEYS : p.panels();
        panelItems.forEach((key, item) -> item.setSelected(keys.contains(key)));
        setSingleMode(false);
        tabs.getSelectionModel().select(Preset.VIEWS.indexOf(p.viewOrDefault()));
    }

    /** Loads a preset file; a bad one is reported (file, field, range) and the current run goes on. */
    public boolean openPreset(java.nio.file.Path file) {
        try {
            loadPreset(Presets.load(file));
            return true;
        } catch (InvalidParameterException e) {
            showError("Cannot open preset", e.getMessage());
            return false;
        }
    }

    /** Writes the current parameters as a preset (atomically), keeping the current title and text. */
    public boolean savePreset(java.nio.file.Path file, String title) {
        Preset current = new Preset(Preset.SCHEMA, title, preset.description(), controls.draft().withEta(controls.draft().eta()),
                List.copyOf(visible), Preset.VIEWS.get(tabs.getSelectionModel().getSelectedIndex()),
                List.of());
        try {
            String json = Presets.toJson(current);
            AtomicFiles.writeText(file, w -> w.write(json));
            return true;
        } catch (ExportException e) {
            showError("Cannot save preset", e.getMessage());
            return false;
        }
    }

    /** Presentation mode: large type, thick lines, controls tucked away (F adds full screen). */
    public void setPresentation(boolean on) {
        presentation = on;
        toggleStylesheet(PRESENTATION_CSS, on);
        panels.setLineScale(on ? PRESENTATION_LINE_SCALE : 1);
        mlp.setLineScale(on ? PRESENTATION_LINE_SCALE : 1);
        sideBySide.setLineScale(on ? PRESENTATION_LINE_SCALE : 1);
        setControlsVisible(!on);
    }

    public void setDark(boolean on) {
        dark = on;
        toggleStylesheet(DARK_CSS, on);
    }

    public void setControlsVisible(boolean visible) {
        controlsShown = visible;
        setLeft(visible && !mlpTab.isSelected() ? side : null);
    }

    public boolean presentation() { return presentation; }

    public boolean dark() { return dark; }

    private void toggleStylesheet(String resource, boolean on) {
        if (getScene() == null) return;
        String url = MainView.class.getResource(resource).toExternalForm();
        var sheets = getScene().getStylesheets();
        if (on && !sheets.contains(url)) sheets.add(url);
        if (!on) sheets.remove(url);
    }

    /** A non-blocking error dialog; the message is kept for tests and the status bar. */
    public void showError(String title, String message) {
        lastError = message;
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, message);
        alert.setTitle(title);
        alert.setHeaderText(title);
        if (getScene() != null) alert.initOwner(getScene().getWindow());
        alert.show();
    }

    public String lastError() { return lastError; }

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
        model.setId("model");
        model.setValue(MODELS.get(0));
        model.setTooltip(new Tooltip("Which network to watch: the deep linear network, the ReLU MLP of §4.2, or both (Fig. 1)"));
        model.valueProperty().addListener((obs, o, v) -> { if (v != null) showModel(v); });
        linearRun.getChildren().setAll(play, one, two, reset, speed, new javafx.scene.control.Label("stop at step"), stopAt, single);
        linearRun.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        linearRun.setId("linear-run-controls");
        return new ToolBar(new javafx.scene.control.Label("model"), model, new javafx.scene.control.Separator(), linearRun);
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

    /** Visible panels in a grid, or the chosen one alone. */
    private void layoutPanels() {
        List<String> keys = singleMode ? List.of(single.getValue()) : List.copyOf(visible);
        panels.panels().values().forEach(p -> p.setVisible(keys.contains(p.key())));
        PanelGrid.layout(grid, keys.stream().map(panels::panel).toList());
    }

    /** One frame: pull new rows, flush the charts, refresh status and readouts. Never blocks. */
    void frame(long now) {
        countFrame(now);
        LiveState s = engine.state();
        if (s == null) return;
        if (feed.follow(s.generation(), s.history())) {
            panels.rebuild(s.history().columns(Columns.class), s.parameters(), s.targetValues(), s.history());
            controls.show(s.parameters());
            if (!bifurcation.busy()) bifurcation.resetRange(s.parameters());
        }
        if (feed.history() != null) {
            feed.catchUp(panels::consume, CONSUME_BUDGET_NANOS);
            panels.flush(s.steps());
        }
        mlp.frame(CONSUME_BUDGET_NANOS, mlpTab.isSelected());
        if (sideBySideTab.isSelected()) {
            sideBySide.frameLinear(s, CONSUME_BUDGET_NANOS);
            if (mlp.engine() != null) sideBySide.frameMlp(mlp.engine().state(), CONSUME_BUDGET_NANOS);
        }
        if (orbitTab.isSelected()) orbit.update(s);
        bifurcation.update(s);
        status.update(s, framesPerSecond);
        controls.showLiveCount(s.oscillating());
        if (play.isSelected() != s.playing()) play.setSelected(s.playing());
        play.setText(s.playing() ? PAUSE_LABEL : PLAY_LABEL);
        if (!stopAt.isFocused()) stopAt.setText(s.stopAt() == Long.MAX_VALUE ? "" : Long.toString(s.stopAt()));
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
            if (code == KeyCode.SPACE && mlpTab.isSelected()) mlp.togglePlay();
            else if (code == KeyCode.RIGHT && mlpTab.isSelected()) mlp.send(new org.eoslab.run.MlpLiveEngine.StepBy(1));
            else if (code == KeyCode.SPACE) togglePlay();
            else if (code == KeyCode.RIGHT) engine.send(new LiveEngine.StepBy(1));
            else if (code == KeyCode.R) reset();
            else if (code == KeyCode.OPEN_BRACKET) controls.nudgeEta(1 / ETA_NUDGE);
            else if (code == KeyCode.CLOSE_BRACKET) controls.nudgeEta(ETA_NUDGE);
            else if (code == KeyCode.F && stage != null) stage.setFullScreen(!stage.isFullScreen());
            else if (code == KeyCode.E && e.isShortcutDown()) pictureDialog();
            else if (code == KeyCode.P) setPresentation(!presentation);
            else if (code == KeyCode.C && !e.isShortcutDown()) setControlsVisible(!controlsShown);
            else handled = false;
            if (handled) e.consume();
        });
    }

    private void togglePlay() {
        LiveState s = engine.state();
        engine.send(s != null && s.playing() ? new LiveEngine.Pause() : new LiveEngine.Play());
    }

    /** History rows drawn so far (tests, diagnostics). */
    public int consumedRows() { return feed.consumed(); }

    public PanelSet panels() { return panels; }

    public OrbitView orbit() { return orbit; }

    public BifurcationView bifurcation() { return bifurcation; }

    public TabPane tabs() { return tabs; }

    public ControlPanel controls() { return controls; }

    public StatusBar status() { return status; }

    public LiveEngine engine() { return engine; }

    public ChartPanel panel(String key) { return panels.panel(key); }

    public MlpView mlp() { return mlp; }

    public SideBySideView sideBySide() { return sideBySide; }

    public ComboBox<String> model() { return model; }
}
