package org.eoslab.ui.mlp;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.eoslab.config.MlpParameters;
import org.eoslab.metrics.Layout;
import org.eoslab.metrics.MlpColumns;
import org.eoslab.metrics.SpikeDetector;
import org.eoslab.run.History;
import org.eoslab.ui.chart.ChartPanel;
import org.eoslab.ui.chart.EnvelopeSeries;
import org.eoslab.ui.chart.LayerChoice;
import org.eoslab.ui.chart.Palette;
import org.eoslab.ui.chart.PanelSet;
import org.eoslab.ui.chart.Series;
import org.eoslab.ui.chart.SpikeSeries;
import org.eoslab.ui.chart.StepSeries;
import org.eoslab.ui.workbench.NetworkPanels;

/**
 * The ReLU network's panels (paper section 4.2, Figs. 1 and 9): loss, sharpness against 2/η, accuracy, a layer's
 * top and bottom five singular values (the penultimate layer unless another is chosen) as they are, as moved since
 * step 0 and as motion per step, and every layer's step-to-step subspace distance (eq. 8), with the penultimate layer's spikes marked.
 */
public final class MlpPanels implements NetworkPanels<MlpParameters> {
    /** Every panel's key (node id, picture name), in order. */
    public static final List<String> KEYS = MlpPanel.keys();

    private final PanelSet set = new PanelSet();
    private final LayerChoice layerChoice;

    public MlpPanels() {
        for (MlpPanel p : MlpPanel.values()) set.add(p.key(), p.title(), p.axis(), p.logarithmic());
        layerChoice = new LayerChoice("mlp-layer-choice", panel(MlpPanel.LAYER), panel(MlpPanel.DRIFT), panel(MlpPanel.MOTION));
    }

    @Override
    public PanelSet set() { return set; }

    @Override
    public MlpPanels fresh() { return new MlpPanels(); }

    @Override
    public Class<MlpParameters> parametersType() { return MlpParameters.class; }

    public ChartPanel panel(MlpPanel p) { return set.panel(p.key()); }

    public LayerChoice layerChoice() { return layerChoice; }

    /** Fresh series for a new run (no target: it fits data); the layer panel shows the penultimate layer unless one was chosen. */
    @Override
    public void rebuild(MlpParameters p, double[] targetValues, History h) {
        MlpColumns c = MlpColumns.of(p);
        set.clearSeries();
        DoubleUnaryOperator floor = Series.floorAt(PanelSet.LOG_FLOOR);
        DoubleUnaryOperator same = v -> v;
        panel(MlpPanel.LOSS).add(new EnvelopeSeries("loss", Layout.LOSS, floor, Palette.line(0)));
        ChartPanel sharp = panel(MlpPanel.SHARPNESS);
        sharp.add(new StepSeries("2/η", c.eta(), v -> 2.0 / v, Palette.dashed("#D55E00")));
        sharp.add(new EnvelopeSeries("sharpness (Lanczos, every K steps)", Layout.SHARPNESS, same, Palette.dots(0), true));
        panel(MlpPanel.ACCURACY).add(new EnvelopeSeries("accuracy", MlpColumns.ACCURACY, same, Palette.line(2)));
        ChartPanel layer = panel(MlpPanel.LAYER);
        ChartPanel drift = panel(MlpPanel.DRIFT);
        for (int j = 1; j <= MlpColumns.K; j++) {
            layer.add(new EnvelopeSeries("top σ" + PanelSet.subscript(j), -1, same, Palette.line(j - 1)));
            drift.add(new EnvelopeSeries("top σ" + PanelSet.subscript(j), -1, EnvelopeSeries.SINCE_START, same,
                    Palette.line(j - 1), false));
        }
        for (int j = 1; j <= MlpColumns.K; j++) {
            layer.add(new EnvelopeSeries("bottom σ" + PanelSet.subscript(j), -1, same, Palette.dashed(Palette.colour(6))));
            drift.add(new EnvelopeSeries("bottom σ" + PanelSet.subscript(j), -1, EnvelopeSeries.SINCE_START, same,
                    Palette.dashed(Palette.colour(6)), false));
        }
        ChartPanel motion = panel(MlpPanel.MOTION);
        motion.add(new EnvelopeSeries("top 5", -1, EnvelopeSeries.stepMotion(MlpColumns.K), floor, Palette.line(0), false));
        motion.add(new EnvelopeSeries("bottom 5", -1, EnvelopeSeries.stepMotion(MlpColumns.K), floor,
                Palette.dashed(Palette.colour(6)), false));
        ChartPanel distance = panel(MlpPanel.DISTANCE);
        for (int l = 1; l <= c.depth(); l++) {
            distance.add(new EnvelopeSeries("W" + PanelSet.subscript(l), c.subspaceDistance(l), floor, Palette.line(l - 1)));
        }
        int penultimate = c.depth() - 1;
        distance.add(new SpikeSeries("W" + PanelSet.subscript(penultimate) + " spikes (> " + (int) SpikeDetector.FACTOR
                + "× median of the last " + SpikeDetector.WINDOW + ")", c.subspaceDistance(penultimate),
                Palette.colour(penultimate - 1)));
        layerChoice.reset(c.depth(), c.depth() - 1, l -> {
            int[] topAndBottom = IntStream.concat(IntStream.rangeClosed(1, MlpColumns.K).map(j -> c.top(l, j)),
                    IntStream.rangeClosed(1, MlpColumns.K).map(j -> c.bottom(l, j))).toArray();
            return IntStream.concat(IntStream.concat(IntStream.of(topAndBottom), IntStream.of(topAndBottom)),
                    IntStream.of(c.top(l, 1), c.bottom(l, 1))).toArray();   // raw, since step 0, motion
        }, h);
    }
}
