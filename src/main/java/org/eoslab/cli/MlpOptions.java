package org.eoslab.cli;

import java.util.List;
import java.util.Map;
import org.eoslab.config.Fields;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.LossKind;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.Presets;

/** The options of {@code run --model mlp}: the paper's ReLU network (section 4.2), each overriding a default. */
final class MlpOptions {
    static final Options.Spec MODEL = new Options.Spec("model", "KIND",
            "dln (deep linear network, the default) | mlp (ReLU network, section 4.2)");

    /** The numeric options come from the parameters' descriptors ({@link Fields#RELU}), the rest are listed here. */
    static final List<Options.Spec> SPECS = ParameterOptions.specs(Fields.RELU, List.of(
            new Options.Spec("preset", "FILE", "start from a preset's ReLU network (presets/*.json); options below override it"),
            MODEL,
            new Options.Spec("data", "SET|FILE", "fashion-mnist (default) or mnist: the shipped subsets (20k, 10k images); or an MNIST-format *images-idx3-ubyte[.gz] file (labels next to it)"),
            new Options.Spec("biases", "on|off", "a bias vector per layer, starting at 0 (paper footnote 4; default off, on in the paper presets)"),
            new Options.Spec("loss", "KIND", "mean (‖F−Y‖²/(n·classes), the default) | sum (½‖F−Y‖²)"),
            Options.CENTRAL_FLOW,
            Options.OUT_DIR,
            Options.HELP));

    private static final Map<String, String> OPTION_OF_FIELD = ParameterOptions.optionsOf(Fields.RELU, Map.of(
            "data", "--data", "biases", "--biases", "loss", "--loss"));

    private MlpOptions() {}

    /** The preset's network (or the defaults), then every option given; bad values name their option. */
    static MlpParameters resolve(Options o) {
        MlpParameters p = o.has("preset") ? Presets.load(o.getPath("preset")).mlpOrDefault() : MlpParameters.defaults();
        if (o.has("data")) p = p.withData(o.get("data"));
        if (o.has("samples")) p = p.withSamples(o.getInt("samples"));
        if (o.has("depth")) p = p.withDepth(o.getInt("depth"));
        if (o.has("hidden")) p = p.withHidden(o.getInt("hidden"));
        if (o.has("alpha")) p = p.withAlpha(o.getDouble("alpha"));
        if (o.has("biases")) p = p.withBiases(onOff("--biases", o.get("biases")));
        if (o.has("eta")) p = p.withEta(o.getDouble("eta"));
        if (o.has("loss")) p = p.withLoss(LossKind.parse("loss", o.get("loss")));
        if (o.has("seed")) p = p.withSeed(o.getLong("seed"));
        if (o.has("steps")) p = p.withSteps(o.getLong("steps"));
        if (o.has("sharpness-every")) p = p.withSharpnessEvery(o.getInt("sharpness-every"));
        if (o.has("metrics-every")) p = p.withMetricsEvery(o.getInt("metrics-every"));
        return p;
    }

    private static boolean onOff(String option, String value) {
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new UsageException(option + " must be on or off, not '" + value + "'");
        };
    }

    /** A field's complaint, reworded to name the option that set it. */
    static UsageException named(InvalidParameterException e) {
        return ParameterOptions.named(e, OPTION_OF_FIELD);
    }
}
