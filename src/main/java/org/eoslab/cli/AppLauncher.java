package org.eoslab.cli;

import javafx.application.Application;
import org.eoslab.config.Presets;
import org.eoslab.ui.EosLabApp;

/** Starts the JavaFX visualizer; a bad --preset is reported before any window opens. */
final class AppLauncher {
    private AppLauncher() {}

    static void launch(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--preset")) {
                if (i + 1 >= args.length) throw new UsageException("--preset needs a value: --preset FILE");
                Presets.load(java.nio.file.Path.of(args[i + 1]));
            } else if (args[i].startsWith("--") && !args[i].equals("--preset")) {
                throw new UsageException("unknown option " + args[i] + "; the app takes --preset FILE");
            }
        }
        Application.launch(EosLabApp.class, args);
    }
}
