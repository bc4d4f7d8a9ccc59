package org.eoslab.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A run of the paper's ReLU network (section 4.2): data, architecture, optimizer and what to record.
 *
 * @param data a shipped data set's name ({@link ShippedData}: "fashion-mnist", "mnist"), or an IDX images file
 *             (labels found next to it); null: the shipped Fashion-MNIST subset
 * @param samples training samples used, the first ones of the file
 * @param alpha init scale: W_ℓ entries N(0, α²·2/fan_in)
 * @param biases whether each layer has a bias vector (initialised to 0); the paper's footnote 4 says its
 *               networks have them and its equations leave them out
 * @param metricsEvery layer spectra and subspace distances on steps t, t+1 for t a multiple of this
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MlpParameters(String data, int samples, int depth, int hidden, double alpha, boolean biases, double eta,
                            LossKind loss, long seed, long steps, int sharpnessEvery, int metricsEvery)
        implements RunParameters {
    public static final int MAX_SAMPLES = 60_000;
    public static final int MAX_HIDDEN = 2_000;

    /**
     * The paper's network at a size that runs live: 1000 samples, width 200, depth 4, He × α = 0.408 (the spread
     * of PyTorch's default init, U(±1/√fan_in)), η = 2 for the mean loss: the edge of stability within a few dozen
     * steps (paper section 4.2; presets fig09-*).
     */
    public static MlpParameters defaults() {
        return new MlpParameters(null, 1000, 4, 200, 0.408, false, 2.0, LossKind.MEAN, 1L, 2000, 25, 1);
    }

    @Override
    public MlpParameters validate() {
        if (data != null && ShippedData.named(data) == null && !data.contains("images-idx3")) {
            throw new InvalidParameterException("data", Messages.quote(data) + " is neither a shipped set (fashion-mnist, mnist) nor an "
                    + "MNIST-format images file (*images-idx3-ubyte[.gz])");
        }
        Fields.SAMPLES.check(samples);
        ShippedData shipped = ShippedData.named(data);
        if (shipped != null && samples > shipped.samples()) {                 // a shipped subset holds so many
            throw new InvalidParameterException("samples", samples + " is outside the allowed range ["
                    + (long) Fields.SAMPLES.min() + ", " + shipped.samples() + "] for " + shipped.description());
        }
        Fields.MLP_DEPTH.check(depth);
        Fields.HIDDEN.check(hidden);
        Fields.MLP_ALPHA.check(alpha);
        Fields.ETA.check(eta);
        if (loss == null) throw new InvalidParameterException("loss", "missing");
        Fields.STEPS.check(steps);
        Fields.SHARPNESS_EVERY.check(sharpnessEvery);
        Fields.METRICS_EVERY.check(metricsEvery);
        return this;
    }

    public MlpParameters withData(String v) {
        return new MlpParameters(v, samples, depth, hidden, alpha, biases, eta, loss, seed, steps, sharpnessEvery, metricsEvery);
    }

    public MlpParameters withSamples(int v) {
        return new MlpParameters(data, v, depth, hidden, alpha, biases, eta, loss, seed, steps, sharpnessEvery, metricsEvery);
    }

    public MlpParameters withDepth(int v) {
        return new MlpParameters(data, samples, v, hidden, alpha, biases, eta, loss, seed, steps, sharpnessEvery, metricsEvery);
    }

    public MlpParameters withHidden(int v) {
        return new MlpParameters(data, samples, depth, v, alpha, biases, eta, loss, seed, steps, sharpnessEvery, metricsEvery);
    }

    public MlpParameters withAlpha(double v) {
        return new MlpParameters(data, samples, depth, hidden, v, biases, eta, loss, seed, steps, sharpnessEvery, metricsEvery);
    }

    public MlpParameters withBiases(boolean v) {
        return new MlpParameters(data, samples, depth, hidden, alpha, v, eta, loss, seed, steps, sharpnessEvery, metricsEvery);
    }

    public MlpParameters withEta(double v) {
        return new MlpParameters(data, samples, depth, hidden, alpha, biases, v, loss, seed, steps, sharpnessEvery, metricsEvery);
    }

    public MlpParameters withLoss(LossKind v) {
        return new MlpParameters(data, samples, depth, hidden, alpha, biases, eta, v, seed, steps, sharpnessEvery, metricsEvery);
    }

    public MlpParameters withSeed(long v) {
        return new MlpParameters(data, samples, depth, hidden, alpha, biases, eta, loss, v, steps, sharpnessEvery, metricsEvery);
    }

    public MlpParameters withSteps(long v) {
        return new MlpParameters(data, samples, depth, hidden, alpha, biases, eta, loss, seed, v, sharpnessEvery, metricsEvery);
    }

    public MlpParameters withSharpnessEvery(int v) {
        return new MlpParameters(data, samples, depth, hidden, alpha, biases, eta, loss, seed, steps, v, metricsEvery);
    }

    public MlpParameters withMetricsEvery(int v) {
        return new MlpParameters(data, samples, depth, hidden, alpha, biases, eta, loss, seed, steps, sharpnessEvery, v);
    }
}
