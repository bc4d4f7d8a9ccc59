package org.eoslab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.eoslab.config.Animation;
import org.eoslab.config.Network;
import org.eoslab.config.Parameters;
import org.eoslab.config.Preset;
import org.eoslab.config.View;
import org.eoslab.export.AnimationWriter;
import org.eoslab.export.PngWriter;
import org.eoslab.run.LiveEngine;
import org.eoslab.run.LiveState;
import org.eoslab.ui.AppWindow;
import org.eoslab.ui.MainView;
import org.eoslab.ui.NodeImages;
import org.eoslab.ui.Animator;

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

    /** The app's window on Monocle's headless screen, started on the preset. */
    record Window(AppWindow app) {
        static Window open(Preset preset) throws InterruptedException {
            RenderCommand.startHeadlessToolkit();
            return new Window(RenderCommand.onFx(() -> {
                AppWindow w = new AppWindow(new Stage(), preset, WIDTH, HEIGHT);
                w.stage().show();
                w.start();
                return w;
            }));
        }

        MainView main() { return app.view(); }

        LiveEngine<Parameters> engine() { return app.engine(); }

        void close() throws InterruptedException {
            RenderCommand.onFx(() -> {
                app.close();
                app.stage().hide();
                return null;
            });
        }
    }

    static List<Path> render(Preset preset, List<View> views, int scale, String caption, Path dir) throws InterruptedException {
        Parameters p = preset.parameters();
        Window w = Window.open(preset);
        List<Path> files = new ArrayList<>();
        try {
            await(() -> finished(w.engine().state(), p.steps()), "the linear run");
            for (View view : views) {
                RenderCommand.onFx(() -> { w.main().select(view); return null; });
                settle(w.main(), view);
                Path file = dir.resolve(RenderCommand.fileOf(view));
                RenderCommand.onFx(() -> {
                    PngWriter.write(NodeImages.render(w.main().liveView(view).picture(), scale), caption, scale, file);
                    return null;
                });
                files.add(file);
            }
        } finally {
            w.close();
        }
        return files;
    }

    /**
     * Records each animation from the window (see {@link Animator}) into DIR/&lt;name&gt;.gif and .mp4,
     * reporting progress on {@code log}.
     */
    static List<Path> animate(Preset preset, List<Animation> animations, Path dir, java.io.PrintStream log)
            throws InterruptedException {
        Window w = Window.open(preset);
        List<Path> files = new ArrayList<>();
        try {
            for (Animation a : animations) {
                Path gif = dir.resolve(a.name() + ".gif");
                Path mp4 = dir.resolve(a.name() + ".mp4");
                AnimationWriter writer = new AnimationWriter(gif, mp4, a.fps());
                var done = RenderCommand.onFx(() -> new Animator(w.main(), a, writer, (k, n) -> {
                    if (k % 10 == 0 || k.equals(n)) log.println(a.name() + ": frame " + k + " of " + n);
                }).start());
                try {
                    done.get(TIMEOUT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException(a.name() + ": the animation did not finish in 30 minutes");
                }
                files.add(gif);
                files.add(mp4);
            }
        } finally {
            w.close();
        }
        return files;
    }

    /** Waits for what the view shows: the runs of its networks, a finished sweep for the bifurcation view. */
    private static void settle(MainView main, View view) throws InterruptedException {
        Thread.sleep(SETTLE_MILLIS);
        for (Network n : main.liveView(view).networks()) {             // each network's run to its length
            var bench = main.bench(n);
            await(() -> finished(bench.state(), bench.controls().draft().steps()), "the " + n + " run");
        }
        if (view == View.BIFURCATION) await(() -> !main.bifurcation().busy(), "the bifurcation sweep");
        if (view == View.MAP) await(() -> !main.periodMap().busy(), "the period map");
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;   // measured at the last step (the landscape)
        while (!RenderCommand.onFx(() -> main.liveView(view).caughtUp())) {
            if (System.currentTimeMillis() > deadline) throw new IllegalStateException("the " + view.label() + " view did not catch up in 30 minutes");
            Thread.sleep(50);
        }
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
