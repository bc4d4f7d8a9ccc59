package org.eoslab.ui.mlp;

import java.util.List;
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
import org.eoslab.ui.chart.SpikeSeries;
import org.eoslab.ui.workbench.NetworkPanels;

/**
 * The ReLU network's panels (paper section 4.2, Figs. 1 and 9): loss, sharpness against 2/η, accuracy, a layer's
 * top and bottom five singular values (the penultimate layer unless another is chosen) as they are, as moved since
 * step 0 and as motion per step, and every layer's step-to-step subspace distance (eq. 8), with the penultimate layer's spikes marked.
 */
public final class MlpPanels extends NetworkPanels<MlpParameters> {
    /** Every panel's key (node id, picture name), in order. */
    public static final List<String> KEYS = MlpPanel.keys();

    private final LayerChoice layerChoice;

    public MlpPanels() {
        super(MlpParameters.class, MlpPanel.LOSS.key(), MlpPanel.SHARPNESS.key(), p -> MlpColumns.of(p).eta());
        PanelSet set = set();
        for (MlpPanel p : MlpPanel.values()) set.add(p.key(), p.title(), p.axis(), p.logarithmic());
        layerChoice = new LayerChoice("mlp-layer-choice", panel(MlpPanel.LAYER), panel(MlpPanel.DRIFT), panel(MlpPanel.MOTION));
    }

    @Override
    protected MlpPanels fresh() { return new MlpPanels(); }

    public ChartPanel panel(MlpPanel p) { return set().panel(p.key()); }

    public LayerChoice layerChoice() { return layerChoice; }

    /** The run's series (no target: it fits data); the layer panel shows the penultimate layer unless one was chosen. */
    @Override
    protected void addSeries(MlpParameters p, double[] targetValues, History h) {
        MlpColumns c = MlpColumns.of(p);
        ChartPanel sharp = panel(MlpPanel.SHARPNESS);
        sharp.add(new EnvelopeSeries("sharpness (Lanczos, every K steps)", Layout.SHARPNESS, AS_IS, Palette.dots(0), true));
        panel(MlpPanel.ACCURACY).add(new EnvelopeSeries("accuracy", MlpColumns.ACCURACY, AS_IS, Palette.line(2)));
        ChartPanel layer = panel(MlpPanel.LAYER);
        ChartPanel drift = panel(MlpPanel.DRIFT);
        for (int j = 1; j <= MlpColumns.K; j++) {
            layer.add(new EnvelopeSeries("top σ" + PanelSet.subscript(j), -1, AS_IS, Palette.line(j - 1)));
            drift.add(new EnvelopeSeries("top σ" + PanelSet.subscript(j), -1, EnvelopeSeries.SINCE_START, AS_IS,
                    Palette.line(j - 1), false));
        }
        for (int j = 1; j <= MlpColumns.K; j++) {
            layer.add(new EnvelopeSeries("bottom σ" + PanelSet.subscript(j), -1, AS_IS, Palette.dashed(Palette.colour(6))));
            drift.add(new EnvelopeSeries("bottom σ" + PanelSet.subscript(j), -1, EnvelopeSeries.SINCE_START, AS_IS,
                    Palette.dashed(Palette.colour(6)), false));
        }
        ChartPanel motion = panel(MlpPanel.MOTION);
        motion.add(new EnvelopeSeries("top 5", -1, EnvelopeSeries.stepMotion(MlpColumns.K), FLOORED, Palette.line(0), false));
        motion.add(new EnvelopeSeries("bottom 5", -1, EnvelopeSeries.stepMotion(MlpColumns.K), FLOORED,
                Palette.dashed(Palette.colour(6)), false));
        ChartPanel distance = panel(MlpPanel.DISTANCE);
        for (int l = 1; l <= c.depth(); l++) {
            distance.add(new EnvelopeSeries("W" + PanelSet.subscript(l), c.subspaceDistance(l), FLOORED, Palette.line(l - 1)));
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
