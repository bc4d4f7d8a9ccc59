package org.eoslab.metrics;

/**
 * What math.md predicts for a target spectrum, depth, loss scale and η: per mode the onset learning rate
 * η_i and the sharpness λ_i at the balanced minimum, and how many modes oscillate at η.
 *
 * @param edgeOfStability whether λ_1 &gt; 2/η, i.e. sharpness must stop at 2/η instead of reaching λ_1
 */
public record TheorySummary(double lossScale, double eta, double twoOverEta, double[] onsetLearningRates,
                            double[] predictedSharpness, int modesPredictedToOscillate, boolean edgeOfStability) {

    public static TheorySummary of(double[] singularValues, int depth, double lossScale, double eta) {
        int r = singularValues.length;
        double[] onsets = new double[r];
        double[] sharpness = new double[r];
        for (int i = 0; i < r; i++) {
            onsets[i] = Theory.onsetLearningRate(singularValues[i], depth, lossScale);
            sharpness[i] = Theory.predictedSharpness(singularValues[i], depth, lossScale);
        }
        return new TheorySummary(lossScale, eta, 2.0 / eta, onsets, sharpness,
                Theory.oscillatingModeCount(eta, singularValues, depth, lossScale), sharpness[0] > 2.0 / eta);
    }
}
