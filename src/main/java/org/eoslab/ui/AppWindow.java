package org.eoslab.ui;

import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.eoslab.config.Parameters;
import org.eoslab.config.Preset;
import org.eoslab.run.LiveEngine;
import org.eoslab.ui.chart.TypeScale;

/**
 * The app's window. Its scene shows one {@link MainView} at a time, on the window's linear engine. Opening a preset
 * is a fresh start: the old view is retired, the engine restarts on the preset and a new view is built, so nothing a
 * lecture did before (a zoom, a pin, a layer choice, a sweep's settings) leaks into the next preset. Only the
 * window's look carries over: theme, presentation mode, whether the controls are shown, full screen.
 */
public final class AppWindow {
    public static final String STYLESHEET = "/org/eoslab/ui/app.css";
    private final Stage stage;
    private final Scene scene;
    private LiveEngine<Parameters> engine;
    private MainView view;

    /** Builds the window on {@code preset} (FX thread); {@link #start()} starts its frame loop. */
    public AppWindow(Stage stage, Preset preset, double width, double height) {
        this.stage = stage;
        this.scene = new Scene(new Pane(), width, height);
        scene.getStylesheets().add(stylesheet());
        scene.getStylesheets().addAll(TypeScale.windowStylesheets());
        Shortcuts.install(() -> view, () -> view.files(), scene, stage);
        stage.setScene(scene);
        show(preset);
    }

    /** Starts the shown view's frame loop (once the stage is up). */
    public void start() { view.start(); }

    /** Opens a preset as a fresh start with it would: the engine restarted, a new view, the window's look kept (FX thread). */
    public void open(Preset preset) {
        MainView old = view;
        old.stopDrawing();
        show(preset);
        view.setDark(old.dark());
        view.setPresentation(old.presentation());
        view.setControlsVisible(old.controlsShown());
        view.start();
        retire(old);
    }

    /**
     * The window's linear engine lives as long as the window: a preset restarts it (one engine's memory, as before),
     * and the new view shows none of the previous run.
     */
    private void show(Preset preset) {
        int before = -1;
        if (engine == null) {
            engine = LiveEngine.linear(preset.parameters(), true);
        } else {
            before = engine.state().generation();
            engine.restart(preset.parameters(), true);
        }
        view = new MainView(engine, preset, this::open, before);
        scene.setRoot(view);
        stage.setTitle("EOS Lab — " + preset.title());
    }

    /** The old view's ReLU engine, if it started, winds down off the FX thread (its sweeps were cancelled). */
    private static void retire(MainView old) {
        Thread t = new Thread(old::closeRelu, "eos-retire");
        t.setDaemon(true);
        t.start();
    }

    /** Stops the view and its engines (the app is closing). */
    public void close() {
        view.stopDrawing();
        view.closeRelu();
        engine.close();
    }

    /** The app's stylesheet (colours and weights; the type sizes are {@link TypeScale}'s). */
    public static String stylesheet() {
        return AppWindow.class.getResource(STYLESHEET).toExternalForm();
    }

    public MainView view() { return view; }

    public LiveEngine<Parameters> engine() { return engine; }

    public Stage stage() { return stage; }
}
