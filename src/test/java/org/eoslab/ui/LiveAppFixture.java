package org.eoslab.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.eoslab.config.Parameters;
import org.eoslab.config.Preset;
import org.eoslab.run.LiveEngine;
import org.eoslab.run.LiveState;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real main view on a live engine, headless, and records any exception thrown on any thread. */
final class LiveAppFixture {
    final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    AppWindow window;
    Stage stage;

    void start(Stage stage, Parameters parameters) {
        start(stage, Preset.of("test", "a test run", parameters));
    }

    void start(Stage stage, Preset preset) {
        Thread.setDefaultUncaughtExceptionHandler(this::record);
        Thread.currentThread().setUncaughtExceptionHandler(this::record);
        this.stage = stage;
        stage.setWidth(1400);                        // TestFX reuses one stage: a size a test set must not carry over
        stage.setHeight(900);
        window = new AppWindow(stage, preset, 1400, 900);
        stage.show();
        window.start();
    }

    /** The view the window shows now (a preset opened replaces it). */
    MainView view() { return window.view(); }

    LiveEngine<Parameters> engine() { return window.engine(); }

    private void record(Thread t, Throwable e) {
        if (uncaught.isEmpty()) e.printStackTrace();
        uncaught.add(e);
    }

    /** The first few recorded exceptions, for a readable assertion message. */
    String exceptions() {
        return uncaught.size() + " exceptions, first: " + uncaught.subList(0, Math.min(3, uncaught.size()));
    }

    void stop() {
        if (window != null) window.close();
        forgetFiredEvents();
    }

    LiveState<Parameters> state() {
        return window.engine().state();
    }

    /**
     * TestFX keeps every event fired on the stage (FxToolkitContext.firedEvents), and each event its target: a
     * window replaced by an opened preset stayed reachable through them, so a long storm ran out of heap. Forgotten here.
     */
    static void forgetFiredEvents() {
        try {
            var field = org.testfx.api.FxToolkitContext.class.getDeclaredField("firedEvents");
            field.setAccessible(true);
            ((org.testfx.service.support.FiredEvents) field.get(org.testfx.api.FxToolkit.toolkitContext())).clearEvents();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TestFX's fired events cannot be cleared", e);
        }
    }

    static void waitUntil(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }
}
