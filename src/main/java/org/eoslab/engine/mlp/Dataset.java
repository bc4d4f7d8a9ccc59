package org.eoslab.engine.mlp;

/**
 * Images and labels for the MLP: x holds one column per sample (features × samples, row-major, pixels scaled
 * to [0, 1]), so a layer computes Z = W·X; labels are class indices 0..classes−1.
 */
public record Dataset(int features, int samples, int classes, double[] x, int[] labels, String source) {

    /** One-hot targets, classes × samples, row-major. */
    public double[] oneHot() {
        double[] y = new double[classes * samples];
        for (int j = 0; j < samples; j++) y[labels[j] * samples + j] = 1.0;
        return y;
    }
}
