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

/**
 * The ReLU network's panels (paper section 4.2, Figs. 1 and 9): loss, sharpness against 2/η, accuracy, a layer's
 * top and bottom five singular values (the penultimate layer unless another is chosen) as they are, as moved since
 * step 0 and as motion per step, and every layer's step-to-step subspace distance (eq. 8), with the penultimate layer's spikes marked.
 */
public final class MlpPanels {
    public static final List<String> KEYS = List.of("mlp-loss", "mlp-sharpness", "mlp-accuracy", "mlp-layer", "mlp-drift",
            "mlp-motion", "mlp-distance");

    private final PanelSet set = new PanelSet();
    private final LayerChoice layerChoice;

    public MlpPanels() {
        set.add("mlp-loss", "Loss (ReLU network)", "loss", true);
        set.add("mlp-sharpness", "Sharpness (ReLU network)", "λ_max(∇²f)", false);
        set.add("mlp-accuracy", "Training accuracy", "accuracy", false);
        set.add("mlp-layer", "Layer singular values: top 5, bottom 5", "σᵢ(W_ℓ)", false);
        set.add("mlp-drift", "Moved since step 0: top 5, bottom 5", "σᵢ(t) − σᵢ(0)", false);
        set.add("mlp-motion", "Motion per step: top 5 vs bottom 5", "Σ |σᵢ(t) − σᵢ(t−1)|", true);
        set.add("mlp-distance", "Subspace distance (eq. 8)", "K − ‖UₜᵀUₜ₊₁‖²", true);
        layerChoice = new LayerChoice("mlp-layer-choice", set.panel("mlp-layer"), set.panel("mlp-drift"),
                set.panel("mlp-motion"));
    }

    public PanelSet set() { return set; }

    /** Lays pinned ReLU runs over these panels as ghosts (each drawn by panels of its own). */
    public void showPins(List<org.eoslab.run.Pin> pins) {
        org.eoslab.ui.chart.Ghosts.overlayPins(set, pins, pin -> {
            MlpPanels ghost = new MlpPanels();
            ghost.rebuild((MlpParameters) pin.parameters(), pin.history());
            return ghost.set();
        });
    }

    public ChartPanel panel(String key) { return set.panel(key); }

    public LayerChoice layerChoice() { return layerChoice; }

    /** Fresh series for a new run; the layer panel shows the penultimate layer unless one was chosen. */
    public void rebuild(MlpParameters p, History h) {
        MlpColumns c = MlpColumns.of(p);
        set.clearSeries();
        DoubleUnaryOperator floor = Series.floorAt(PanelSet.LOG_FLOOR);
        DoubleUnaryOperator same = v -> v;
        panel("mlp-loss").add(new EnvelopeSeries("loss", Layout.LOSS, floor, Palette.line(0)));
        ChartPanel sharp = panel("mlp-sharpness");
        sharp.add(new StepSeries("2/η", c.eta(), v -> 2.0 / v, Palette.dashed("#D55E00")));
        sharp.add(new EnvelopeSeries("sharpness (Lanczos, every K steps)", Layout.SHARPNESS, same, Palette.dots(0), true));
        panel("mlp-accuracy").add(new EnvelopeSeries("accuracy", MlpColumns.ACCURACY, same, Palette.line(2)));
        ChartPanel layer = panel("mlp-layer");
        ChartPanel drift = panel("mlp-drift");
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
        ChartPanel motion = panel("mlp-motion");
        motion.add(new EnvelopeSeries("top 5", -1, EnvelopeSeries.stepMotion(MlpColumns.K), floor, Palette.line(0), false));
        motion.add(new EnvelopeSeries("bottom 5", -1, EnvelopeSeries.stepMotion(MlpColumns.K), floor,
                Palette.dashed(Palette.colour(6)), false));
        ChartPanel distance = panel("mlp-distance");
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
