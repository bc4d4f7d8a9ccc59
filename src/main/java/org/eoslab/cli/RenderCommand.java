package org.eoslab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.eoslab.config.Animation;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.Panel;
import org.eoslab.config.Parameters;
import org.eoslab.config.Preset;
import org.eoslab.config.Presets;
import org.eoslab.config.RunParameters;
import org.eoslab.config.View;
import org.eoslab.export.AtomicFiles;
import org.eoslab.export.PngWriter;
import org.eoslab.run.History;
import org.eoslab.run.MlpTrainer;
import org.eoslab.run.Run;
import org.eoslab.run.Trainer;
import org.eoslab.ui.AppWindow;
import org.eoslab.ui.NodeImages;
import org.eoslab.ui.chart.ChartPanel;
import org.eoslab.ui.chart.TypeScale;
import org.eoslab.ui.mlp.MlpPanel;
import org.eoslab.ui.mlp.MlpPanels;
import org.eoslab.ui.training.LinearPanels;

/**
 * {@code eos-lab render --preset FILE [--steps T] [--scale 1|2|3] [--caption] --out DIR}: runs a preset headless
 * and writes each of its panels to DIR/&lt;panel&gt;.png with the app's own chart code, on JavaFX's headless
 * platform (no display needed). A panel is {@link #WIDTH}×{@link #HEIGHT} at 1×.
 */
final class RenderCommand {
    static final int WIDTH = 900;
    static final int HEIGHT = 560;
    static final List<Options.Spec> SPECS = List.of(
            new Options.Spec("preset", "FILE", "the preset to run (required)"),
            new Options.Spec("steps", "T", "steps to run (default: the preset's)"),
            new Options.Spec("scale", "S", "1, 2 or 3 (pixels per point, default 2; 1 with --animate)"),
            new Options.Spec("caption", null, "add a caption line with the parameters"),
            new Options.Spec("view", "V", "training (each panel) | orbit | bifurcation | balance | map | mlp | fig1 | all;"
                    + " default: the panels and the preset's own view (with --animate: the preset's own view)"),
            new Options.Spec("animate", null, "write animations (looping .gif and H.264 .mp4) instead of pictures"),
            new Options.Spec("frames", "N", "with --animate: frames, 2-" + Animation.MAX_FRAMES + " (default " + Animation.DEFAULT_FRAMES + ")"),
            new Options.Spec("fps", "F", "with --animate: frames per second, 1-50 (default " + Animation.DEFAULT_FPS
                    + "; a GIF counts in 1/100 s, so 30 plays at 33.3)"),
            new Options.Spec("from-step", "S", "with --animate: the first frame's step (default 0); the last is --steps"),
            new Options.Spec("eta-from", "A", "with --animate: an η range instead of a step range, from A ..."),
            new Options.Spec("eta-to", "B", "... to B (each frame the run at one η, --steps long)"),
            new Options.Spec("panel", "P", "with --animate --view training: one panel (" + panelNames() + ")"),
            Options.OUT_DIR,
            Options.HELP);

    private RenderCommand() {}

    static int execute(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Options o = Options.parse("render", SPECS, args, 1);
        if (o.has("help")) {
            out.print("usage: eos-lab render --preset FILE [options] --out DIR\n\n" + Options.usage(SPECS));
            return 0;
        }
        if (!o.has("preset")) throw new UsageException("--preset FILE is required");
        Preset preset = Presets.load(o.getPath("preset"));
        Parameters p = preset.parameters();
        if (o.has("steps")) {
            long steps = o.getLong("steps");
            if (steps < 0 || steps > Parameters.MAX_STEPS) throw new UsageException("--steps: " + steps + " is outside the allowed range [0, " + Parameters.MAX_STEPS + "]");
            p = p.withSteps(steps);
        }
        int scale = o.has("scale") ? o.getInt("scale") : o.has("animate") ? 1 : 2;
        if (scale < 1 || scale > 3) throw new UsageException("--scale: " + scale + " is outside the allowed range [1, 3]");
        if (!o.has("out")) throw new UsageException("--out DIR is required");
        Path dir = o.getPath("out");
        AtomicFiles.requireWritableDirectory(dir, "--out");

        if (o.has("animate")) return animate(o, preset, p, scale, dir, out, err);
        for (String only : List.of("frames", "fps", "from-step", "eta-from", "eta-to", "panel")) {
            if (o.has(only)) throw new UsageException("--" + only + " needs --animate");
        }
        return pictures(o, preset, p, scale, dir, out);
    }

    /** The preset's panels and views as PNG files, written as one set. */
    private static int pictures(Options o, Preset preset, Parameters p, int scale, Path dir, PrintStream out)
            throws InterruptedException {
        List<View> views = views(o, preset);
        RunParameters own = preset.withParameters(p).ownParameters();      // the network the preset is about
        String caption = !o.has("caption") ? null : PngWriter.caption(own);
        List<Path> written = together(dir, () -> {                          // the pictures land as one set, or none
            List<Path> files = new ArrayList<>();
            if (views.contains(View.TRAINING)) {
                files.addAll(own instanceof MlpParameters m
                        ? renderMlp(m, o.has("steps") ? p.steps() : null, scale, caption, dir)
                        : renderLinear(p, preset.panels().isEmpty() ? List.of(Panel.values()) : preset.panels(), scale, caption, dir));
            }
            List<View> tabs = views.stream().filter(v -> v != View.TRAINING).toList();
            if (!tabs.isEmpty()) {
                Preset run = preset.withParameters(p);
                if (o.has("steps") && preset.mlp() != null) run = run.withMlp(preset.mlp().withSteps(p.steps()));
                files.addAll(ViewRenderer.render(run, tabs, scale, caption, dir));
            }
            return files;
        });
        for (Path f : written) out.println("wrote " + f);
        return 0;
    }

    /** Writes a command's files as one set (see {@link AtomicFiles#together}); a failure to place them names the folder. */
    static <T> T together(Path dir, AtomicFiles.Work<T> work) throws InterruptedException {
        try {
            return AtomicFiles.together(work);
        } catch (java.io.IOException e) {
            throw new org.eoslab.export.ExportException("cannot write the pictures into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String panelNames() {
        return String.join(", ", java.util.Arrays.stream(Panel.values()).map(Panel::label).toList());
    }

    /** --animate: one GIF and one MP4 per view (or for one training panel), over a step or an η range. */
    private static int animate(Options o, Preset preset, Parameters p, int scale, Path dir, PrintStream out, PrintStream err)
            throws InterruptedException {
        Preset run = preset.withParameters(p);
        if (o.has("steps") && preset.mlp() != null) run = run.withMlp(preset.mlp().withSteps(p.steps()));
        boolean etaRange = o.has("eta-from") || o.has("eta-to");
        if (etaRange && !(o.has("eta-from") && o.has("eta-to"))) throw new UsageException("an η range needs both --eta-from and --eta-to");
        if (etaRange && o.has("from-step")) throw new UsageException("--from-step belongs to a step range; an η range has --eta-from/--eta-to");
        List<View> views;
        if (!o.has("view")) views = List.of(run.viewOrDefault());
        else if (o.get("view").equals("all")) views = withData(run).stream().filter(v -> !etaRange || v != View.FIG1).toList();
        else views = views(o, preset);
        Panel panel = null;
        if (o.has("panel")) {
            panel = java.util.Arrays.stream(Panel.values()).filter(x -> x.label().equals(o.get("panel"))).findFirst()
                    .orElseThrow(() -> new UsageException("--panel: '" + o.get("panel") + "' is not one of " + panelNames()));
            if (!views.equals(List.of(View.TRAINING))) throw new UsageException("--panel is one of the training view's panels: use it with --view training");
        }
        List<Animation> animations = new ArrayList<>();
        try {
            for (View v : views) {
                Preset shown = run;
                long end = v.networks().stream().mapToLong(n -> shown.parametersOf(n).steps()).min().orElse(p.steps());
                animations.add(new Animation(v, panel,
                        etaRange ? Animation.Range.ETA : Animation.Range.STEPS,
                        etaRange ? o.getDouble("eta-from") : o.has("from-step") ? o.getLong("from-step") : 0,
                        etaRange ? o.getDouble("eta-to") : end,
                        o.has("frames") ? o.getInt("frames") : Animation.DEFAULT_FRAMES,
                        o.has("fps") ? o.getInt("fps") : Animation.DEFAULT_FPS,
                        scale, o.has("caption")));
            }
        } catch (org.eoslab.config.InvalidParameterException e) {
            throw new UsageException(ANIMATION_OPTIONS.getOrDefault(e.field(), e.field()) + ": " + e.problem());
        }
        Preset animated = run;
        for (Path f : together(dir, () -> ViewRenderer.animate(animated, animations, dir, err))) out.println("wrote " + f);
        return 0;
    }

    /** An animation's fields as this command's options name them (the last step is --steps). */
    private static final java.util.Map<String, String> ANIMATION_OPTIONS = java.util.Map.of("from step", "--from-step",
            "to step", "--steps", "eta from", "--eta-from", "eta to", "--eta-to", "frames", "--frames", "fps", "--fps",
            "scale", "--scale", "view", "--view", "panel", "--panel");

    /**
     * --view: one view, all of them, or (default) the panels and the preset's own view. "all" is every view the
     * preset has data for: the ReLU network's views only when the preset sets that network up (an explicit
     * {@code --view mlp} runs it on its defaults).
     */
    private static List<View> views(Options o, Preset preset) {
        if (!o.has("view")) {
            View own = preset.view() == null ? View.TRAINING : preset.view();
            return own == View.TRAINING || !drawable(own) ? List.of(View.TRAINING) : List.of(View.TRAINING, own);
        }
        if (o.get("view").equals("all")) return withData(preset);
        View v = java.util.Arrays.stream(View.values()).filter(RenderCommand::drawable)
                .filter(x -> x.label().equals(o.get("view"))).findFirst().orElse(null);
        if (v == null) {
            throw new UsageException("--view: " + org.eoslab.config.Messages.quote(o.get("view")) + " is not one of: "
                    + String.join(", ", java.util.Arrays.stream(View.values()).filter(RenderCommand::drawable).map(View::label).toList())
                    + ", all" + (o.get("view").equals(View.MLP_SWEEP.label()) ? " (a ReLU sweep's picture is what 'eos-lab sweep --model mlp' writes)" : ""));
        }
        return List.of(v);
    }

    /** A view a preset's run draws: every one but the ReLU sweep, which is computed on request (its own command). */
    static boolean drawable(View v) { return v != View.MLP_SWEEP; }

    /** The views whose networks the preset sets up (the linear network always). */
    static List<View> withData(Preset preset) {
        return java.util.Arrays.stream(View.values()).filter(preset::hasDataFor).toList();
    }

    /** A view's file: its name, or name-view when a training panel has the same name (balance.png was written twice). */
    static String fileOf(View v) {
        boolean clash = java.util.Arrays.stream(Panel.values()).anyMatch(p -> p.label().equals(v.label()));
        return (clash ? v.label() + "-view" : v.label()) + ".png";
    }

    /** Runs a run to its length and keeps every row. */
    private static History history(Run<?> run, long steps) {
        History history = new History(run.columns());
        history.append(run.snapshot());
        while (run.step() < steps && run.advance()) history.append(run.snapshot());
        return history;
    }

    private static List<Path> renderLinear(Parameters p, List<Panel> keys, int scale, String caption, Path dir)
            throws InterruptedException {
        Trainer trainer = new Trainer(p);
        History history = history(trainer, p.steps());
        startHeadlessToolkit();
        LinearPanels panels = onFx(() -> {
            LinearPanels set = new LinearPanels();
            set.rebuild(p, trainer.targetValues(), history);
            set.set().consume(history, 0, history.size());
            return set;
        });
        List<ChartPanel> shown = keys.stream().map(panels::panel).toList();
        return renderPanels(shown, keys.stream().map(Panel::label).toList(), trainer.step(), scale, caption, dir);
    }

    /** The ReLU network's panels of a preset about it (paper section 4.2). */
    private static List<Path> renderMlp(MlpParameters p, Long steps, int scale, String caption, Path dir)
            throws InterruptedException {
        MlpParameters q = steps == null ? p : p.withSteps(steps);
        MlpTrainer trainer = new MlpTrainer(q);
        History history = history(trainer, q.steps());
        startHeadlessToolkit();
        MlpPanels panels = onFx(() -> {
            MlpPanels set = new MlpPanels();
            set.rebuild(q, trainer.targetValues(), history);
            set.set().consume(history, 0, history.size());
            return set;
        });
        List<MlpPanel> all = List.of(MlpPanel.values());
        return renderPanels(all.stream().map(panels::panel).toList(), MlpPanels.KEYS, trainer.step(), scale,
                caption, dir);
    }

    private static List<Path> renderPanels(List<ChartPanel> shown, List<String> names, long lastStep, int scale,
                                           String caption, Path dir) throws InterruptedException {
        Stage stage = onFx(Stage::new);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            ChartPanel panel = shown.get(i);
            onFx(() -> {
                Scene scene = new Scene(panel, WIDTH, HEIGHT);
                scene.getStylesheets().add(AppWindow.stylesheet());
                scene.getStylesheets().addAll(TypeScale.windowStylesheets());
                stage.setScene(scene);
                stage.show();
                return null;
            });
            drawOverPulses(panel, lastStep);
            Path file = dir.resolve(names.get(i) + ".png");
            onFx(() -> {
                PngWriter.write(NodeImages.render(panel, scale), caption, scale, file);
                stage.getScene().setRoot(new javafx.scene.layout.Pane());
                return null;
            });
            files.add(file);
        }
        onFx(() -> {
            stage.hide();
            return null;
        });
        return files;
    }

    /**
     * Feeds the panel for a few consecutive pulses, as the app's frame loop does: ChartFX ranges its axes and
     * draws its canvas in the layout passes of pulses, which a snapshot alone does not run.
     */
    private static void drawOverPulses(ChartPanel panel, long lastStep) throws InterruptedException {
        CountDownLatch drawn = new CountDownLatch(1);
        Platform.runLater(() -> new javafx.animation.AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                panel.flush(lastStep);
                panel.chart().invalidate();
                if (++frames == PULSES) {
                    stop();
                    drawn.countDown();
                }
            }
        }.start());
        if (!drawn.await(1, TimeUnit.MINUTES)) throw new IllegalStateException("the JavaFX toolkit ran no pulses");
    }

    static final int PULSES = 10;

    /** Runs on the FX thread and waits for the result (rethrowing its failure). */
    static <T> T onFx(java.util.concurrent.Callable<T> work) throws InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(5, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuntimeException re) throw re;
            throw new IllegalStateException(cause);
        }
    }

    /** JavaFX on Monocle's headless screen with software rendering, unless a toolkit already runs. */
    static void startHeadlessToolkit() throws InterruptedException {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "3000x2000-32");
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
        Platform.setImplicitExit(false);
    }
}
