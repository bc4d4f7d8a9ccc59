package org.eoslab.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.eoslab.config.Parameters;
import org.eoslab.config.Preset;
import org.eoslab.run.LiveEngine;
import org.eoslab.run.LiveState;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real main view on a live engine, headless, and records any exception thrown on any thread. */
final class LiveAppFixture {
    final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    LiveEngine<Parameters> engine;
    MainView view;
    Stage stage;

    void start(Stage stage, Parameters parameters) {
        Thread.setDefaultUncaughtExceptionHandler(this::record);
        Thread.currentThread().setUncaughtExceptionHandler(this::record);
        this.stage = stage;
        engine = LiveEngine.linear(parameters, true);
        view = new MainView(engine, Preset.of("test", "a test run", parameters));
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(EosLabApp.stylesheet());
        view.installShortcuts(scene, stage);
        stage.setScene(scene);
        stage.show();
        view.start();
    }

    private void record(Thread t, Throwable e) {
        if (uncaught.isEmpty()) e.printStackTrace();
        uncaught.add(e);
    }

    /** The first few recorded exceptions, for a readable assertion message. */
    String exceptions() {
        return uncaught.size() + " exceptions, first: " + uncaught.subList(0, Math.min(3, uncaught.size()));
    }

    void stop() {
        if (view != null) view.stop();
        if (engine != null) engine.close();
    }

    LiveState<Parameters> state() {
        return engine.state();
    }

    static void waitUntil(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }
}
