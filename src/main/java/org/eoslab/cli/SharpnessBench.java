package org.eoslab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eoslab.config.Parameters;
import org.eoslab.engine.DenseEngine;
import org.eoslab.engine.DenseHessian;
import org.eoslab.engine.Targets;
import org.eoslab.numerics.Sharpness;

/** The bench's sharpness section: Lanczos cold and warm, and tracked every step, at the edge of stability. */
final class SharpnessBench {
    private SharpnessBench() {}

    /**
     * Lanczos sharpness, cold start and warm-started from the previous top eigenvector, ms per estimate; and the
     * estimate tracked every step of an edge-of-stability run (ms, and in steps' time, measured in the same run).
     */
    static List<Map<String, Object>> run(PrintStream out, Timing timing, int[] sizes) {
        out.println("Sharpness (Lanczos on the exact HVP, L = 3), ms per estimate; tracked every step at the edge of stability");
        out.printf("%6s %10s %10s %10s %14s%n", "d", "cold", "warm", "tracked", "tracked/step");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int d : sizes) {
            if (d > 100) continue;
            Parameters p = Parameters.defaults().withWidth(d).withEta(0.3);
            DenseEngine e = DenseEngine.create(p, Targets.of(p));
            for (int t = 0; t < 600; t++) { e.forward(); e.step(p.eta()); }
            e.forward();
            double cold = 1e3 / timing.perSecond(() -> new Sharpness(new DenseHessian(e), 1).estimate());
            Sharpness warm = new Sharpness(new DenseHessian(e), 1);
            double warmMs = 1e3 / timing.perSecond(warm::estimate);
            double[] tracked = trackedSharpness(p, e);
            out.printf(Locale.ROOT, "%6d %10.2f %10.2f %10.2f %14.1f%n", d, cold, warmMs, tracked[0], tracked[0] / tracked[1]);
            rows.add(Map.of("d", d, "coldMs", cold, "warmMs", warmMs, "trackedMs", tracked[0], "stepMs", tracked[1]));
        }
        out.println();
        return rows;
    }

    /** {ms per tracked estimate, ms per GD step}, over 1000 steps of the run {@code e} is on (already at the edge). */
    private static double[] trackedSharpness(Parameters p, DenseEngine e) {
        Sharpness tracker = new Sharpness(new DenseHessian(e), 1);
        long trackNanos = 0;
        long stepNanos = 0;
        int steps = 1000;
        for (int t = 0; t < steps; t++) {                       // as a run does it: one forward pass serves both
            long t0 = System.nanoTime();
            e.forward();
            long t1 = System.nanoTime();
            tracker.track(t);
            long t2 = System.nanoTime();
            e.step(p.eta());
            long t3 = System.nanoTime();
            stepNanos += (t1 - t0) + (t3 - t2);
            trackNanos += t2 - t1;
        }
        return new double[] {trackNanos / 1e6 / steps, stepNanos / 1e6 / steps};
    }

}
