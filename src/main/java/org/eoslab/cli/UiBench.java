package org.eoslab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eoslab.config.Parameters;
import org.eoslab.config.Preset;
import org.eoslab.config.Presets;
import org.eoslab.run.LiveState;

/**
 * {@code bench --ui}: the live app measured, not guessed. The window (Monocle's headless screen, software
 * rendering, as the tests use; no display needed) plays a preset while every training panel draws; after a
 * warm-up to step {@link #MEASURE_FROM} (past the saddle, at the edge of stability) the engine's steps per second
 * and the window's frames per second are read over a timed block, for the preset's sharpness cadence and for
 * sharpness every step (tracked).
 */
final class UiBench {
    static final String PRESET = "presets/fig06-above-onset.json";
    /** Measured from this step on: the run has left the saddle and oscillates at the edge of stability. */
    static final long MEASURE_FROM = 2000;
    static final long WARMUP_LIMIT_MILLIS = 120_000;

    private UiBench() {}

    static Map<String, Object> run(PrintStream out, double seconds) throws InterruptedException {
        Preset preset = Presets.load(Path.of(PRESET));
        Parameters p = preset.parameters().withSteps(Parameters.MAX_STEPS);
        out.printf(Locale.ROOT, "Live app, %s (d = %d, L = %d, r = %d): engine steps/s while every training panel draws"
                + " (Monocle, software rendering); targets ≥ 400 steps/s at ≥ 30 fps%n", PRESET, p.width(), p.depth(), p.rank());
        Map<String, Object> report = new LinkedHashMap<>();
        ViewRenderer.Window w = ViewRenderer.Window.open(preset.withParameters(p));
        try {
            for (int every : new int[] {p.sharpnessEvery(), 1}) {
                Parameters q = p.withSharpnessEvery(every);
                int generation = w.engine().state().generation();
                w.engine().restart(q, true);
                double[] m = measure(w, seconds, generation);
                out.printf(Locale.ROOT, "  sharpness every %d step%s: %.0f steps/s at %.0f fps (from step %d)%n", every,
                        every == 1 ? " (tracked)" : "s", m[0], m[1], MEASURE_FROM);
                report.put("sharpnessEvery" + every, Map.of("stepsPerSecond", m[0], "framesPerSecond", m[1]));
            }
        } finally {
            w.close();
        }
        out.println();
        return report;
    }

    /** {steps/s, frames/s} over {@code seconds} once the new run is past {@link #MEASURE_FROM}. */
    private static double[] measure(ViewRenderer.Window w, double seconds, int generation) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WARMUP_LIMIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            LiveState<Parameters> s = w.engine().state();
            if (s.generation() > generation && s.steps() >= MEASURE_FROM) break;
            Thread.sleep(100);
        }
        LiveState<Parameters> a = w.engine().state();
        long t0 = System.nanoTime();
        double fps = 0;
        int samples = 0;
        long end = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            Thread.sleep(500);
            fps += w.main().framesPerSecond();
            samples++;
        }
        LiveState<Parameters> b = w.engine().state();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        return new double[] {(b.steps() - a.steps()) / elapsed, fps / Math.max(1, samples)};
    }
}
