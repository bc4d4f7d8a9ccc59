package org.eoslab.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.MlpParameters;
import org.eoslab.export.AtomicFiles;
import org.eoslab.export.MlpSweepFiles;
import org.eoslab.export.MlpSweepPlot;
import org.eoslab.export.PngWriter;
import org.eoslab.run.MlpSweep;
import org.eoslab.run.cells.CellRunner;

/**
 * {@code eos-lab sweep --model mlp [network options] --eta-from A --eta-to B --eta-count N [--seeds S,…]
 * [--depths L,…] [--spark MASTER] --out DIR}, or {@code --resume DIR}: one ReLU network run per (η, seed, depth),
 * each cell's edge-of-stability numbers (run.json's) appended to DIR/mlp-sweep.csv as it finishes, sorted and
 * plotted (mlp-sweep.png) at the end. Every core by default; a Spark master with the Spark build.
 */
final class MlpSweepCommand {
    static final List<Options.Spec> SPECS;

    static {
        List<Options.Spec> specs = new ArrayList<>();
        for (Options.Spec s : MlpOptions.SPECS) {
            if (!List.of("eta", "central-flow").contains(s.name())) specs.add(s);              // η is swept
        }
        specs.add(new Options.Spec("eta-from", "A", "first learning rate (> 0)"));
        specs.add(new Options.Spec("eta-to", "B", "last learning rate (≥ A)"));
        specs.add(new Options.Spec("eta-count", "N", "number of learning rates, 1..10000"));
        specs.add(new Options.Spec("seeds", "S,…", "seeds to run at each η (default: --seed)"));
        specs.add(new Options.Spec("depths", "L,…", "depths to run at each η (default: --depth)"));
        specs.addAll(Cells.SPECS);
        specs.add(new Options.Spec("resume", "DIR", "finish an interrupted sweep in DIR: its cells already in mlp-sweep.csv are kept, not run again"));
        SPECS = List.copyOf(specs);
    }

    private MlpSweepCommand() {}

    static int execute(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Options o = Options.parse("sweep --model mlp", SPECS, args, 1);
        if (o.has("help")) {
            out.print("usage: eos-lab sweep --model mlp [options] --eta-from A --eta-to B --eta-count N --out DIR\n"
                    + "       eos-lab sweep --model mlp --resume DIR [--threads n | --spark MASTER]\n\n" + Options.usage(SPECS));
            return 0;
        }
        Path dir = o.has("resume") ? o.getPath("resume") : o.has("out") ? o.getPath("out") : null;
        MlpSweep.Spec spec = o.has("resume") ? resumed(o, dir) : spec(o);
        if (dir == null) throw new UsageException("--out DIR is required (the folder for " + MlpSweepFiles.CSV + ")");
        if (!o.has("resume")) {
            AtomicFiles.requireWritableDirectory(dir, "--out");
            if (Files.exists(dir.resolve(MlpSweepFiles.SPEC))) {
                throw new UsageException("--out: " + dir + " already holds a sweep; finish it with --resume " + dir
                        + ", or choose another folder");
            }
        }
        try (CellRunner runner = Cells.runner(o, "eos-mlp-sweep")) {          // before anything is written
            if (!o.has("resume")) MlpSweepFiles.writeSpec(dir, spec);
            return sweep(spec, dir, runner, out, err);
        }
    }

    /** The spec of the sweep in the --resume folder; no option that would change it is taken. */
    private static MlpSweep.Spec resumed(Options o, Path dir) {
        for (Options.Spec s : SPECS) {
            if (o.has(s.name()) && !List.of("resume", "model", "threads", "spark").contains(s.name())) {
                throw new UsageException("--" + s.name() + ": a resumed sweep keeps the options it was started with (in "
                        + MlpSweepFiles.SPEC + "); only --threads or --spark may be given with --resume");
            }
        }
        try {
            return MlpSweepFiles.readSpec(dir);
        } catch (InvalidParameterException e) {
            throw new UsageException("--resume: " + e.problem());
        }
    }

    /** The sweep the options ask for; every cell's parameters checked before anything runs. */
    private static MlpSweep.Spec spec(Options o) {
        MlpParameters base;
        try {
            base = MlpOptions.resolve(o).validate();
        } catch (InvalidParameterException e) {
            throw MlpOptions.named(e);
        }
        double[] etas = Cells.etas(o, 10_000);
        long[] seeds = o.has("seeds") ? Cells.list(o, "seeds", Long.MIN_VALUE, Long.MAX_VALUE) : new long[] {base.seed()};
        int[] depths = o.has("depths") ? java.util.Arrays.stream(Cells.list(o, "depths", 1, 1000)).mapToInt(d -> (int) d).toArray()
                : new int[] {base.depth()};
        MlpSweep.Spec spec = new MlpSweep.Spec(base, etas, seeds, depths);
        for (int depth : depths) {
            try {
                spec.parameters(new MlpSweep.Cell(etas[etas.length - 1], seeds[0], depth));
            } catch (InvalidParameterException e) {
                throw new UsageException((o.has("depths") ? "--depths: " : "") + MlpOptions.named(e).getMessage());
            }
        }
        return spec;
    }

    private static int sweep(MlpSweep.Spec spec, Path dir, CellRunner runner, PrintStream out, PrintStream err)
            throws InterruptedException {
        List<MlpSweep.Cell> cells = spec.cells();
        Set<MlpSweep.Cell> wanted = new HashSet<>(cells);
        List<MlpSweep.Row> rows = new ArrayList<>();
        for (MlpSweep.Row r : MlpSweepFiles.readRows(dir)) if (wanted.remove(r.cell())) rows.add(r);
        List<MlpSweep.Cell> todo = cells.stream().filter(wanted::contains).toList();
        int resumed = rows.size();
        Cells.Progress progress = new Cells.Progress(err, cells.size(), resumed);
        Thread stop = new Thread(() -> {
            runner.cancel();
            err.println("\ninterrupted: " + progress.done() + " of " + cells.size() + " cells are in " + dir.resolve(MlpSweepFiles.CSV)
                    + "; finish with: eos-lab sweep --model mlp --resume " + dir);
        }, "eos-mlp-sweep-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try (MlpSweepFiles.Appender csv = new MlpSweepFiles.Appender(dir, rows)) {
            progress.start(runner.describe());
            runner.run(todo, new MlpSweep.Task(spec), (i, row) -> {
                csv.append(row);
                rows.add(row);
                progress.add();
            });
        } finally {
            progress.stop();
            Cells.removeHook(stop);
        }
        if (runner.isCancelled()) return 130;
        MlpSweepFiles.writeSorted(dir, rows);
        PngWriter.write(MlpSweepPlot.render(spec, rows), null, 1, dir.resolve("mlp-sweep.png"));
        out.println("swept " + count(cells.size(), "cell") + " (" + spec.etas().length + " η × " + count(spec.seeds().length, "seed") + " × "
                + count(spec.depths().length, "depth") + (resumed > 0 ? ", " + resumed + " of them kept from before" : "")
                + ") on " + runner.describe() + "; wrote " + dir.resolve(MlpSweepFiles.CSV) + " and mlp-sweep.png");
        return 0;
    }

    private static String count(int n, String what) { return n + " " + what + (n == 1 ? "" : "s"); }
}
