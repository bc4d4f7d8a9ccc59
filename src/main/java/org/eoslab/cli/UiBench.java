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
                Block m = measure(() -> w.engine().state(), w, seconds);
                out.printf(Locale.ROOT, "  sharpness every %s: %.0f steps/s at %.0f fps (from step %d)%n",
                        every == 1 ? "step (tracked; the preset's default)" : every + " steps", m.stepsPerSecond(),
                        m.framesPerSecond(), MEASURE_FROM);
                linear.put("sharpnessEvery" + every, m.report());
            }
            linear.put("landscapeTab", landscape(out, w, seconds, linear));
            linear.put("centralFlow", centralFlow(out, w, seconds, linear));
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
        RenderCommand.onFx(() -> { w.main().select(w.main().mlp().name()); return null; });
        LiveEngine<MlpParameters> engine = awaitEngine(w);
        Map<String, Object> report = new LinkedHashMap<>();
        for (int every : new int[] {p.sharpnessEvery(), 0}) {
            MlpParameters q = p.withSharpnessEvery(every);
            int generation = engine.state().generation();
            engine.restart(q, true);
            awaitStep(engine::state, generation, MLP_MEASURE_FROM);
            Block m = measure(engine::state, w, seconds);
            out.printf(Locale.ROOT, "  sharpness %s: %.1f steps/s at %.0f fps (from step %d)%n",
                    every == 0 ? "off" : "every " + every + " steps", m.stepsPerSecond(), m.framesPerSecond(), MLP_MEASURE_FROM);
            report.put("sharpnessEvery" + every, m.report());
        }
        report.put("centralFlow", mlpCentralFlow(out, w, engine, p, seconds));
        return report;
    }

    /**
     * The ReLU tab on its defaults with View › Central flow on from step {@link #MLP_MEASURE_FROM} (the paper's flow,
     * 8 midpoint steps per unit of time, integrating from step 0 on its own thread): the run's steps/s beside it and
     * the flow's own.
     */
    private static Map<String, Object> mlpCentralFlow(PrintStream out, ViewRenderer.Window w, LiveEngine<MlpParameters> engine,
                                                      MlpParameters p, double seconds) throws InterruptedException {
        int generation = engine.state().generation();
        engine.restart(p, true);
        awaitStep(engine::state, generation, MLP_MEASURE_FROM);
        FlowBlock b = withFlow(w, w.main().mlp().bench(), org.eoslab.run.FlowFollower.Kind.PAPER, seconds);
        Block m = b.block();
        double flowRate = b.flowStepsPerSecond();
        out.printf(Locale.ROOT, "  central flow on (the paper's, from step 0 on its own thread): the run %.1f steps/s at"
                + " %.0f fps (from step %d); the flow itself %.2f steps/s%n", m.stepsPerSecond(), m.framesPerSecond(),
                m.fromStep(), flowRate);
        Map<String, Object> r = new LinkedHashMap<>(m.report());
        r.put("flowStepsPerSecond", flowRate);
        return r;
    }

    /** A timed block with a central flow on, and the flow's own steps/s over it. */
    private record FlowBlock(Block block, double flowStepsPerSecond) {}

    /**
     * The run of {@code bench}'s network measured with View › Central flow on ({@code kind}, integrating from step 0
     * on its own thread once started: its first row takes a Lanczos), then the flow turned off again.
     */
    private static FlowBlock withFlow(ViewRenderer.Window w, org.eoslab.ui.workbench.Workbench<?> bench,
                                      org.eoslab.run.FlowFollower.Kind kind, double seconds) throws InterruptedException {
        LiveEngine<?> engine = bench.engine();
        RenderCommand.onFx(() -> { bench.setCentralFlow(kind); return null; });
        long deadline = System.currentTimeMillis() + WARMUP_LIMIT_MILLIS;
        while (engine.centralFlow().current() == null && engine.centralFlow().refusal() == null
                && System.currentTimeMillis() < deadline) Thread.sleep(50);
        org.eoslab.run.FlowFollower flow = engine.centralFlow().current();
        if (flow == null) throw new IllegalStateException("the central flow did not start: " + engine.centralFlow().refusal());
        Thread.sleep(SWITCH_MILLIS);
        int before = flow.history().size();
        Block m = measure(engine::state, w, seconds);
        double rate = (flow.history().size() - before) / m.seconds();
        RenderCommand.onFx(() -> { bench.setCentralFlow(null); return null; });
        return new FlowBlock(m, rate);
    }

    private static LiveEngine<MlpParameters> awaitEngine(ViewRenderer.Window w) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WARMUP_LIMIT_MILLIS;
        var bench = w.main().mlp().bench();
        while (!bench.started() && System.currentTimeMillis() < deadline) Thread.sleep(50);
        if (!bench.started()) throw new IllegalStateException("the ReLU MLP tab did not start its engine");
        return bench.engine();
    }

    /**
     * The same run with the Landscape tab shown (issue 26: a slice, a plane and a Lanczos at most 4 times a second,
     * on the engine thread between steps), sharpness every step, against the training tab's steps/s just measured.
     */
    private static Map<String, Object> landscape(PrintStream out, ViewRenderer.Window w, double seconds,
                                                 Map<String, Object> linear) throws InterruptedException {
        w.engine().setSharpnessEvery(1);
        RenderCommand.onFx(() -> { w.main().select(org.eoslab.config.View.LANDSCAPE); return null; });
        Thread.sleep(SWITCH_MILLIS);
        Block m = measure(() -> w.engine().state(), w, seconds);
        RenderCommand.onFx(() -> { w.main().select(org.eoslab.config.View.TRAINING); return null; });
        @SuppressWarnings("unchecked")
        double training = (double) ((Map<String, Object>) linear.get("sharpnessEvery1")).get("stepsPerSecond");
        out.printf(Locale.ROOT, "  Landscape tab shown, sharpness every step: %.0f steps/s at %.0f fps, %.0f %% of the"
                + " training tab's (target ≥ 90 %%)%n", m.stepsPerSecond(), m.framesPerSecond(), 100 * m.stepsPerSecond() / training);
        Map<String, Object> r = new LinkedHashMap<>(m.report());
        r.put("ofTrainingTab", m.stepsPerSecond() / training);
        return r;
    }

    /**
     * The same run with View › Central flow on: the 2-cycle flow integrating from step 0 on its own thread (catching up,
     * so flat out), against the training tab's steps/s; also the flow's own steps/s.
     */
    private static Map<String, Object> centralFlow(PrintStream out, ViewRenderer.Window w, double seconds,
                                                   Map<String, Object> linear) throws InterruptedException {
        FlowBlock b = withFlow(w, w.main().bench(org.eoslab.config.Network.DLN), org.eoslab.run.FlowFollower.Kind.CYCLE, seconds);
        Block m = b.block();
        double flowRate = b.flowStepsPerSecond();
        @SuppressWarnings("unchecked")
        double training = (double) ((Map<String, Object>) linear.get("sharpnessEvery1")).get("stepsPerSecond");
        out.printf(Locale.ROOT, "  central flow on (catching up from step 0 on its own thread): %.0f steps/s at %.0f fps,"
                + " %.0f %% of the training tab's; the flow itself %.1f steps/s%n", m.stepsPerSecond(), m.framesPerSecond(),
                100 * m.stepsPerSecond() / training, flowRate);
        Map<String, Object> r = new LinkedHashMap<>(m.report());
        r.put("ofTrainingTab", m.stepsPerSecond() / training);
        r.put("flowStepsPerSecond", flowRate);
        return r;
    }

    /**
     * Waits until a run newer than {@code generation} is past step {@code from}; a run that does not get there in
     * {@link #WARMUP_LIMIT_MILLIS} is an error (the figures would not be of the edge of stability).
     */
    private static void awaitStep(Supplier<? extends LiveState<?>> state, int generation, long from) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WARMUP_LIMIT_MILLIS;
        LiveState<?> s = state.get();
        while (!(s.generation() > generation && s.steps() >= from)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the run did not reach step " + from + " in " + WARMUP_LIMIT_MILLIS / 1000
                        + " s (at step " + s.steps() + (s.end() != null ? ", " + s.end() : "") + ")");
            }
            Thread.sleep(100);
            s = state.get();
        }
    }

    /** One timed block: the steps the engine advanced and the frames the window drew, from step {@code fromStep}. */
    record Block(long fromStep, long steps, long frames, double seconds, double framesPerSecond) {
        double stepsPerSecond() { return steps / seconds; }

        Map<String, Object> report() {
            return Map.of("fromStep", fromStep, "stepsAdvanced", steps, "framesDrawn", frames, "seconds", seconds,
                    "stepsPerSecond", stepsPerSecond(), "framesPerSecond", framesPerSecond);
        }
    }

    /** Steps and frames over the next {@code seconds} (at least one half-second sample of the frame rate). */
    private static Block measure(Supplier<? extends LiveState<?>> state, ViewRenderer.Window w, double seconds)
            throws InterruptedException {
        LiveState<?> a = state.get();
        long frames0 = w.main().framesDrawn();
        long t0 = System.nanoTime();
        double fps = 0;
        int samples = 0;
        long end = t0 + (long) (seconds * 1e9);
        do {
            Thread.sleep(500);
            fps += w.main().framesPerSecond();
            samples++;
        } while (System.nanoTime() < end);
        LiveState<?> b = state.get();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        return new Block(a.steps(), b.steps() - a.steps(), w.main().framesDrawn() - frames0, elapsed, fps / samples);
    }
}
