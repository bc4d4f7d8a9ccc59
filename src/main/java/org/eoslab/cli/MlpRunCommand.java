package org.eoslab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.LossKind;
import org.eoslab.config.MlpParameters;
import org.eoslab.export.AtomicFiles;
import org.eoslab.export.MlpRunReport;
import org.eoslab.export.TrajectoryCsvWriter;
import org.eoslab.run.MlpTrainer;

/**
 * {@code eos-lab run --model mlp [options] --out DIR}: the paper's ReLU network (section 4.2) headless,
 * written to DIR/trajectory.csv and DIR/run.json like a linear run.
 */
final class MlpRunCommand {
    static final List<Options.Spec> SPECS = List.of(
            new Options.Spec("model", "KIND", "dln (deep linear network, the default) | mlp (ReLU network, section 4.2)"),
            new Options.Spec("data", "FILE", "MNIST-format *images-idx3-ubyte[.gz] (labels next to it); default: the shipped Fashion-MNIST subset"),
            new Options.Spec("samples", "n", "training samples, the first n of the file, 1.." + MlpParameters.MAX_SAMPLES),
            new Options.Spec("depth", "L", "layers, 2..10 (the paper uses 4 and 6)"),
            new Options.Spec("hidden", "h", "hidden width, 1.." + MlpParameters.MAX_HIDDEN),
            new Options.Spec("alpha", "A", "init scale α > 0: W entries N(0, α²·2/fan_in)"),
            new Options.Spec("eta", "E", "learning rate η > 0"),
            new Options.Spec("loss", "KIND", "mean (‖F−Y‖²/(n·classes), the default) | sum (½‖F−Y‖²)"),
            new Options.Spec("seed", "N", "random seed (init)"),
            new Options.Spec("steps", "T", "GD steps"),
            new Options.Spec("sharpness-every", "K", "Lanczos sharpness every K steps, 0 = off"),
            new Options.Spec("metrics-every", "K", "layer spectra and subspace distance on steps t, t+1 for t a multiple of K"),
            new Options.Spec("out", "DIR", "output folder (created if missing)"),
            new Options.Spec("help", null, "show this help"));

    private static final Map<String, String> OPTION_OF_FIELD = Map.ofEntries(
            Map.entry("data", "--data"), Map.entry("samples", "--samples"), Map.entry("depth", "--depth"),
            Map.entry("hidden", "--hidden"), Map.entry("alpha", "--alpha"), Map.entry("eta", "--eta"),
            Map.entry("loss", "--loss"), Map.entry("seed", "--seed"), Map.entry("steps", "--steps"),
            Map.entry("sharpnessEvery", "--sharpness-every"), Map.entry("metricsEvery", "--metrics-every"));

    private MlpRunCommand() {}

    static int execute(String[] args, PrintStream out, PrintStream err) {
        Options o = Options.parse("run --model mlp", SPECS, args, 1);
        if (o.has("help")) {
            out.print("usage: eos-lab run --model mlp [options] --out DIR\n\n" + Options.usage(SPECS));
            return 0;
        }
        if (!o.has("out")) throw new UsageException("--out DIR is required (the folder for trajectory.csv and run.json)");
        Path dir = Path.of(o.get("out"));
        AtomicFiles.requireWritableDirectory(dir, "--out");
        MlpTrainer trainer;
        try {
            trainer = new MlpTrainer(resolve(o));
        } catch (InvalidParameterException e) {
            throw ParameterOptions.named(e, OPTION_OF_FIELD);
        }
        MlpParameters p = trainer.parameters();
        RunCommand.Progress progress = new RunCommand.Progress(err, p.steps());
        MlpRunReport.Builder report = new MlpRunReport.Builder(p, trainer.dataName(), trainer.columns());
        long started = System.nanoTime();
        try (TrajectoryCsvWriter csv = new TrajectoryCsvWriter(dir.resolve("trajectory.csv"), trainer.columns())) {
            if (!trainer.diverged()) {
                csv.append(trainer.snapshot());
                report.add(trainer.snapshot());
            }
            while (trainer.step() < p.steps() && trainer.advance()) {
                csv.append(trainer.snapshot());
                report.add(trainer.snapshot());
                progress.update(trainer.step(), trainer.snapshot().loss());
            }
            csv.commit();
        }
        progress.finish();
        double seconds = (System.nanoTime() - started) / 1e9;
        MlpRunReport r = report.finish(trainer.divergedAt(), trainer.diedAt(), trainer.endMessage(), seconds);
        r.write(dir.resolve("run.json"));
        out.println(r.summary() + "; wrote " + dir.resolve("trajectory.csv") + " and run.json");
        return 0;
    }

    /** Defaults, then every option given; bad values name their option. */
    static MlpParameters resolve(Options o) {
        MlpParameters p = MlpParameters.defaults();
        if (o.has("data")) p = p.withData(o.get("data"));
        if (o.has("samples")) p = p.withSamples(o.getInt("samples"));
        if (o.has("depth")) p = p.withDepth(o.getInt("depth"));
        if (o.has("hidden")) p = p.withHidden(o.getInt("hidden"));
        if (o.has("alpha")) p = p.withAlpha(o.getDouble("alpha"));
        if (o.has("eta")) p = p.withEta(o.getDouble("eta"));
        if (o.has("loss")) p = p.withLoss(LossKind.parse("loss", o.get("loss")));
        if (o.has("seed")) p = p.withSeed(o.getLong("seed"));
        if (o.has("steps")) p = p.withSteps(o.getLong("steps"));
        if (o.has("sharpness-every")) p = p.withSharpnessEvery(o.getInt("sharpness-every"));
        if (o.has("metrics-every")) p = p.withMetricsEvery(o.getInt("metrics-every"));
        return p;
    }

}
