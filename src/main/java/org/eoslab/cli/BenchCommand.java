package org.eoslab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.eoslab.config.EngineKind;
import org.eoslab.config.Parameters;
import org.eoslab.config.Presets;
import org.eoslab.engine.DenseEngine;
import org.eoslab.engine.ReducedDynamics;
import org.eoslab.engine.Target;
import org.eoslab.engine.Targets;
import org.eoslab.engine.mlp.Dataset;
import org.eoslab.engine.mlp.IdxReader;
import org.eoslab.engine.mlp.Mlp;
import org.eoslab.engine.mlp.MlpHessian;
import org.eoslab.export.AtomicFiles;
import org.eoslab.metrics.Columns;
import org.eoslab.metrics.DenseProbe;
import org.eoslab.numerics.Lanczos;
import org.eoslab.numerics.MatrixOps;
import org.eoslab.numerics.RandomMatrices;
import org.eoslab.numerics.Sharpness;
import org.eoslab.numerics.TopSingular;
import org.eoslab.run.History;
import org.eoslab.run.Trainer;

/**
 * {@code eos-lab bench}: throughput of the engine and its parts, medians over timed blocks after warm-up,
 * all in one run so the figures compare as ratios: raw product GFLOP/s (ours and EJML's), engine steps/s
 * with and without per-step singular values, the share of the machine's product peak a step achieves,
 * sharpness cost, sweep throughput, history memory, and the NumPy notebook baseline side by side.
 */
final class BenchCommand {
    static final List<Options.Spec> SPECS = List.of(
            new Options.Spec("sizes", "d1,d2,...", "matrix sizes, 3..1000 (default 20,50,100,200)"),
            new Options.Spec("depths", "L1,L2,...", "depths (default 3,5)"),
            new Options.Spec("seconds", "S", "length of one timed block (default 0.3)"),
            new Options.Spec("no-numpy", null, "skip the NumPy reference (bench/numpy_reference.py)"),
            new Options.Spec("mlp", null, "only the ReLU MLP step and its sharpness, no NumPy: to compare BLAS libraries "
                    + "run after run (-Deoslab.blas=bundled|system|java)"),
            new Options.Spec("ui", null, "only the live app: " + UiBench.PRESET + " played in the window, steps/s and frames/s"),
            new Options.Spec("out", "FILE.json", "also write every figure as JSON"),
            Options.HELP);

    static final int MLP_SAMPLES = 5000;
    static final int MLP_HIDDEN = 200;
    static final int MLP_DEPTH = 4;

    private final PrintStream out;
    private final Timing timing;
    private final Map<String, Object> report = new LinkedHashMap<>();

    private BenchCommand(PrintStream out, double seconds) {
        this.out = out;
        this.timing = new Timing(seconds, 7);
    }

    static int execute(String[] args, PrintStream out, PrintStream err) {
        Options o = Options.parse("bench", SPECS, args, 1);
        if (o.has("help")) {
            out.print("usage: eos-lab bench [options]\n\n" + Options.usage(SPECS));
            return 0;
        }
        int[] sizes = o.getInts("sizes", "20,50,100,200", 3, " (the bench's target has rank 3)");
        int[] depths = o.getInts("depths", "3,5", 2, "");
        double seconds = o.has("seconds") ? o.getDouble("seconds") : 0.3;
        if (!(seconds > 0) || seconds > 60) throw new UsageException("--seconds: " + seconds + " is outside (0, 60]");
        Path json = o.has("out") ? o.getPath("out") : null;
        if (json != null && java.nio.file.Files.isDirectory(json)) {
            throw new UsageException("--out: " + json + " is a folder; bench writes one JSON file (e.g. --out bench.json)");
        }
        if (json != null) AtomicFiles.requireWritableDirectory(json.toAbsolutePath().getParent(), "--out");
        BenchCommand bench = new BenchCommand(out, seconds);
        if (o.has("ui")) {
            try {
                bench.report.put("ui", UiBench.run(out, Math.max(5, 60 * seconds)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
        } else if (o.has("mlp")) {
            bench.header(seconds);
            bench.mlp();
        } else {
            bench.run(sizes, depths, !o.has("no-numpy"), seconds, err);
        }
        if (json != null) AtomicFiles.writeJson(json, bench.report);
        return 0;
    }

    private void run(int[] sizes, int[] depths, boolean numpy, double seconds, PrintStream err) {
        header(seconds);
        Map<Integer, Double> peak = products(sizes);
        steps(sizes, depths, peak);
        sharpness(sizes);
        sweeps();
        mlp();
        memory();
        if (numpy) numpy(sizes, depths, seconds, err);
    }

    /** The machine, and which BLAS each network's products run on (with the reason when it is not native). */
    private void header(double seconds) {
        out.printf(Locale.ROOT, "EOS Lab bench — %s, %d cores; medians of 7 blocks of %.2f s after warm-up%n%n",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), seconds);
        out.println("ReLU network products and layer spectra: " + org.eoslab.numerics.NativeBlas.description());
        out.println("Linear network products (app and run): " + (org.eoslab.numerics.MatrixOps.fastest(2).isNative()
                ? "the same native BLAS; sweeps, one engine per core, use the Java kernels" : "the Java kernels"));
        String coretype = System.getenv("OPENBLAS_CORETYPE");
        if (coretype != null) out.println("OPENBLAS_CORETYPE=" + coretype + " is set: OpenBLAS runs that core's kernels, not this CPU's own");
        out.println();
        report.put("mlpComputePath", org.eoslab.numerics.NativeBlas.description());
        report.put("openblasCoretype", coretype == null ? "" : coretype);
    }

    /**
     * Our kernels against the machine's BLAS GEMM (OpenBLAS through JNI where installed) and EJML, GFLOP/s. The
     * machine's BLAS runs two ways: one call on every core with its own threads, and as the app calls it, half the
     * cores per call (one here) with the rows shared between two threads; the faster is the practical peak of
     * this machine, which "of peak" below is measured against. Without a native BLAS the peak is our own kernel.
     */
    private Map<Integer, Double> products(int[] sizes) {
        org.eoslab.numerics.NativeRoutines blas = org.eoslab.numerics.NativeBlas.routines();
        out.println("Dense n×n product C = A·B, GFLOP/s" + (blas == null ? " (no native BLAS: the peak is our own kernel)"
                : " (machine BLAS: " + org.eoslab.numerics.NativeBlas.shortDescription() + ", every core)"));
        out.printf("%6s %12s %12s %14s %14s %12s%n", "d", "Java 1 core", "Java 2 cores", "machine BLAS", "rows shared", "EJML");
        Map<Integer, Double> peak = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int d : sizes) {
            DMatrixRMaj a = RandomMatrices.gaussian(d, 1, new java.util.Random(1));
            DMatrixRMaj b = RandomMatrices.gaussian(d, 1, new java.util.Random(2));
            DMatrixRMaj c = new DMatrixRMaj(d, d);
            double flops = 2.0 * d * d * d;
            MatrixOps one = new MatrixOps(d, false);
            MatrixOps two = new MatrixOps(d, true);
            double g1 = timing.perSecond(() -> one.mult(a, b, c)) * flops / 1e9;
            double g2 = timing.perSecond(() -> two.mult(a, b, c)) * flops / 1e9;
            double gb = blas == null ? Double.NaN : machinePeak(() -> timing.perSecond(
                    () -> blas.dgemm(false, false, d, d, d, 1.0, b.data, 0, d, a.data, 0, d, 0.0, c.data, 0, d))) * flops / 1e9;
            org.eoslab.numerics.RectOps shared = org.eoslab.numerics.RectOps.fastest(true);
            double gs = blas == null ? Double.NaN
                    : timing.perSecond(() -> shared.mult(a.data, d, d, b.data, d, c.data, 1.0, false)) * flops / 1e9;
            double ge = timing.perSecond(() -> CommonOps_DDRM.mult(a, b, c)) * flops / 1e9;
            peak.put(d, Double.isNaN(gb) ? Math.max(g1, g2) : Math.max(gb, gs));
            out.printf(Locale.ROOT, "%6d %12.2f %12.2f %14s %14s %12.2f%n", d, g1, g2, orDash(gb), orDash(gs), ge);
            rows.add(Map.of("d", d, "ours1", g1, "ours2", g2, "machineBlas", gb, "machineBlasRowsShared", gs, "ejml", ge));
        }
        report.put("products", rows);
        out.println();
        return peak;
    }

    /**
     * Engine steps/s: the GD step alone, with the product's top-5 singular values, and with every metric
     * of the app; plus the step's product throughput as a share of the measured peak.
     */
    private void steps(int[] sizes, int[] depths, Map<Integer, Double> peak) {
        out.println("Dense engine, steps/s (identity init, σ* = 2, 1.5, 1; η below the first onset)");
        out.printf("%4s %6s %12s %14s %14s %12s %10s%n", "L", "d", "step only", "+ top-5 σ(P)", "+ all metrics",
                "GFLOP/s", "of peak");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int depth : depths) {
            for (int d : sizes) {
                Parameters p = Parameters.defaults().withWidth(d).withDepth(depth).withEta(0.1).withSharpnessEvery(0);
                Target target = Targets.of(p);
                DenseEngine plain = DenseEngine.create(p, target);
                double bare = timing.perSecond(() -> { plain.forward(); plain.step(p.eta()); });
                DenseEngine withSvd = DenseEngine.create(p, target);
                TopSingular top = new TopSingular(d, Math.min(5, d));
                double svd = timing.perSecond(() -> { withSvd.forward(); top.compute(withSvd.product()); withSvd.step(p.eta()); });
                DenseEngine probed = DenseEngine.create(p, target);
                Columns columns = new Columns(Math.min(5, d), depth, 3);
                DenseProbe probe = new DenseProbe(probed, columns);
                double[] row = columns.emptyRow();
                double all = timing.perSecond(() -> { probed.forward(); probe.measure(0, row); probed.step(p.eta()); });
                double flops = 3.0 * (depth - 1) * 2.0 * d * d * d;   // the step's 3(L−1) products
                double gflops = bare * flops / 1e9;
                double share = gflops / peak.get(d);
                out.printf(Locale.ROOT, "%4d %6d %12.0f %14.0f %14.0f %12.2f %9.0f%%%n", depth, d, bare, svd, all, gflops, 100 * share);
                rows.add(Map.of("L", depth, "d", d, "step", bare, "stepWithSvd", svd, "stepWithAllMetrics", all,
                        "gflops", gflops, "shareOfPeak", share));
            }
        }
        report.put("steps", rows);
        out.println();
    }

    private void sharpness(int[] sizes) {
        report.put("sharpness", SharpnessBench.run(out, timing, sizes));
    }

    /** A sweep point = one run of 2000 steps; how many η values per second each engine can sweep on one core. */
    private void sweeps() {
        out.println("Sweep throughput, η values per second per core (2000 steps each, L = 3)");
        Parameters p = Parameters.defaults().withEta(0.3).withSharpnessEvery(0);
        Target target = Targets.of(p);
        double reduced = timing.perSecond(() -> {
            ReducedDynamics r = ReducedDynamics.create(p.withEngine(EngineKind.REDUCED), target);
            for (int t = 0; t < 2000; t++) { r.forward(); r.step(p.eta()); }
        });
        double dense = timing.perSecond(() -> {
            DenseEngine e = DenseEngine.create(p, target, false);
            for (int t = 0; t < 2000; t++) { e.forward(); e.step(p.eta()); }
        });
        out.printf(Locale.ROOT, "  reduced (Theorem-1 recursion, r = 3): %10.0f η/s%n", reduced);
        out.printf(Locale.ROOT, "  dense (d = 20):                       %10.1f η/s%n", dense);
        report.put("sweep", Map.of("reducedEtaPerSecond", reduced, "denseD20EtaPerSecond", dense));
        out.println();
    }

    /**
     * The ReLU network of section 4.2 on the shipped Fashion-MNIST subset (5000 samples, width 200, depth 4):
     * GD steps/s on two cores, the step's GFLOP/s, and one Lanczos sharpness estimate in steps' worth of time.
     */
    private void mlp() {
        int n = MLP_SAMPLES, hidden = MLP_HIDDEN, depth = MLP_DEPTH;
        Dataset data = IdxReader.readBundled(n);
        Mlp mlp = new Mlp(data, depth, hidden, 1.0, 1, 2.0 / (n * data.classes()), false, true);
        double rate = timing.perSecond(() -> { mlp.forward(); mlp.step(1e-3); });
        double forwardFlops = 0;
        for (int l = 1; l <= depth; l++) forwardFlops += 2.0 * n * mlp.rows(l) * mlp.cols(l);
        double stepFlops = 3 * forwardFlops - 2.0 * n * mlp.rows(1) * mlp.cols(1);  // no ∂/∂X at layer 1
        mlp.forward();
        Sharpness sharpness = new Sharpness(new MlpHessian(mlp), 1);
        long t0 = System.nanoTime();
        double lambda = sharpness.estimate(org.eoslab.run.MlpTrainer.SHARPNESS_TOLERANCE).eigenvalue();
        double sharpnessSeconds = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "ReLU MLP (section 4.2): %d samples, width %d, depth %d, two cores%n", n, hidden, depth);
        out.printf(Locale.ROOT, "  GD step: %.2f steps/s, %.2f GFLOP/s; sharpness %.4g by Lanczos: %.2f s (%.0f steps' time)%n",
                rate, rate * stepFlops / 1e9, lambda, sharpnessSeconds, sharpnessSeconds * rate);
        double javaRate = javaKernelRate(data, n, hidden, depth);
        if (!Double.isNaN(javaRate)) {
            out.printf(Locale.ROOT, "  on the Java kernels instead: %.2f steps/s (native BLAS %.2f× faster)%n", javaRate, rate / javaRate);
        }
        out.println();
        report.put("mlp", Map.of("samples", n, "hidden", hidden, "depth", depth, "stepsPerSecond", rate,
                "gflops", rate * stepFlops / 1e9, "sharpnessSeconds", sharpnessSeconds,
                "javaKernelStepsPerSecond", javaRate));
    }

    private static String orDash(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * A measurement of the machine's BLAS with its own threads on every core (the app runs it with half the cores
     * per call and shares rows itself: {@link org.eoslab.numerics.NativeBlas#threads()}).
     */
    private static double machinePeak(java.util.function.DoubleSupplier measure) {
        int before = org.eoslab.numerics.NativeBlas.threads();
        org.eoslab.numerics.NativeBlas.setThreads(Runtime.getRuntime().availableProcessors());
        try {
            return measure.getAsDouble();
        } finally {
            if (before > 0) org.eoslab.numerics.NativeBlas.setThreads(before);
        }
    }

    /** The same step forced onto the Java kernels, when the native BLAS is in use (NaN otherwise). */
    private double javaKernelRate(Dataset data, int n, int hidden, int depth) {
        if (org.eoslab.numerics.NativeBlas.routines() == null) return Double.NaN;
        String before = System.setProperty("eoslab.blas", "java");
        try {
            Mlp mlp = new Mlp(data, depth, hidden, 1.0, 1, 2.0 / (n * data.classes()), false, true);
            return timing.perSecond(() -> { mlp.forward(); mlp.step(1e-3); });
        } finally {
            if (before == null) System.clearProperty("eoslab.blas"); else System.setProperty("eoslab.blas", before);
        }
    }

    /** History heap per step for the app's columns at d = 100, L = 3, measured on a filled history. */
    private void memory() {
        Parameters p = Parameters.defaults().withWidth(100).withSharpnessEvery(0).withEngine(EngineKind.REDUCED);
        Trainer trainer = new Trainer(p);
        History h = new History(trainer.columns());
        Runtime rt = Runtime.getRuntime();
        long before = settledHeap(rt);
        int rows = 200_000;
        for (int t = 0; t < rows; t++) { trainer.advance(); h.append(trainer.snapshot()); }
        long after = settledHeap(rt);
        java.lang.ref.Reference.reachabilityFence(h);   // the history must still be alive when the heap is read
        double perStep = (after - before) / (double) rows;
        out.printf(Locale.ROOT, "History memory: %.0f bytes per step (%d columns); 10⁶ steps ≈ %.0f MiB of heap (max heap %d MiB)%n%n",
                perStep, trainer.columns().count(), perStep * 1e6 / (1 << 20), rt.maxMemory() >> 20);
        report.put("memory", Map.of("bytesPerStep", perStep, "columns", trainer.columns().count(),
                "millionStepsMiB", perStep * 1e6 / (1 << 20)));
    }

    /** Heap in use after a few collections (one System.gc() may leave earlier garbage uncollected). */
    private static long settledHeap(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Runs bench/numpy_reference.py and prints ours / NumPy's steps/s for the same step. */
    private void numpy(int[] sizes, int[] depths, double seconds, PrintStream err) {
        Path script = Path.of("bench", "numpy_reference.py");
        if (!Files.exists(script)) {
            out.println("NumPy reference: " + script + " not found (run from the project folder)");
            return;
        }
        JsonNode ref;
        try {
            ref = runPython(script, sizes, depths, seconds);
        } catch (IOException | InterruptedException e) {
            out.println("NumPy reference: could not run python3 (" + e.getMessage() + ")");
            return;
        }
        out.println("Ours vs NumPy (" + ref.path("numpy").asText() + ", BLAS: " + ref.path("blas").asText("unknown")
                + "; OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed from its environment), same step, steps/s");
        out.printf("%4s %6s %10s %12s %12s %10s%n", "L", "d", "σ(P)", "ours", "NumPy", "ratio");
        List<Map<String, Object>> rows = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) report.get("steps");
        for (JsonNode n : ref.path("steps")) {
            int d = n.get("d").asInt();
            int depth = n.get("L").asInt();
            boolean svd = n.get("svd").asBoolean();
            double theirs = n.get("steps_per_s").asDouble();
            for (Map<String, Object> s : steps) {
                if ((int) s.get("d") != d || (int) s.get("L") != depth) continue;
                double ours = (double) s.get(svd ? "stepWithSvd" : "step");
                out.printf(Locale.ROOT, "%4d %6d %10s %12.0f %12.0f %9.2f×%n", depth, d, svd ? "yes" : "no", ours, theirs, ours / theirs);
                rows.add(Map.of("L", depth, "d", d, "svd", svd, "ours", ours, "numpy", theirs, "ratio", ours / theirs));
            }
        }
        JsonNode mlp = ref.path("mlp");
        @SuppressWarnings("unchecked")
        Map<String, Object> ours = (Map<String, Object>) report.get("mlp");
        if (mlp.has("steps_per_s") && ours != null) {
            double theirs = mlp.get("steps_per_s").asDouble();
            double mine = (double) ours.get("stepsPerSecond");
            out.printf(Locale.ROOT, "  ReLU MLP step (%d samples, width %d, depth %d): ours %.2f, NumPy %.2f steps/s, ratio %.2f×%n",
                    MLP_SAMPLES, MLP_HIDDEN, MLP_DEPTH, mine, theirs, mine / theirs);
            rows.add(Map.of("model", "mlp", "ours", mine, "numpy", theirs, "ratio", mine / theirs));
        }
        for (JsonNode n : ref.path("matmul")) {
            out.printf(Locale.ROOT, "  NumPy (BLAS) %d×%d product: %.2f GFLOP/s%n", n.get("d").asInt(), n.get("d").asInt(), n.get("gflops").asDouble());
        }
        report.put("numpy", rows);
        out.println();
    }

    private static JsonNode runPython(Path script, int[] sizes, int[] depths, double seconds) throws IOException, InterruptedException {
        List<String> cmd = List.of("python3", script.toString(), "--sizes", join(sizes), "--depths", join(depths),
                "--seconds", Double.toString(seconds * 7),
                "--mlp", MLP_SAMPLES + "," + MLP_HIDDEN + "," + MLP_DEPTH);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        pb.environment().remove("OPENBLAS_CORETYPE");        // both slow NumPy's OpenBLAS on these machines (env README)
        pb.environment().remove("OPENBLAS_L2_SIZE");
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("python3 exited with " + (p.isAlive() ? "a timeout" : p.exitValue()));
        }
        return Presets.json().readTree(stdout);
    }

    private static String join(int[] v) {
        StringBuilder sb = new StringBuilder();
        for (int x : v) sb.append(sb.length() == 0 ? "" : ",").append(x);
        return sb.toString();
    }


}
