package org.eoslab.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.eoslab.config.Preset;
import org.eoslab.config.Presets;

/** The visualizer. Started by {@code org.eoslab.cli.Main} (no arguments, or {@code --preset FILE}). */
public final class EosLabApp extends Application {
    public static final String DEFAULT_PRESET = "presets/default.json";

    private AppWindow window;

    @Override
    public void start(Stage stage) {
        window = new AppWindow(stage, presetFrom(getParameters().getRaw()), 1500, 920);
        stage.show();
        window.start();
        sessionFrom(getParameters().getRaw()).ifPresent(window.view().files()::openSession);
    }

    /** {@code --session FILE}: a saved session to open once the window is up (a bad one is refused in a dialog). */
    public static java.util.Optional<Path> sessionFrom(List<String> args) {
        int i = args.indexOf("--session");
        return i >= 0 && i + 1 < args.size() ? java.util.Optional.of(Path.of(args.get(i + 1))) : java.util.Optional.empty();
    }

    @Override
    public void stop() {
        if (window != null) window.close();
    }

    /** {@code --preset FILE} or the bundled default preset. */
    static Preset presetFrom(List<String> args) {
        int i = args.indexOf("--preset");
        if (i >= 0 && i + 1 < args.size()) return Presets.load(Path.of(args.get(i + 1)));
        return PresetLibrary.bundled(DEFAULT_PRESET);
    }
}
