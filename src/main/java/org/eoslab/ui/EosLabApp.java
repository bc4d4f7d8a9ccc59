package org.eoslab.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.eoslab.config.Preset;
import org.eoslab.config.Presets;
import org.eoslab.run.LiveEngine;

/** The visualizer. Started by {@code org.eoslab.cli.Main} (no arguments, or {@code --preset FILE}). */
public final class EosLabApp extends Application {
    public static final String DEFAULT_PRESET = "presets/default.json";
    public static final String STYLESHEET = "/org/eoslab/ui/app.css";

    private LiveEngine<org.eoslab.config.Parameters> engine;   // not Application.Parameters
    private MainView view;

    @Override
    public void start(Stage stage) {
        Preset preset = presetFrom(getParameters().getRaw());
        engine = LiveEngine.linear(preset.parameters(), true);
        view = new MainView(engine, preset);
        Scene scene = new Scene(view, 1500, 920);
        scene.getStylesheets().add(stylesheet());
        view.installShortcuts(scene, stage);
        stage.setTitle("EOS Lab — " + preset.title());
        stage.setScene(scene);
        stage.show();
        view.start();
        sessionFrom(getParameters().getRaw()).ifPresent(view.files()::openSession);
    }

    /** {@code --session FILE}: a saved session to open once the window is up (a bad one is refused in a dialog). */
    public static java.util.Optional<Path> sessionFrom(List<String> args) {
        int i = args.indexOf("--session");
        return i >= 0 && i + 1 < args.size() ? java.util.Optional.of(Path.of(args.get(i + 1))) : java.util.Optional.empty();
    }

    @Override
    public void stop() {
        if (view != null) view.stop();
        if (engine != null) engine.close();
    }

    public static String stylesheet() {
        return EosLabApp.class.getResource(STYLESHEET).toExternalForm();
    }

    /** {@code --preset FILE} or the bundled default preset. */
    static Preset presetFrom(List<String> args) {
        int i = args.indexOf("--preset");
        if (i >= 0 && i + 1 < args.size()) return Presets.load(Path.of(args.get(i + 1)));
        return PresetLibrary.bundled(DEFAULT_PRESET);
    }
}
