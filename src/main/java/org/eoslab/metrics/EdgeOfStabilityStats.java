package org.eoslab.metrics;

import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;

/**
 * The ReLU network's edge-of-stability numbers (paper section 4.2), accumulated row by row: when the sharpness
 * first reached 2/η, its median over the second half in units of 2/η, how often the loss rose after that, how much
 * more the top-5 singular values of the penultimate layer move per step than the bottom-5 (mean |Δσ| over steps
 * where both rows were measured), how much more the bottom-5 move relative to themselves (mean |Δσ|/σ), how often
 * σ₁'s step changes sign (its zig-zag), and how much σ₁ of that layer grew.
 */
public final class EdgeOfStabilityStats {
    /** The numbers at the end of a run. NaN where a quantity was never measured. */
    public record Summary(long edgeStep, double medianSharpnessOverTwoOverEta, double lowestSharpnessOverTwoOverEta,
                          double lossRiseFraction, double topToBottomMotion, double bottomToTopRelativeMotion,
                          double topReversalFraction, double topGrowth) {}

    private final MlpColumns columns;
    private final int layer;
    private final double[] top = new double[MlpColumns.K];
    private final double[] bottom = new double[MlpColumns.K];
    private double[] sharpness = new double[64];
    private long[] sharpnessStep = new long[64];
    private int samples;
    private long edgeStep = -1;
    private long lastStep = -1;
    private double lastLoss = Double.NaN;
    private long rises;
    private long afterEdge;
    private double topMotion;
    private double bottomMotion;
    private double topRelativeMotion;
    private double bottomRelativeMotion;
    private double lastTopStep = Double.NaN;
    private long topSteps;
    private long topReversals;
    private boolean previousMeasured;
    private double firstTop = Double.NaN;
    private double lastTop = Double.NaN;

    /** For a run of this layout; the layer watched is the penultimate one, its motion counted after the edge. */
    public EdgeOfStabilityStats(MlpColumns columns) {
        this(columns, columns.depth() - 1);
    }

    private EdgeOfStabilityStats(MlpColumns columns, int layer) {
        this.columns = columns;
        this.layer = layer;
    }

    /**
     * Top-5 over bottom-5 motion per step of {@code layer} over a window of consecutive rows ({@code row(i)} reads
     * row i, i = 0..count−1), whether or not the edge was reached: the live readout.
     */
    public static double motionRatio(MlpColumns columns, int layer, int count, IntFunction<IntToDoubleFunction> row) {
        EdgeOfStabilityStats window = new EdgeOfStabilityStats(columns, layer);
        for (int i = 0; i < count; i++) window.addMotion(row.apply(i), true);
        return ratio(window.topMotion, window.bottomMotion);
    }

    /** The next step's row, read through {@code row}: column index → value. */
    public void add(IntToDoubleFunction row) {
        long step = (long) row.applyAsDouble(Layout.STEP);
        double loss = row.applyAsDouble(Layout.LOSS);
        double s = row.applyAsDouble(Layout.SHARPNESS);
        if (!Double.isNaN(s)) {
            addSharpness(step, s);
            if (edgeStep < 0 && s >= 2 / row.applyAsDouble(columns.eta())) edgeStep = step;
        }
        if (edgeStep >= 0 && step > edgeStep) {
            afterEdge++;
            if (loss > lastLoss) rises++;
        }
        addMotion(row, edgeStep >= 0 && step > edgeStep);
        lastLoss = loss;
        lastStep = step;
    }

    private void addSharpness(long step, double s) {
        if (samples == sharpness.length) {
            sharpness = Arrays.copyOf(sharpness, 2 * samples);
            sharpnessStep = Arrays.copyOf(sharpnessStep, 2 * samples);
        }
        sharpnessStep[samples] = step;
        sharpness[samples++] = s;
    }

    /** |Δσ| of the top-5 and the bottom-5 between consecutive measured rows. */
    private void addMotion(IntToDoubleFunction row, boolean count) {
        double t1 = row.applyAsDouble(columns.top(layer, 1));
        boolean measured = !Double.isNaN(t1);
        if (measured) {
            if (Double.isNaN(firstTop)) firstTop = t1;
            lastTop = t1;
        }
        for (int j = 1; j <= MlpColumns.K && measured; j++) {
            double t = row.applyAsDouble(columns.top(layer, j));
            double b = row.applyAsDouble(columns.bottom(layer, j));
            if (previousMeasured && count) {
                topMotion += Math.abs(t - top[j - 1]);
                bottomMotion += Math.abs(b - bottom[j - 1]);
                topRelativeMotion += Math.abs(t - top[j - 1]) / Math.abs(top[j - 1]);
                bottomRelativeMotion += Math.abs(b - bottom[j - 1]) / Math.abs(bottom[j - 1]);
                if (j == 1) countReversal(t - top[0]);
            }
            top[j - 1] = t;
            bottom[j - 1] = b;
        }
        previousMeasured = measured;
    }

    /** A zig-zag of σ₁: its step {@code delta} has the opposite sign of the previous counted step. */
    private void countReversal(double delta) {
        if (!Double.isNaN(lastTopStep) && delta != 0 && lastTopStep != 0) {
            topSteps++;
            if (Math.signum(delta) != Math.signum(lastTopStep)) topReversals++;
        }
        lastTopStep = delta;
    }

    /** The numbers so far; the second half is that of the steps seen (0..last). */
    public Summary summary(double eta) {
        long half = lastStep / 2;
        double[] tail = new double[samples];
        int k = 0;
        for (int i = 0; i < samples; i++) if (sharpnessStep[i] >= half) tail[k++] = sharpness[i];
        Arrays.sort(tail, 0, k);
        double median = k == 0 ? Double.NaN : tail[k / 2] / (2 / eta);
        double lowest = k == 0 ? Double.NaN : tail[0] / (2 / eta);
        return new Summary(edgeStep, median, lowest, afterEdge == 0 ? Double.NaN : rises / (double) afterEdge,
                ratio(topMotion, bottomMotion), ratio(bottomRelativeMotion, topRelativeMotion),
                topSteps == 0 ? Double.NaN : topReversals / (double) topSteps, lastTop / firstTop - 1);
    }

    private static double ratio(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : Double.NaN;
    }
}
