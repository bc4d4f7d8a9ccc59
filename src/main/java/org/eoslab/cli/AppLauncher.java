package org.eoslab.cli;

import javafx.application.Application;
import org.eoslab.config.Presets;
import org.eoslab.ui.EosLabApp;

/**
 * Starts the JavaFX visualizer; a bad --preset, or a --session that is not a readable file, is reported before any
 * window opens (the session's contents are checked by the app, which says what is wrong in a dialog).
 */
final class AppLauncher {
    /** The extension of saved sessions, registered with the desktop by the installers. */
    static final String SESSION_SUFFIX = ".eoslab";

    private AppLauncher() {}

    static void launch(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--preset") || args[i].equals("--session")) {
                if (i + 1 >= args.length) throw new UsageException(args[i] + " needs a value: " + args[i] + " FILE");
                java.nio.file.Path file = java.nio.file.Path.of(args[++i]);
                if (args[i - 1].equals("--preset")) Presets.load(file);
                else if (!java.nio.file.Files.isRegularFile(file) || !java.nio.file.Files.isReadable(file)) {
                    throw new UsageException("--session: " + file + " is not a readable file");
                }
            } else if (args[i].startsWith("--")) {
                throw new UsageException("unknown option " + args[i] + "; the app takes --preset FILE or --session FILE");
            }
        }
        requireDisplay(System.getenv(), System.getProperty("os.name", ""), System.getProperty("glass.platform"));
        try {
            Application.launch(EosLabApp.class, args);
        } catch (UnsupportedOperationException e) {                       // GTK could not open the display
            throw new UsageException(NO_DISPLAY + " (" + e.getMessage() + ")");
        }
    }

    static final String NO_DISPLAY = "no display to open a window on: run it on a desktop, under a virtual one "
            + "(xvfb-run java -jar eos-lab.jar), or use the headless commands run, sweep, render and bench (eos-lab --help)";

    /** On Linux a window needs DISPLAY or WAYLAND_DISPLAY (unless a headless glass platform was chosen). */
    static void requireDisplay(java.util.Map<String, String> env, String os, String glassPlatform) {
        if (!os.toLowerCase(java.util.Locale.ROOT).contains("linux") || glassPlatform != null) return;
        boolean none = isBlank(env.get("DISPLAY")) && isBlank(env.get("WAYLAND_DISPLAY"));
        if (none) throw new UsageException(NO_DISPLAY);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
