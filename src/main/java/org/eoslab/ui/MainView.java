package org.eoslab.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.Network;
import org.eoslab.config.Parameters;
import org.eoslab.config.Preset;
import org.eoslab.config.View;
import org.eoslab.run.LiveEngine;
import org.eoslab.run.LiveState;
import org.eoslab.run.SessionData;
import org.eoslab.ui.chart.TypeScale;
import org.eoslab.ui.controls.ControlPanel;
import org.eoslab.ui.controls.RunToolbar;
import org.eoslab.ui.mlp.MlpControls;
import org.eoslab.ui.mlp.MlpPanels;
import org.eoslab.ui.mlp.MlpView;
import org.eoslab.ui.mlp.SideBySideView;
import org.eoslab.ui.orbit.BifurcationView;
import org.eoslab.ui.orbit.OrbitView;
import org.eoslab.ui.orbit.PeriodMapView;
import org.eoslab.ui.mlp.MlpSweepView;
import org.eoslab.ui.training.BalanceView;
import org.eoslab.ui.training.LinearPanels;
import org.eoslab.ui.training.TrainingView;
import org.eoslab.ui.landscape.LandscapeView;
import org.eoslab.ui.view.LiveView;
import org.eoslab.ui.workbench.Workbench;

/**
 * The window: menus, the toolbar (model switch and the linear run's controls), the linear network's parameter
 * controls, one tab per {@link LiveView} and the status bar. Menu actions live in {@link FileActions} and
 * {@link Menus}, the per-frame loop in {@link FrameLoop}; the FX thread never waits on an engine.
 */
public final class MainView extends BorderPane implements WindowActions {
    public static final String DARK_CSS = "/org/eoslab/ui/dark.css";
    /** Line widths and marker sizes in presentation mode. */
    static final double PRESENTATION_LINE_SCALE = 2.2;

    private final LiveEngine<Parameters> engine;
    private final ControlPanel controls;
    private final Workbench<Parameters> linear;
    private final Workbench<MlpParameters> relu;
    private final Map<Network, Workbench<?>> benches = new EnumMap<>(Network.class);
    private final ScrollPane side;
    private final StatusBar status = new StatusBar();
    private final TrainingView training;
    private final OrbitView orbit;
    private final BifurcationView bifurcation;
    private final BalanceView balance;
    private final LandscapeView landscape;
    private final LandscapeView reluLandscape;
    private final MlpSweepView mlpSweep;
    private final PeriodMapView periodMap;
    private final MlpView mlp;
    private final SideBySideView sideBySide;
    private final Map<View, LiveView> views = new EnumMap<>(View.class);
    private final Map<View, Tab> tabByView = new EnumMap<>(View.class);
    private final TabPane tabs = new TabPane();
    private final RunToolbar linearRun;
    private final ComboBox<Model> model = new ComboBox<>(FXCollections.observableArrayList(Model.values()));
    private final Dialogs dialogs = new Dialogs(this);
    private final FileActions files;
    private final Menus menus;
    private final FrameLoop loop = new FrameLoop(this::frame);
    private boolean presentation;
    private volatile double framesPerSecond;
    private boolean controlsShown = true;
    private boolean dark;
    private Preset preset;
    private final Consumer<Preset> presetOpener;
    private int shownGeneration = -1;
    private final int staleUpTo;

    /**
     * The window's content on {@code preset}; opening another preset goes to {@code presetOpener} (a fresh start).
     * Runs of {@code engine} up to generation {@code before} (the previous preset's) are never shown.
     */
    public MainView(LiveEngine<Parameters> engine, Preset preset, Consumer<Preset> presetOpener, int before) {
        this.engine = engine;
        this.staleUpTo = before;
        this.preset = preset;
        this.presetOpener = presetOpener;
        this.controls = new ControlPanel(preset.parameters());
        LinearPanels linearPanels = new LinearPanels();
        this.linear = Workbenches.linear(engine, controls, linearPanels);
        MlpControls mlpControls = new MlpControls(MlpParameters.defaults());
        MlpPanels mlpPanels = new MlpPanels();
        this.relu = Workbenches.relu(mlpControls, mlpPanels);
        benches.put(linear.network(), linear);
        benches.put(relu.network(), relu);
        this.mlp = new MlpView(relu, mlpControls, mlpPanels);
        this.reluLandscape = new LandscapeView(relu, View.MLP_LANDSCAPE, "ReLU landscape", mlp::sideControls);
        this.mlpSweep = new MlpSweepView(mlpControls::draft, mlp::sideControls);
        this.training = new TrainingView(linear, linearPanels);
        this.orbit = new OrbitView(engine);
        this.bifurcation = new BifurcationView(engine, controls::draft, controls::applyEta);
        this.balance = new BalanceView(engine);
        this.landscape = new LandscapeView(linear, View.LANDSCAPE, "Landscape", null);
        this.periodMap = new PeriodMapView(controls::draft, (p, reading) -> {
            linear.setText("A cell of the period map", reading);      // the preset's text no longer describes the run
            showParameters(p); restart(p, true);
        });
        this.sideBySide = new SideBySideView(linear, relu);
        this.linearRun = linear.toolbar();
        this.files = new FileActions(this, dialogs);
        this.menus = new Menus(this, files);
        setId("main-view");
        side = new ScrollPane(controls);
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.setPrefWidth(350);
        setTop(new VBox(menus.bar(), toolBar()));
        for (LiveView v : List.of(training, orbit, bifurcation, balance, landscape, periodMap, mlp, reluLandscape, mlpSweep, sideBySide)) addTab(v);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, o, tab) -> onTab(tab));
        tabs.setId("tabs");
        setCenter(tabs);
        setBottom(status);
        setLeft(side);
        bifurcation.resetRange(preset.parameters());
        loadNetwork(preset);                                 // before the view: the network starts on the preset's
        applyView(preset);
        training.setForkEta(() -> controls.draft().eta());
        orbit.setWindowEnd(training::scrubbedStep);
    }

    private void addTab(LiveView v) {
        Tab tab = new Tab(v.title(), v.content());
        tab.setId("tab-" + v.name().label());
        tab.setClosable(false);
        tab.setUserData(v);
        views.put(v.name(), v);
        tabByView.put(v.name(), tab);
        tabs.getTabs().add(tab);
    }

    private ToolBar toolBar() {
        linearRun.setId("linear-run-controls");
        model.setId("model");
        model.setValue(Model.LINEAR);
        model.setTooltip(new Tooltip("Which network to watch: the deep linear network, the ReLU MLP of §4.2, or both (Fig. 1)"));
        model.valueProperty().addListener((obs, o, v) -> { if (v != null) showModel(v); });
        return new ToolBar(new Label("model"), model, new Separator(), linearRun);
    }

    public void start() { loop.start(); }

    /** Stops the frame loop, an edit not yet sent and the running sweeps (FX thread; returns at once). */
    public void stopDrawing() {
        loop.stop();
        controls.cancelPending();
        periodMap.cancel();
        bifurcation.cancel();
        mlpSweep.cancel();
    }

    /** Stops the ReLU network's engine thread, if it was started (waits for its step; any thread). */
    public void closeRelu() { relu.close(); }

    /** A view brings its own controls (the MLP) or shows the window's; the model switch follows the tab. */
    private void onTab(Tab tab) {
        LiveView v = (LiveView) tab.getUserData();
        v.onShown();
        v.presentType(presentation);
        boolean own = v.sideControls() != null;
        linearRun.setVisible(!own);
        linearRun.setManaged(!own);
        status.setScope(own ? "linear network (in the background):" : null);
        setLeft(controlsShown ? (own ? v.sideControls() : side) : null);
        Model shown = Model.of(v.name());
        if (shown != model.getValue()) model.setValue(shown);
    }

    /** The model switch: the linear network's training view, the ReLU network, or both side by side. */
    public void showModel(Model m) {
        if (Model.of(selectedView().name()) == m) return;      // already on one of the model's views
        select(m.view());
    }

    @Override
    public void select(View v) { tabs.getSelectionModel().select(tabByView.get(v)); }

    /** The content of a view's tab (for rendering it to a picture). */
    @Override
    public javafx.scene.Node content(View v) { return views.get(v).content(); }

    /** The view of a tab. */
    @Override
    public LiveView liveView(View v) { return views.get(v); }

    @Override
    public LiveView selectedView() { return (LiveView) tabs.getSelectionModel().getSelectedItem().getUserData(); }

    /** Opens a preset as a fresh start with it: the window builds a new view on it (see {@link AppWindow}). */
    @Override
    public void loadPreset(Preset p) { presetOpener.accept(p); }

    /** A preset's ReLU network goes to its tab, with the preset's text when the preset is about that network. */
    private void loadNetwork(Preset p) {
        if (p.mlp() == null) return;
        boolean about = p.networkOrDefault() == relu.network();
        relu.load(p.mlp(), about ? p.title() : null, about ? p.description() : null);
    }

    /** Shows parameters in the controls and the bifurcation range without sending anything. */
    @Override
    public void showParameters(Parameters p) {
        controls.show(p);
        bifurcation.resetRange(p);
    }

    /** The preset's text, panels and tab, without touching the run. */
    void applyView(Preset p) {
        preset = p;
        linear.setText(p.title(), p.description());
        menus.showPanels(p.panels());
        training.setSingleMode(false);
        select(p.viewOrDefault());
    }

    /** Starts the linear run over from step 0 and plays it. */
    @Override
    public void reset() { shownBench().reset(); }

    /** Every restart of the linear run goes through its workbench: the controls wait for it. */
    @Override
    public void restart(Parameters p, boolean play) {
        linear.restart(p, play);
    }

    /** Starts the linear run over from step 0 at learning rate {@code eta}, paused (an animated export drives it). */
    public void replayPaused(double eta) {
        linear.replayPaused(eta);
        bifurcation.resetRange(controls.draft());
    }

    /**
     * Opens a session in its network's workbench and shows that network's view; a session of the linear network
     * also shows its parameters' panels and η range.
     */
    @Override
    public void openSession(SessionData<?> session) {
        Workbench<?> bench = benches.get(network(session));
        bench.open(session);
        if (bench == linear) applyView(Preset.of(session.title(), session.description(), controls.draft()));
        select(bench.home());
    }

    /** The network a session's parameters belong to. */
    private Network network(SessionData<?> s) {
        for (Workbench<?> b : benches.values()) if (b.sessions().type().isInstance(s.parameters())) return b.network();
        throw new IllegalArgumentException("no workbench for " + s.parameters().getClass().getSimpleName());
    }

    /** The workbench of a network. */
    @Override
    public Workbench<?> bench(Network n) { return benches.get(n); }

    /** The workbench of the network the shown tab is about. */
    @Override
    public Workbench<?> shownBench() { return benches.get(selectedView().network()); }

    /** Presentation mode: large type, thick lines, controls tucked away (F adds full screen). */
    @Override
    public void setPresentation(boolean on) {
        presentation = on;
        TypeScale.present(getTop(), on);                                  // the toolbars' chrome size, not the room's
        for (LiveView v : views.values()) {
            v.presentType(on && v == selectedView());                       // the others when shown
            v.setLineScale(on ? PRESENTATION_LINE_SCALE : 1);
            v.setPresentation(on);
        }
        setControlsVisible(!on);
    }

    @Override
    public void setDark(boolean on) {
        dark = on;
        toggleStylesheet(DARK_CSS, on);
    }

    @Override
    public void setControlsVisible(boolean visible) {
        controlsShown = visible;
        Node own = selectedView().sideControls();
        setLeft(visible ? (own != null ? own : side) : null);
    }

    private void toggleStylesheet(String resource, boolean on) {
        if (getScene() == null) return;
        String url = MainView.class.getResource(resource).toExternalForm();
        var sheets = getScene().getStylesheets();
        if (on && !sheets.contains(url)) sheets.add(url);
        if (!on) sheets.remove(url);
    }

    /** One frame: every view updates (on a time budget), then the status bar, readouts and toolbar. */
    private void frame(long budgetNanos, double framesPerSecond) {
        this.framesPerSecond = framesPerSecond;
        LiveState<Parameters> s = engine.state();
        if (s.generation() <= staleUpTo) return;                       // the previous preset's run, until it restarts
        boolean fresh = s.history() != null && s.generation() != shownGeneration;
        linear.follow(s, fresh);
        if (fresh) {
            shownGeneration = s.generation();
            if (!bifurcation.busy()) bifurcation.resetRange(s.parameters());
        }
        LiveView shown = selectedView();
        for (LiveView v : views.values()) v.frame(budgetNanos, v == shown);
        status.update(s, framesPerSecond);
        controls.showLive(s);
        linearRun.sync(s);
    }

    /** The run toolbar the keyboard drives: the shown tab's network's. */
    @Override
    public RunToolbar activeToolbar() {
        return shownBench().toolbar();
    }

    /** Frames drawn per second, as the status bar shows it (re-measured every half second). */
    public double framesPerSecond() { return framesPerSecond; }

    /** Frames the window has completed since it started. */
    public long framesDrawn() { return loop.framesDrawn(); }

    @Override
    public boolean presentation() { return presentation; }

    @Override
    public boolean controlsShown() { return controlsShown; }

    @Override
    public boolean dark() { return dark; }

    @Override
    public Preset preset() { return preset; }

    @Override
    public Dialogs dialogs() { return dialogs; }

    public FileActions files() { return files; }

    public String lastError() { return dialogs.lastError(); }

    @Override
    public TrainingView training() { return training; }

    public OrbitView orbit() { return orbit; }

    public BalanceView balance() { return balance; }

    public LandscapeView landscape() { return landscape; }

    /** The ReLU network's landscape tab. */
    public LandscapeView reluLandscape() { return reluLandscape; }

    @Override
    public BifurcationView bifurcation() { return bifurcation; }

    @Override
    public PeriodMapView periodMap() { return periodMap; }

    /** The ReLU sweep tab (tests). */
    public MlpSweepView mlpSweep() { return mlpSweep; }

    public TabPane tabs() { return tabs; }

    @Override
    public ControlPanel controls() { return controls; }

    public StatusBar status() { return status; }

    public LiveEngine<Parameters> engine() { return engine; }

    public MlpView mlp() { return mlp; }

    public SideBySideView sideBySide() { return sideBySide; }

    public ComboBox<Model> model() { return model; }
}
