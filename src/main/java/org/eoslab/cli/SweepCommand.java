package org.eoslab.cli;

import java.io.BufferedWriter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eoslab.config.EngineKind;
import org.eoslab.config.Parameters;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.export.AtomicFiles;
import org.eoslab.run.MemoryBudget;
import org.eoslab.metrics.OrbitAnalysis;
import org.eoslab.metrics.PeriodDoublings;
import org.eoslab.run.PeriodMap;
import org.eoslab.run.SweepDefaults;
import org.eoslab.run.Sweep;
import org.eoslab.export.PeriodMapImage;
import org.eoslab.export.PngWriter;
import org.eoslab.run.cells.CellRunner;

/**
 * {@code eos-lab sweep [run options] --eta-from A --eta-to B --eta-count N [--transient T] [--keep K]
 * --out DIR}: the bifurcation diagram as data. DIR/bifurcation.csv (eta,mode,step,value: the last K values of
 * every mode), DIR/periods.csv (eta,mode,period,min,max,lyapunov,state; period 0 = none up to 64, −1 = diverged;
 * lyapunov: the exponent of the mode's balanced map at that η; state: settled, converging slowly or settling slowly) and DIR/doublings.csv
 * (mode,period_from,period_to,eta: where each mode's period doubles inside the swept range, located on the
 * mode's map by bisection, see {@link PeriodDoublings}).
 */
final class SweepCommand {
    /** doublings.csv lists each mode's doublings up to this period (1→2, …, 16→32). */
    static final int DOUBLINGS_UP_TO = 32;
    static final List<Options.Spec> SPECS;

    static {
        List<Options.Spec> specs = new ArrayList<>(ParameterOptions.SPECS);
        specs.add(MlpOptions.MODEL);
        specs.add(new Options.Spec("eta-from", "A", "first learning rate (> 0)"));
        specs.add(new Options.Spec("eta-to", "B", "last learning rate (> A)"));
        specs.add(new Options.Spec("eta-count", "N", "number of learning rates, 1..100000"));
        specs.add(new Options.Spec("transient", "T", "steps discarded before keeping (default " + SweepDefaults.TRANSIENT + ")"));
        specs.add(new Options.Spec("keep", "K", "steady-state steps kept per η, 1..10000 (default " + SweepDefaults.CLI_KEEP + ")"));
        specs.addAll(Cells.SPECS);
        specs.add(new Options.Spec("map", null, "a period map instead: x = η, y = --y; writes map.csv and map.png"));
        specs.add(new Options.Spec("y", "KIND", "with --map: ratio (σ₂*/σ₁*, rank 2) | depth | alpha | sigma1"));
        specs.add(new Options.Spec("y-from", "A", "with --map: first y"));
        specs.add(new Options.Spec("y-to", "B", "with --map: last y (≥ A)"));
        specs.add(new Options.Spec("y-count", "N", "with --map: number of y values, 1..2000"));
        specs.add(new Options.Spec("relative", null, "with --map: --eta-from/--eta-to in units of each row's η₁ (x = η/η₁)"));
        specs.add(Options.OUT_DIR);
        specs.add(Options.HELP);
        SPECS = List.copyOf(specs);
    }

    private SweepCommand() {}

    static int execute(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Options o = Options.parse("sweep", SPECS, args, 1);
        if (o.has("help")) {
            out.print("usage: eos-lab sweep [options] --eta-from A --eta-to B --eta-count N --out DIR\n\n" + Options.usage(SPECS));
            return 0;
        }
        Parameters p = ParameterOptions.resolve(o);
        if (!o.has("engine")) p = p.withEngine(p.init() == org.eoslab.config.Init.IDENTITY ? EngineKind.REDUCED : EngineKind.DENSE);
        double[] etas = Cells.etas(o, 100_000);
        double from = etas[0];
        double to = etas[etas.length - 1];
        int count = etas.length;
        int transientSteps = Cells.bounded(o, "transient", SweepDefaults.TRANSIENT, 0, 100_000_000);
        int keep = Cells.bounded(o, "keep", SweepDefaults.CLI_KEEP, 1, 10_000);
        int threads = o.has("spark") ? 1 : Cells.threads(o);         // a Spark sweep's memory is the executors'
        if (!o.has("out")) throw new UsageException("--out DIR is required (the folder for bifurcation.csv and periods.csv)");
        Path dir = o.getPath("out");
        AtomicFiles.requireWritableDirectory(dir, "--out");

        if (o.has("map")) return map(o, p, etas, transientSteps, keep, threads, dir, out, err);
        for (String only : List.of("y", "y-from", "y-to", "y-count", "relative")) {
            if (o.has(only)) throw new UsageException("--" + only + " needs --map");
        }
        try {
            MemoryBudget.requireSweep(p, count, keep, threads);
        } catch (InvalidParameterException e) {
            throw new UsageException(e.getMessage());
        }
        Sweep sweep = new Sweep(p, etas, transientSteps, keep);
        Thread progress = progressPrinter(sweep, err);
        Thread partial = partialWriter(sweep, dir, transientSteps, err);
        Runtime.getRuntime().addShutdownHook(partial);
        List<Sweep.Point> points;
        try (CellRunner cells = Cells.runner(o, "eos-sweep")) {
            points = sweep.run(cells);
        } finally {
            progress.interrupt();
            try {
                Runtime.getRuntime().removeShutdownHook(partial);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it writes the partial files
            }
        }
        if (sweep.isCancelled()) return 130;                 // interrupted: the shutdown hook writes the *.partial.csv
        List<PeriodDoublings.Doubling> doublings = PeriodDoublings.within(sweep.targetValues(), p.depth(), p.lossScale(), from, to,
                DOUBLINGS_UP_TO);
        writeFiles(dir, "", points, transientSteps, doublings);
        out.println("swept " + points.size() + " learning rates with the " + p.engine() + " engine; wrote "
                + dir.resolve("bifurcation.csv") + ", periods.csv and doublings.csv (" + doublings.size() + " doubling points)");
        return 0;
    }

    /**
     * --map: every (η, y) cell run as a sweep runs its η, map.csv (eta,y,mode,period,lyapunov) and map.png
     * (the attractors, the onset curves of math.md) written together.
     */
    /** The map's rows, --y-from to --y-to in --y-count steps; a depth axis only at whole depths. */
    private static double[] rows(Options o, PeriodMap.Axis axis) {
        double yFrom = Cells.required(o, "y-from");
        double yTo = Cells.required(o, "y-to");
        if (axis == PeriodMap.Axis.DEPTH && (yFrom != Math.rint(yFrom) || yTo != Math.rint(yTo))) {
            throw new UsageException("--y-from/--y-to: depth is a whole number of layers; " + yFrom + " to " + yTo + " is not");
        }
        if (!Double.isFinite(yFrom) || !(yTo >= yFrom) || !Double.isFinite(yTo)) {
            throw new UsageException("--y-to: " + yTo + " must be finite and ≥ --y-from (" + yFrom + ")");
        }
        int yCount = Cells.bounded(o, "y-count", -1, 1, 2000);
        if (axis == PeriodMap.Axis.DEPTH && yCount > 1 && (yTo - yFrom) % (yCount - 1) != 0) {
            throw new UsageException("--y-count: " + yCount + " rows from depth " + (long) yFrom + " to " + (long) yTo
                    + " would fall between whole depths; use a count that divides the range, such as " + (long) (yTo - yFrom + 1));
        }
        return Sweep.linspace(yFrom, yTo, yCount);
    }

    private static int map(Options o, Parameters p, double[] etas, int transientSteps, int keep, int threads, Path dir,
                           PrintStream out, PrintStream err) throws InterruptedException {
        if (!o.has("y")) throw new UsageException("--map needs --y ratio|depth|alpha|sigma1");
        PeriodMap.Axis axis = PeriodMap.Axis.of(o.get("y"));
        if (axis == null) throw new UsageException("--y: " + org.eoslab.config.Messages.quote(o.get("y")) + " is not one of ratio, depth, alpha, sigma1");
        double[] ys = rows(o, axis);
        int yCount = ys.length;
        if ((long) yCount * etas.length > 4_000_000) {
            throw new UsageException("--eta-count × --y-count: " + (long) yCount * etas.length + " cells is more than the allowed 4000000");
        }
        PeriodMap map;
        try {
            MemoryBudget.requireSweep(p, etas.length * yCount, keep, threads);
            map = new PeriodMap(p, axis, etas, ys, transientSteps, keep, o.has("relative"));
        } catch (InvalidParameterException e) {
            throw new UsageException(e.getMessage());
        }
        PeriodMap running = map;
        Thread progress = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(1000);
                    err.printf("\rmapped %d/%d cells   ", running.done(), running.total());
                    err.flush();
                }
            } catch (InterruptedException e) {
                err.println();
            }
        }, "eos-map-progress");
        progress.setDaemon(true);
        progress.start();
        List<PeriodMap.Cell> cells;
        try (CellRunner runner = Cells.runner(o, "eos-period-map")) {
            cells = map.run(runner);
        } finally {
            progress.interrupt();
        }
        PeriodMapImage.Plot plot = PeriodMapImage.render(map, cells, 1100, 700);
        AtomicFiles.writeTextTogether(java.util.Map.of(dir.resolve("map.csv"), mapTable(cells)));
        PngWriter.write(plot.image(), null, 1, dir.resolve("map.png"));
        out.println("mapped " + cells.size() + " cells (" + etas.length + " η × " + yCount + " " + axis.key() + ") with the "
                + p.engine() + " engine; wrote " + dir.resolve("map.csv") + " and map.png");
        return 0;
    }

    private static Thread progressPrinter(Sweep sweep, PrintStream err) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(1000);
                while (true) {
                    err.printf("\rswept %d/%d learning rates   ", sweep.done(), sweep.total());
                    err.flush();
                    Thread.sleep(1000);
                }
            } catch (InterruptedException e) {
                if (sweep.done() > 0) err.println();
            }
        }, "eos-sweep-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * On SIGINT/SIGTERM part way: the finished η values go to bifurcation.partial.csv and periods.partial.csv
     * (named so that they are never taken for a complete sweep).
     */
    private static Thread partialWriter(Sweep sweep, Path dir, int transientSteps, PrintStream err) {
        return new Thread(() -> {
            sweep.cancel();
            List<Sweep.Point> done = sweep.finishedSoFar();
            if (done.isEmpty()) return;
            try {
                writeFiles(dir, ".partial", done, transientSteps, null);
            } catch (RuntimeException | Error e) {                 // one line; the JVM is already stopping
                err.println("interrupted: could not write the " + done.size() + " learning rates finished: "
                        + org.eoslab.config.Messages.clean(String.valueOf(e)));
                return;
            }
            err.println("interrupted: wrote the " + done.size() + " of " + sweep.total() + " learning rates finished to "
                    + dir.resolve("bifurcation.partial.csv") + " and periods.partial.csv");
        }, "eos-sweep-partial");
    }

    /** bifurcation{suffix}.csv, periods{suffix}.csv and (unless null) doublings.csv: together or not at all. */
    private static void writeFiles(Path dir, String suffix, List<Sweep.Point> points, int transientSteps,
                                   List<PeriodDoublings.Doubling> doublings) {
        java.util.Map<Path, AtomicFiles.Body> files = new java.util.LinkedHashMap<>();
        files.put(dir.resolve("bifurcation" + suffix + ".csv"), bifurcation(points, transientSteps));
        files.put(dir.resolve("periods" + suffix + ".csv"), periods(points));
        if (doublings != null) files.put(dir.resolve("doublings.csv"), w -> {
            w.write("mode,period_from,period_to,eta\n");
            for (PeriodDoublings.Doubling d : doublings) w.write(d.mode() + "," + d.from() + "," + d.to() + "," + d.eta() + "\n");
        });
        AtomicFiles.writeTextTogether(files);
    }

    private static AtomicFiles.Body bifurcation(List<Sweep.Point> points, int transientSteps) {
        return w -> {
            BufferedWriter out = new BufferedWriter(w, 1 << 16);
            out.write("eta,mode,step,value\n");
            for (Sweep.Point p : points) {
                for (int i = 0; i < p.values().length; i++) {
                    if (p.orbits()[i].period() == OrbitAnalysis.DIVERGED) continue;
                    for (int t = 0; t < p.values()[i].length; t++) {
                        out.write(p.eta() + "," + (i + 1) + "," + (transientSteps + t) + "," + p.values()[i][t] + "\n");
                    }
                }
            }
            out.flush();
        };
    }

    /** map.csv: eta,y,mode,period,lyapunov, a line per mode of each cell. */
    private static AtomicFiles.Body mapTable(List<PeriodMap.Cell> cells) {
        return w -> {
            BufferedWriter b = new BufferedWriter(w, 1 << 16);
            b.write("eta,y,mode,period,lyapunov\n");
            for (PeriodMap.Cell c : cells) {
                for (int m = 0; m < c.periods().length; m++) {
                    b.write(c.eta() + "," + c.y() + "," + (m + 1) + "," + c.periods()[m] + "," + cell(c.lyapunov()[m]) + "\n");
                }
            }
            b.flush();
        };
    }

    private static AtomicFiles.Body periods(List<Sweep.Point> points) {
        return w -> {
            w.write("eta,mode,period,min,max,lyapunov,state\n");
            for (Sweep.Point p : points) {
                for (int i = 0; i < p.orbits().length; i++) {
                    OrbitAnalysis a = p.orbits()[i];
                    w.write(p.eta() + "," + (i + 1) + "," + a.period() + "," + cell(a.min()) + "," + cell(a.max()) + ","
                            + cell(p.lyapunov()[i]) + "," + (a.period() == OrbitAnalysis.DIVERGED ? "" : a.settling().label()) + "\n");
                }
            }
        };
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

}
