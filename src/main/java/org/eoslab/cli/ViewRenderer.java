package org.eoslab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.Parameters;
import org.eoslab.config.Preset;
import org.eoslab.config.View;
import org.eoslab.export.PngWriter;
import org.eoslab.run.LiveEngine;
import org.eoslab.run.LiveState;
import org.eoslab.ui.EosLabApp;
import org.eoslab.ui.MainView;
import org.eoslab.ui.NodeImages;

/**
 * A preset's views as the app draws them, without a display: the real window on Monocle's headless screen,
 * its runs played to their length, then each requested tab shown, given time to draw (the bifurcation view
 * sweeps itself), and its content written as one PNG.
 */
final class ViewRenderer {
    static final int WIDTH = 1500;
    static final int HEIGHT = 950;
    /** Pulses a shown tab gets to range its axes and draw. */
    static final long SETTLE_MILLIS = 1500;
    static final long TIMEOUT_MILLIS = 30 * 60_000L;

    private ViewRenderer() {}

    static List<Path> render(Preset preset, List<View> views, int scale, String caption, Path dir) throws InterruptedException {
        RenderCommand.startHeadlessToolkit();
        Parameters p = preset.parameters();
        LiveEngine<Parameters> engine = LiveEngine.linear(p, true);
        Stage stage = RenderCommand.onFx(Stage::new);
        MainView main = RenderCommand.onFx(() -> {
            MainView v = new MainView(engine, preset);
            Scene scene = new Scene(v, WIDTH, HEIGHT);
            scene.getStylesheets().add(EosLabApp.stylesheet());
            stage.setScene(scene);
            stage.show();
            v.start();
            return v;
        });
        List<Path> files = new ArrayList<>();
        try {
            await(() -> finished(engine.state(), p.steps()), "the linear run");
            for (View view : views) {
                RenderCommand.onFx(() -> { main.select(view); return null; });
                settle(main, view, preset.mlp());
                Path file = dir.resolve(view.label() + ".png");
                RenderCommand.onFx(() -> {
                    PngWriter.write(NodeImages.render(main.content(view), scale), caption, scale, file);
                    return null;
                });
                files.add(file);
            }
        } finally {
            RenderCommand.onFx(() -> {
                main.stop();
                stage.hide();
                return null;
            });
            engine.close();
        }
        return files;
    }

    /** Waits for what the view shows: the ReLU run for its views, a finished sweep for the bifurcation view. */
    private static void settle(MainView main, View view, MlpParameters mlp) throws InterruptedException {
        Thread.sleep(SETTLE_MILLIS);
        if ((view == View.MLP || view == View.FIG1) && mlp != null) {
            await(() -> main.mlp().engine() != null && finished(main.mlp().engine().state(), mlp.steps()), "the ReLU run");
        }
        if (view == View.BIFURCATION) await(() -> !main.bifurcation().busy(), "the bifurcation sweep");
        Thread.sleep(SETTLE_MILLIS);
    }

    private static boolean finished(LiveState<?> s, long steps) {
        return s != null && s.history() != null && (s.steps() >= steps || !s.playing() || s.diverged());
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) throw new IllegalStateException(what + " did not finish in 30 minutes");
            Thread.sleep(50);
        }
    }
}
