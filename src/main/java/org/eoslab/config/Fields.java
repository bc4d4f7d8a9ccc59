package org.eoslab.config;

import java.util.List;

/**
 * Every parameter of both networks as a {@link Field}. η, the run length, the seed and the sharpness cadence are the
 * same field for both: η is checked in one place, here, whichever network it drives.
 */
public final class Fields {
    private Fields() {}

    public static final Field ETA = Field.positive("eta", "eta", "E", "learning rate η", true);
    public static final Field STEPS = Field.count("steps", "steps", "T", "GD steps", 0, Parameters.MAX_STEPS, "", true);
    public static final Field SHARPNESS_EVERY = Field.count("sharpnessEvery", "sharpness-every", "K", "sharpness every",
            0, Integer.MAX_VALUE, "steps (1: tracked from step to step; 0 = off)", true);
    public static final Field SEED = Field.count("seed", "seed", "N", "random seed", Long.MIN_VALUE, Long.MAX_VALUE, "", false);

    // the deep linear network (Parameters)
    public static final Field WIDTH = Field.count("width", "width", "d", "width d", 1, Parameters.MAX_WIDTH, "", false);
    public static final Field DEPTH = Field.count("depth", "depth", "L", "depth L", 2, Parameters.MAX_DEPTH, "layers", false);
    public static final Field RANK = Field.count("rank", "rank", "r", "target rank r", 1, Parameters.MAX_WIDTH, "(≤ width d)", false);
    public static final Field ALPHA = Field.positive("alpha", "alpha", "A", "init scale α", false);
    public static final Field TOP = Field.count("top", "top", "k", "singular values recorded per matrix", 1,
            Parameters.MAX_WIDTH, "(≤ width d)", false);

    // the ReLU network (MlpParameters)
    public static final Field SAMPLES = Field.count("samples", "samples", "n", "training samples n", 1, MlpParameters.MAX_SAMPLES,
            "(the first n of the file)", false);
    public static final Field MLP_DEPTH = Field.count("depth", "depth", "L", "depth L", 2, 10, "layers (the paper uses 4 and 6)", false);
    public static final Field HIDDEN = Field.count("hidden", "hidden", "h", "hidden width", 1, MlpParameters.MAX_HIDDEN, "", false);
    public static final Field MLP_ALPHA = Field.positive("alpha", "alpha", "A", "init scale α (× He; 0.41 ≈ PyTorch default)", false);
    public static final Field METRICS_EVERY = Field.count("metricsEvery", "metrics-every", "K", "layer spectra every",
            1, Integer.MAX_VALUE, "steps (on t and t + 1)", false);

    /** The deep linear network's numeric fields. */
    public static final List<Field> LINEAR = List.of(WIDTH, DEPTH, RANK, ALPHA, ETA, SEED, STEPS, SHARPNESS_EVERY, TOP);

    /** The ReLU network's numeric fields. */
    public static final List<Field> RELU = List.of(SAMPLES, MLP_DEPTH, HIDDEN, MLP_ALPHA, ETA, SEED, STEPS, SHARPNESS_EVERY,
            METRICS_EVERY);

    /** The field of {@code fields} with this key, or null. */
    public static Field byKey(List<Field> fields, String key) {
        for (Field f : fields) if (f.key().equals(key)) return f;
        return null;
    }
}
