package org.eoslab.cli;

/** Starts the JavaFX visualizer. */
final class AppLauncher {
    private AppLauncher() {}

    static void launch(String[] args) {
        throw new UsageException("the visualizer is not part of this build yet; use 'eos-lab run'");
    }
}
