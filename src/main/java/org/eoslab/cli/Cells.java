package org.eoslab.cli;

import java.io.PrintStream;
import java.util.List;
import org.eoslab.run.Sweep;
import org.eoslab.run.cells.CellProgress;
import org.eoslab.run.cells.CellRunner;
import org.eoslab.run.cells.CellRunners;
import org.eoslab.run.cells.LocalCells;

/** What the sweeps share on the command line: where their cells run, their η range, lists and progress line. */
final class Cells {
    static final List<Options.Spec> SPECS = List.of(
            new Options.Spec("threads", "n", "worker threads (default: every core)"),
            new Options.Spec("spark", "MASTER", "run the cells as a Spark job on MASTER (local[*], spark://host:7077, yarn, …);"
                    + " needs the Spark build, eos-lab-spark.jar"));

    private Cells() {}

    /** Local threads (--threads, default every core), or the Spark master of --spark. */
    static CellRunner runner(Options o, String name) {
        if (o.has("spark")) {
            if (o.has("threads")) throw new UsageException("--threads: a Spark sweep runs on the master's cores; give --spark or --threads");
            try {
                return CellRunners.spark(o.get("spark"));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--spark: " + e.getMessage());
            }
        }
        return new LocalCells(threads(o), name);
    }

    static int threads(Options o) {
        return bounded(o, "threads", Runtime.getRuntime().availableProcessors(), 1, 1024);
    }

    /** --eta-from to --eta-to in --eta-count even steps, at most {@code max} of them. */
    static double[] etas(Options o, int max) {
        double from = required(o, "eta-from");
        double to = required(o, "eta-to");
        if (!(from > 0) || !Double.isFinite(from)) throw new UsageException("--eta-from: " + from + " must be positive and finite");
        if (!(to >= from) || !Double.isFinite(to)) throw new UsageException("--eta-to: " + to + " must be finite and ≥ --eta-from (" + from + ")");
        return Sweep.linspace(from, to, bounded(o, "eta-count", -1, 1, max));
    }

    static double required(Options o, String name) {
        if (!o.has(name)) throw new UsageException("--" + name + " is required");
        return o.getDouble(name);
    }

    /** A whole-number option in [lo, hi]; {@code fallback} when absent (−1: required). */
    static int bounded(Options o, String name, int fallback, int lo, int hi) {
        if (!o.has(name)) {
            if (fallback < 0) throw new UsageException("--" + name + " is required");
            return fallback;
        }
        int v = o.getInt(name);
        if (v < lo || v > hi) throw new UsageException("--" + name + ": " + v + " is outside the allowed range [" + lo + ", " + hi + "]");
        return v;
    }

    /** A comma-separated list of distinct whole numbers in [lo, hi], at most 100. */
    static long[] list(Options o, String name, long lo, long hi) {
        String text = o.get(name);
        long[] v;
        try {
            v = java.util.Arrays.stream(text.split(",", -1)).mapToLong(s -> Long.parseLong(s.trim())).toArray();
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": " + org.eoslab.config.Messages.quote(text)
                    + " must be whole numbers separated by commas");
        }
        for (long x : v) {
            if (x < lo || x > hi) throw new UsageException("--" + name + ": " + x + " is outside the allowed range [" + lo + ", " + hi + "]");
        }
        if (v.length > 100) throw new UsageException("--" + name + ": " + v.length + " values; at most 100");
        if (java.util.Arrays.stream(v).distinct().count() < v.length) throw new UsageException("--" + name + ": " + text + " repeats a value");
        return v;
    }

    /** Removes a shutdown hook unless it is already running (then it finishes its work). */
    static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running
        }
    }

    /** The progress line on stderr once a second, from the first second on. */
    static final class Progress {
        private final PrintStream err;
        private final CellProgress counts;
        private Thread printer;

        Progress(PrintStream err, int total, int before) {
            this.err = err;
            this.counts = new CellProgress(total, before);
        }

        void add() { counts.add(); }

        /** Cells finished, earlier runs' included. */
        int done() { return counts.done(); }

        void start(String where) {
            printer = new Thread(() -> {
                try {
                    while (true) {
                        Thread.sleep(1000);
                        err.print("\r" + counts.line(where) + "   ");
                        err.flush();
                    }
                } catch (InterruptedException e) {
                    err.println();
                }
            }, "eos-cells-progress");
            printer.setDaemon(true);
            printer.start();
        }

        void stop() {
            if (printer != null) printer.interrupt();
        }
    }
}
