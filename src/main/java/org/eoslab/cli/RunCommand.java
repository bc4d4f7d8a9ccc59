package org.eoslab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.Parameters;
import org.eoslab.engine.Target;
import org.eoslab.engine.Targets;
import org.eoslab.export.AtomicFiles;
import org.eoslab.export.RunReport;
import org.eoslab.export.TrajectoryCsvWriter;
import org.eoslab.metrics.Outcome;
import org.eoslab.metrics.TheorySummary;
import org.eoslab.run.TailWindow;
import org.eoslab.run.Trainer;

/**
 * {@code eos-lab run [options] --out DIR}: one headless run, written to DIR/trajectory.csv (every step)
 * and DIR/run.json (parameters, theory, outcome). Exit 0 on a completed or diverged run, 2 on bad input.
 */
final class RunCommand {
    static final List<Options.Spec> SPECS;

    static {
        List<Options.Spec> specs = new ArrayList<>(ParameterOptions.SPECS);
        specs.add(MlpRunCommand.SPECS.get(0));
        specs.add(new Options.Spec("out", "DIR", "output folder (created if missing)"));
        specs.add(new Options.Spec("help", null, "show this help"));
        SPECS = List.copyOf(specs);
    }

    private RunCommand() {}

    static int execute(String[] args, PrintStream out, PrintStream err) {
        if (model(args).equals("mlp")) return MlpRunCommand.execute(args, out, err);
        Options o = Options.parse("run", SPECS, args, 1);
        if (o.has("help")) {
            out.print("usage: eos-lab run [options] --out DIR\n\n" + Options.usage(SPECS)
                    + "\n'eos-lab run --model mlp --help' lists the ReLU network's options.\n");
            return 0;
        }
        Parameters p = ParameterOptions.resolve(o);
        if (!o.has("out")) throw new UsageException("--out DIR is required (the folder for trajectory.csv and run.json)");
        Path dir = Path.of(o.get("out"));
        AtomicFiles.requireWritableDirectory(dir, "--out");
        Target target;
        try {
            target = Targets.of(p);
        } catch (InvalidParameterException e) {
            throw new UsageException("--" + e.getMessage());
        }
        Trainer trainer = new Trainer(p, target);
        TailWindow tail = new TailWindow(trainer.columns(), p.init(), target.singularValues(), TailWindow.DEFAULT_CAPACITY);
        Progress progress = new Progress(err, p.steps());
        long started = System.nanoTime();
        try (TrajectoryCsvWriter csv = new TrajectoryCsvWriter(dir.resolve("trajectory.csv"), trainer.columns())) {
            if (!trainer.diverged()) {
                csv.append(trainer.snapshot());
                tail.add(trainer.snapshot());
            }
            while (trainer.step() < p.steps() && trainer.advance()) {
                csv.append(trainer.snapshot());
                tail.add(trainer.snapshot());
                progress.update(trainer.step(), trainer.snapshot().loss());
            }
            csv.commit();
        }
        progress.finish();
        double seconds = (System.nanoTime() - started) / 1e9;
        Outcome outcome = tail.outcome(trainer.divergedAt());
        long completed = trainer.diverged() ? trainer.divergedAt() - 1 : trainer.step();
        TheorySummary theory = TheorySummary.of(target.singularValues(), p.depth(), p.loss().scale(p.width()), p.eta());
        new RunReport(outcome, outcome.describe(), p, theory, completed, seconds,
                completed / Math.max(seconds, 1e-9), trainer.columns().names()).write(dir.resolve("run.json"));
        out.println(outcome.describe() + " after " + completed + " steps (" + String.format("%.2f", seconds) + " s); wrote "
                + dir.resolve("trajectory.csv") + " and run.json");
        return 0;
    }

    /** The value of --model (dln when absent); anything else is refused with the allowed values. */
    static String model(String[] args) {
        for (int i = 1; i < args.length; i++) {
            String value = args[i].startsWith("--model=") ? args[i].substring(8)
                    : args[i].equals("--model") && i + 1 < args.length ? args[i + 1] : null;
            if (value == null) continue;
            if (value.equals("dln") || value.equals("mlp")) return value;
            throw new UsageException("--model: '" + value + "' is not one of dln, mlp");
        }
        return "dln";
    }

    /** A progress line on stderr, at most once a second, only once a run has taken over a second. */
    static final class Progress {
        private final PrintStream err;
        private final long total;
        private final long start = System.nanoTime();
        private long lastPrint = start;
        private boolean printed;

        Progress(PrintStream err, long total) {
            this.err = err;
            this.total = total;
        }

        void update(long step, double loss) {
            long now = System.nanoTime();
            if (now - lastPrint < 1_000_000_000L) return;
            lastPrint = now;
            printed = true;
            double rate = step / ((now - start) / 1e9);
            err.printf("\rstep %d/%d (%.0f%%)  %.0f steps/s  loss %.4g   ", step, total, 100.0 * step / Math.max(total, 1), rate, loss);
            err.flush();
        }

        void finish() {
            if (printed) err.println();
        }
    }

}
