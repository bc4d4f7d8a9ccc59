package org.eoslab.metrics;

import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;

/**
 * The ReLU network's edge-of-stability numbers (paper section 4.2), accumulated row by row: when the sharpness
 * first reached 2/η, its median over the second half in units of 2/η, how often the loss rose after that, how much
 * more the top-5 singular values of the penultimate layer move per step than the bottom-5 (mean |Δσ| over steps
 * where both rows were measured), and how much σ₁ of that layer grew.
 */
public final class EdgeOfStabilityStats {
    /** The numbers at the end of a run. NaN where a quantity was never measured. */
    public record Summary(long edgeStep, double medianSharpnessOverTwoOverEta, double lossRiseFraction,
                          double topToBottomMotion, double topGrowth) {}

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
        return window.bottomMotion > 0 ? window.topMotion / window.bottomMotion : Double.NaN;
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
            }
            top[j - 1] = t;
            bottom[j - 1] = b;
        }
        previousMeasured = measured;
    }

    /** The numbers so far; the second half is that of the steps seen (0..last). */
    public Summary summary(double eta) {
        long half = lastStep / 2;
        double[] tail = new double[samples];
        int k = 0;
        for (int i = 0; i < samples; i++) if (sharpnessStep[i] >= half) tail[k++] = sharpness[i];
        Arrays.sort(tail, 0, k);
        double median = k == 0 ? Double.NaN : tail[k / 2] / (2 / eta);
        return new Summary(edgeStep, median, afterEdge == 0 ? Double.NaN : rises / (double) afterEdge,
                bottomMotion > 0 ? topMotion / bottomMotion : Double.NaN, lastTop / firstTop - 1);
    }
}
