package org.eoslab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.Network;
import org.eoslab.config.Parameters;
import org.eoslab.config.Presets;
import org.eoslab.engine.Targets;
import org.eoslab.export.AtomicFiles;
import org.eoslab.export.MlpRunReport;
import org.eoslab.export.ReportBuilder;
import org.eoslab.export.RunReport;
import org.eoslab.export.TrajectoryCsvWriter;
import org.eoslab.run.CentralFlowTrack;
import org.eoslab.run.MlpTrainer;
import org.eoslab.run.Run;
import org.eoslab.run.SlowStart;
import org.eoslab.run.Trainer;

/**
 * {@code eos-lab run [--model dln|mlp] [options] --out DIR}: one headless run of either network, written to
 * DIR/trajectory.csv (every step) and DIR/run.json (parameters, theory or edge-of-stability numbers, outcome).
 * Exit 0 on a completed, diverged or dead run, 2 on bad input.
 */
final class RunCommand {
    static final Options.Spec CENTRAL_FLOW = Options.CENTRAL_FLOW;
    static final List<Options.Spec> SPECS;

    static {
        List<Options.Spec> specs = new ArrayList<>(ParameterOptions.SPECS);
        specs.add(MlpOptions.MODEL);
        specs.add(CENTRAL_FLOW);
        specs.add(Options.OUT_DIR);
        specs.add(Options.HELP);
        SPECS = List.copyOf(specs);
    }

    /**
     * A run ready to step, its report, and the seconds measuring its starting point took (0 where that is not the
     * cost of a step: the ReLU network's is its data loading).
     */
    record Setup(Run<?> run, ReportBuilder report, double startSeconds) {}

    private RunCommand() {}

    static int execute(String[] args, PrintStream out, PrintStream err) {
        CliNetworks.Command network = CliNetworks.of(model(args));
        Options o = Options.parse(network.name(), network.specs(), args, 1);
        if (o.has("help")) {
            out.print("usage: eos-lab " + network.name() + " [options] --out DIR\n\n" + Options.usage(network.specs())
                    + network.helpFooter());
            return 0;
        }
        Supplier<Setup> setup = network.resolve(o);                     // the options are checked before --out
        Boolean cycle = centralFlowKind(o);
        if (!o.has("out")) throw new UsageException("--out DIR is required (the folder for trajectory.csv and run.json)");
        Path dir = o.getPath("out");
        AtomicFiles.requireWritableDirectory(dir, "--out");
        Setup ready = setup.get();
        CentralFlowTrack flow = cycle == null ? null : CentralFlowTrack.of(ready.run(), cycle);
        warnIfSlow(ready.run(), ready.startSeconds(), err);
        return drive(ready, flow, dir, out, err);
    }

    /** A run whose starting point alone took long says before stepping what it will cost ({@link SlowStart}). */
    static void warnIfSlow(Run<?> run, double seconds, PrintStream err) {
        SlowStart.note(run.parameters(), seconds, "--rank " + SlowStart.SUGGESTED_RANK + " (or fewer)")
                .ifPresent(note -> err.println("note: " + note + " Stop with Ctrl+C."));
    }

    static Setup linearSetup(Parameters p) {
        Trainer trainer;
        long start;
        try {
            org.eoslab.engine.Target target = Targets.of(p);     // reading a target file is not a step's cost
            start = System.nanoTime();
            trainer = new Trainer(p, target);                    // the init and the measurements of step 0
        } catch (InvalidParameterException e) {
            throw ParameterOptions.named(e);                 // "--target: …"; a memory refusal as it is
        }
        return new Setup(trainer, new RunReport.Builder(trainer), (System.nanoTime() - start) / 1e9);
    }

    static Setup mlpSetup(MlpParameters p) {
        try {
            MlpTrainer trainer = new MlpTrainer(p);
            return new Setup(trainer, new MlpRunReport.Builder(trainer), 0);
        } catch (InvalidParameterException e) {
            throw MlpOptions.named(e);
        }
    }

    /** The one run loop: every step to the CSV and the report, until the run's length or its end. */
    /** --central-flow paper|cycle: whether the flow holds GD's cycle condition; null without the option. */
    private static Boolean centralFlowKind(Options o) {
        if (!o.has("central-flow")) return null;
        String kind = o.get("central-flow");
        if (!kind.equals("paper") && !kind.equals("cycle")) {
            throw new UsageException("--central-flow: " + org.eoslab.config.Messages.quote(kind) + " is not one of paper, cycle");
        }
        return kind.equals("cycle");
    }

    private static int drive(Setup setup, CentralFlowTrack flow, Path dir, PrintStream out, PrintStream err) {
        Run<?> run = setup.run();
        long steps = run.parameters().steps();
        Progress progress = new Progress(err, steps);
        long started = System.nanoTime();
        ReportBuilder.Report report;
        try (TrajectoryCsvWriter csv = new TrajectoryCsvWriter(dir.resolve("trajectory.csv"), run.columns());
             TrajectoryCsvWriter cf = flow == null ? null : new TrajectoryCsvWriter(dir.resolve("central-flow.csv"), flow.columns())) {
            if (run.snapshot() != null && run.divergedAt() < 0) {
                csv.append(run.snapshot());
                setup.report().add(run.snapshot());
                if (cf != null) cf.append(flow.start(run.eta()));
            }
            while (run.step() < steps && run.advance()) {
                csv.append(run.snapshot());
                setup.report().add(run.snapshot());
                if (cf != null) cf.append(flow.advance(run.step(), run.eta()));
                progress.update(run.step(), run.snapshot().loss());
            }
            csv.finish();
            if (cf != null) cf.finish();
            progress.finish();
            report = setup.report().finish((System.nanoTime() - started) / 1e9);
            report.writeWith(dir.resolve("run.json"), () -> {                 // the files change together
                csv.commitNow();
                if (cf != null) cf.commitNow();
            });
        }
        out.println(report.headline() + "; wrote " + dir.resolve("trajectory.csv") + (flow != null ? ", central-flow.csv" : "")
                + " and run.json");
        if (flow != null && flow.brokeAt() >= 0) {
            out.println("the central flow stopped at step " + flow.brokeAt() + ": its numbers are no longer finite (its"
                    + " later rows are NaN)");
        }
        return 0;
    }

    /**
     * The value of --model; when absent, the network of the --preset (a ReLU network preset runs the MLP), else dln.
     * Anything else is refused with the allowed values.
     */
    static Network model(String[] args) {
        String model = value(args, "model");
        if (model != null) {
            try {
                return Network.parse("--model", model);
            } catch (InvalidParameterException e) {
                throw new UsageException("--model: '" + model + "' is not one of " + String.join(", ",
                        java.util.Arrays.stream(Network.values()).map(Network::label).toList()));
            }
        }
        String preset = value(args, "preset");
        return preset == null ? Network.DLN : Presets.load(Path.of(preset)).networkOrDefault();
    }

    /** The value given to --name (as "--name V" or "--name=V"), or null. */
    private static String value(String[] args, String name) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--" + name + "=")) return args[i].substring(name.length() + 3);
            if (args[i].equals("--" + name) && i + 1 < args.length) return args[i + 1];
        }
        return null;
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
            err.printf(Locale.ROOT, "\rstep %d/%d (%.0f%%)  %.0f steps/s  loss %.4g   ", step, total,
                    100.0 * step / Math.max(total, 1), rate, loss);
            err.flush();
        }

        void finish() {
            if (printed) err.println();
        }
    }
}
