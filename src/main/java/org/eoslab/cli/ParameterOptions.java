package org.eoslab.cli;

import java.util.List;
import java.util.Map;
import org.eoslab.config.Field;
import org.eoslab.config.Fields;
import org.eoslab.config.EngineKind;
import org.eoslab.config.Init;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.LossKind;
import org.eoslab.config.MatrixFile;
import org.eoslab.config.Parameters;
import org.eoslab.config.Presets;
import org.eoslab.engine.Target;

/**
 * The options that define a run, shared by {@code run} and {@code sweep}: a preset (or the defaults),
 * then every option given on the command line overrides its field.
 */
final class ParameterOptions {
    /** σ_i ≤ this fraction of σ_1 counts as zero when a target file's rank is inferred. */
    static final double NUMERICAL_RANK_TOLERANCE = 1e-10;

    /** The numeric options come from the parameters' descriptors ({@link Fields#LINEAR}), the rest are listed here. */
    static final List<Options.Spec> SPECS = specs(Fields.LINEAR, List.of(
            new Options.Spec("preset", "FILE", "start from a preset (presets/*.json); options below override it"),
            new Options.Spec("svals", "s1,s2,...", "target singular values, positive, descending (sets r)"),
            new Options.Spec("target", "FILE.csv", "read M* from d lines of d comma-separated numbers"),
            new Options.Spec("symmetric", null, "random target with U* = V*"),
            new Options.Spec("init", "KIND", "identity | orthogonal | zero-orthogonal | gaussian"),
            new Options.Spec("loss", "KIND", "sum (½‖P−M*‖², paper eq. 1) | mean (‖P−M*‖²/d²)"),
            new Options.Spec("engine", "KIND", "dense (real GD) | reduced (Theorem-1 recursion)")));

    /** Record field → the option that sets it, for messages: every descriptor's, and the fields without one. */
    private static final Map<String, String> OPTION_OF_FIELD = optionsOf(Fields.LINEAR, Map.of(
            "singularValues", "--svals", "target", "--target", "init", "--init", "loss", "--loss", "engine", "--engine"));

    /** One option per descriptor (its option, value hint and help), then {@code others}. */
    static List<Options.Spec> specs(List<Field> fields, List<Options.Spec> others) {
        List<Options.Spec> out = new java.util.ArrayList<>(others.subList(0, 1));          // --preset first
        for (Field f : fields) out.add(new Options.Spec(f.option(), f.hint(), f.help()));
        out.addAll(others.subList(1, others.size()));
        return List.copyOf(out);
    }

    /** Record field → "--option", from the descriptors, plus {@code others}. */
    static Map<String, String> optionsOf(List<Field> fields, Map<String, String> others) {
        Map<String, String> out = new java.util.HashMap<>(others);
        for (Field f : fields) out.put(f.key(), "--" + f.option());
        return Map.copyOf(out);
    }

    private ParameterOptions() {}

    /** The validated parameters; bad input becomes a {@link UsageException} naming the option. */
    static Parameters resolve(Options o) {
        try {
            Parameters p = o.has("preset") ? Presets.load(o.getPath("preset")).parameters() : Parameters.defaults();
            p = applyScalars(o, p);
            p = o.has("target") ? applyTarget(o, p) : applySpectrum(o, p);
            if (o.has("top")) p = p.withTop(o.getInt("top"));        // given: validated, not fitted to the width
            return p.validate();
        } catch (InvalidParameterException e) {
            throw named(e, OPTION_OF_FIELD);
        }
    }

    /** A linear network field's complaint, reworded to name the option that set it. */
    static UsageException named(InvalidParameterException e) {
        return named(e, OPTION_OF_FIELD);
    }

    /** A field's complaint, reworded to name the option that set the field. */
    static UsageException named(InvalidParameterException e, Map<String, String> optionOfField) {
        String option = optionOfField.get(e.field());
        if (option == null) return new UsageException(e.getMessage());
        return new UsageException(option + ": " + e.problem());
    }

    private static Parameters applyScalars(Options o, Parameters p) {
        if (o.has("width")) p = p.resizedTo(o.getInt("width"));
        if (o.has("depth")) p = p.withDepth(o.getInt("depth"));
        if (o.has("symmetric")) p = p.withSymmetric(true);
        if (o.has("alpha")) p = p.withAlpha(o.getDouble("alpha"));
        if (o.has("eta")) p = p.withEta(o.getDouble("eta"));
        if (o.has("init")) p = p.withInit(Init.parse("init", o.get("init")));
        if (o.has("loss")) p = p.withLoss(LossKind.parse("loss", o.get("loss")));
        if (o.has("seed")) p = p.withSeed(o.getLong("seed"));
        if (o.has("steps")) p = p.withSteps(o.getLong("steps"));
        if (o.has("sharpness-every")) p = p.withSharpnessEvery(o.getInt("sharpness-every"));
        if (o.has("engine")) p = p.withEngine(EngineKind.parse("engine", o.get("engine")));
        return p;
    }

    /** --svals sets r and σ*; --rank alone keeps the first r values of the current spectrum. */
    private static Parameters applySpectrum(Options o, Parameters p) {
        if (o.has("svals")) {
            double[] s = o.getDoubles("svals");
            if (o.has("rank") && o.getInt("rank") != s.length) {
                throw new UsageException("--rank " + o.getInt("rank") + " disagrees with the " + s.length
                        + " values of --svals (give one of them, or matching ones)");
            }
            return p.withSpectrum(s);
        }
        if (o.has("rank")) {
            int r = o.getInt("rank");
            double[] current = p.singularValues();
            if (r >= 1 && r <= current.length) return p.withSpectrum(java.util.Arrays.copyOf(current, r));
            if (r >= 1) {
                throw new UsageException("--rank " + r + " needs --svals with " + r
                        + " singular values (the current spectrum has " + current.length + ")");
            }
            return p.withRank(r);
        }
        return p;
    }

    /** --target FILE: d and σ* come from the file; r is its numerical rank unless --rank says otherwise. */
    private static Parameters applyTarget(Options o, Parameters p) {
        if (o.has("svals")) throw new UsageException("--svals and --target exclude each other: the file fixes σ*");
        double[][] rows = MatrixFile.read(o.getPath("target"));
        int d = rows.length;
        if (o.has("width") && o.getInt("width") != d) {
            throw new UsageException("--width " + o.getInt("width") + " conflicts with --target, a " + d + "×" + d + " matrix");
        }
        double[] s = Target.singularValuesOf(rows);
        int numericalRank = 0;
        while (numericalRank < d && s[numericalRank] > NUMERICAL_RANK_TOLERANCE * s[0]) numericalRank++;
        if (numericalRank == 0) throw new UsageException("--target: the matrix in " + o.get("target") + " is zero");
        int r = numericalRank;
        if (o.has("rank")) {
            r = o.getInt("rank");
            if (r < 1 || r > numericalRank) {
                throw new UsageException("--rank " + r + " is outside [1, " + numericalRank + "], the rank of the --target matrix");
            }
        }
        return p.resizedTo(d).withSpectrum(java.util.Arrays.copyOf(s, r)).withTargetFile(o.get("target"));
    }
}
