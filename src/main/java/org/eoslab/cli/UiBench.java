package org.eoslab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.Parameters;
import org.eoslab.config.Preset;
import org.eoslab.config.Presets;
import org.eoslab.config.View;
import org.eoslab.run.LiveEngine;
import org.eoslab.run.LiveState;

/**
 * {@code bench --ui}: the live app measured, not guessed. The window (Monocle's headless screen, software
 * rendering, as the tests use; no display needed) plays a preset while every training panel draws; after a
 * warm-up to step {@link #MEASURE_FROM} (past the saddle, at the edge of stability) the engine's steps per second
 * and the window's frames per second are read over a timed block, for sharpness every step (tracked, the
 * preset's default) and every 25 steps (a warm Lanczos); then the ReLU MLP tab.
 */
final class UiBench {
    static final String PRESET = "presets/fig06-above-onset.json";
    /** Measured from this step on: the run has left the saddle and oscillates at the edge of stability. */
    static final long MEASURE_FROM = 2000;
    static final long WARMUP_LIMIT_MILLIS = 120_000;
    /** After a change of sharpness cadence, before measuring: the tracker starts with one cold Lanczos. */
    static final long SWITCH_MILLIS = 1000;
    /** The ReLU MLP measured from this step on: its sharpness has reached 2/η (within 25-80 steps). */
    static final long MLP_MEASURE_FROM = 150;

    private UiBench() {}

    static Map<String, Object> run(PrintStream out, double seconds) throws InterruptedException {
        Preset preset = Presets.load(Path.of(PRESET));
        Parameters p = preset.parameters().withSteps(Parameters.MAX_STEPS);
        out.printf(Locale.ROOT, "Live app, %s (d = %d, L = %d, r = %d): engine steps/s while every training panel draws"
                + " (Monocle, software rendering); targets ≥ 400 steps/s at ≥ 30 fps%n", PRESET, p.width(), p.depth(), p.rank());
        Map<String, Object> report = new LinkedHashMap<>();
        ViewRenderer.Window w = ViewRenderer.Window.open(preset.withParameters(p));
        try {
            Map<String, Object> linear = new LinkedHashMap<>();
            int generation = w.engine().state().generation();
            w.engine().restart(p, true);
            awaitStep(() -> w.engine().state(), generation, MEASURE_FROM);
            for (int every : new int[] {1, 25}) {
                w.engine().setSharpnessEvery(every);                // the same run, from where it is
                Thread.sleep(SWITCH_MILLIS);
                double[] m = measure(() -> w.engine().state(), w, seconds);
                out.printf(Locale.ROOT, "  sharpness every %s: %.0f steps/s at %.0f fps (from step %d)%n",
                        every == 1 ? "step (tracked; the preset's default)" : every + " steps", m[0], m[1], MEASURE_FROM);
                linear.put("sharpnessEvery" + every, Map.of("stepsPerSecond", m[0], "framesPerSecond", m[1]));
            }
            report.put("linear", linear);
            report.put("mlp", mlp(out, w, seconds));
        } finally {
            w.close();
        }
        out.println();
        return report;
    }

    /**
     * The ReLU MLP tab on its defaults (1000 images, width 200, depth 4, metrics every step), from step
     * {@link #MLP_MEASURE_FROM} (past the rise of sharpness to 2/η), at its default sharpness cadence and without
     * sharpness; target ≥ 30 steps/s.
     */
    private static Map<String, Object> mlp(PrintStream out, ViewRenderer.Window w, double seconds) throws InterruptedException {
        MlpParameters p = MlpParameters.defaults().withSteps(Parameters.MAX_STEPS);
        out.printf(Locale.ROOT, "ReLU MLP tab (%d images, width %d, depth %d, metrics every step): target ≥ 30 steps/s%n",
                p.samples(), p.hidden(), p.depth());
        w.engine().pause();                                       // the linear run leaves the cores to this one
        RenderCommand.onFx(() -> { w.main().select(View.MLP); return null; });
        LiveEngine<MlpParameters> engine = awaitEngine(w);
        Map<String, Object> report = new LinkedHashMap<>();
        for (int every : new int[] {p.sharpnessEvery(), 0}) {
            MlpParameters q = p.withSharpnessEvery(every);
            int generation = engine.state().generation();
            engine.restart(q, true);
            awaitStep(engine::state, generation, MLP_MEASURE_FROM);
            double[] m = measure(engine::state, w, seconds);
            out.printf(Locale.ROOT, "  sharpness %s: %.1f steps/s at %.0f fps (from step %d)%n",
                    every == 0 ? "off" : "every " + every + " steps", m[0], m[1], MLP_MEASURE_FROM);
            report.put("sharpnessEvery" + every, Map.of("stepsPerSecond", m[0], "framesPerSecond", m[1]));
        }
        return report;
    }

    private static LiveEngine<MlpParameters> awaitEngine(ViewRenderer.Window w) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WARMUP_LIMIT_MILLIS;
        while (w.main().mlp().engine() == null && System.currentTimeMillis() < deadline) Thread.sleep(50);
        if (w.main().mlp().engine() == null) throw new IllegalStateException("the ReLU MLP tab did not start its engine");
        return w.main().mlp().engine();
    }

    /** Waits until a run newer than {@code generation} is past step {@code from}. */
    private static void awaitStep(Supplier<? extends LiveState<?>> state, int generation, long from) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WARMUP_LIMIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            LiveState<?> s = state.get();
            if (s.generation() > generation && s.steps() >= from) return;
            Thread.sleep(100);
        }
    }

    /** {steps/s, frames/s} over the next {@code seconds}. */
    private static double[] measure(Supplier<? extends LiveState<?>> state, ViewRenderer.Window w, double seconds)
            throws InterruptedException {
        LiveState<?> a = state.get();
        long t0 = System.nanoTime();
        double fps = 0;
        int samples = 0;
        long end = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            Thread.sleep(500);
            fps += w.main().framesPerSecond();
            samples++;
        }
        LiveState<?> b = state.get();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        return new double[] {(b.steps() - a.steps()) / elapsed, fps / Math.max(1, samples)};
    }
}
