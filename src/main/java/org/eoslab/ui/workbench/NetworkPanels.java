package org.eoslab.ui.workbench;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToIntFunction;
import org.eoslab.config.RunParameters;
import org.eoslab.run.History;
import org.eoslab.run.Pin;
import org.eoslab.metrics.CentralFlowColumns;
import org.eoslab.metrics.Layout;
import org.eoslab.ui.chart.EnvelopeSeries;
import org.eoslab.ui.chart.Ghosts;
import org.eoslab.ui.chart.Palette;
import org.eoslab.ui.chart.PanelSet;
import org.eoslab.ui.chart.Series;
import org.eoslab.ui.chart.StepSeries;

/**
 * A network's training panels, the typed spec of what its view draws: rebuilt for each new run from its
 * parameters, fed the run's rows through {@link #set()}, and pinned runs laid over them as ghosts.
 *
 * @param <P> the parameters of the network
 */
public abstract class NetworkPanels<P extends RunParameters> {
    /** A log-scale series' values, floored so that a zero stays on the chart; a linear series' as they are. */
    protected static final DoubleUnaryOperator FLOORED = Series.floorAt(PanelSet.LOG_FLOOR);
    protected static final DoubleUnaryOperator AS_IS = v -> v;

    private final PanelSet set = new PanelSet();
    private final Class<P> type;
    /** The central flow's dashed lines where no mode colour applies: mid grey reads on both themes. */
    protected static final String FLOW_GREY = "#666666";
    private final List<EnvelopeSeries> flow = new java.util.ArrayList<>();
    private final java.util.Set<String> flowPanels = new java.util.LinkedHashSet<>();
    private final String lossKey;
    private final String sharpnessKey;
    private final ToIntFunction<P> etaColumn;

    /**
     * @param type the type of the network's parameters (a pin's are checked to be of it)
     * @param lossKey the key of the loss panel, {@code sharpnessKey} of the sharpness panel (the subclass adds both)
     * @param etaColumn the column of the η in force in a run of given parameters
     */
    protected NetworkPanels(Class<P> type, String lossKey, String sharpnessKey, ToIntFunction<P> etaColumn) {
        this.type = type;
        this.lossKey = lossKey;
        this.sharpnessKey = sharpnessKey;
        this.etaColumn = etaColumn;
    }

    /** The panels, in order, fed the rows of the run. */
    public final PanelSet set() { return set; }

    /**
     * Fresh series for a run of {@code p} (σ*_i of its target, empty for a network fitting data) and its rows. Both
     * networks start with the loss (log scale, floored) and, first in the sharpness panel so that ChartFX paints it
     * on top, the edge of stability 2/η from the η column (it moves with a live η); then the network's own series.
     */
    public final void rebuild(P p, double[] targetValues, History history) {
        flow.clear();                                      // the rebuild empties every panel
        flowPanels.clear();
        set.clearSeries();
        set.panel(lossKey).add(new EnvelopeSeries("loss", Layout.LOSS, FLOORED, Palette.line(0)));
        set.panel(sharpnessKey).add(new StepSeries("2/η", etaColumn.applyAsInt(p), v -> 2.0 / v, Palette.dashed("#D55E00")));
        addSeries(p, targetValues, history);
    }

    /** The network's own series for a run of {@code p}, after the loss and 2/η. */
    protected abstract void addSeries(P p, double[] targetValues, History history);

    /** A fresh set of these panels (a pinned run's ghost is drawn by panels of its own). */
    protected abstract NetworkPanels<P> fresh();

    /**
     * The central flow over GD's series, dashed (issue 26): its predicted time-averaged loss L + ½σ²S in the loss panel
     * and its S(w) in the sharpness panel, then the network's own ({@link #flowSeries}), fed from the flow's rows by
     * {@link #consumeFlow}. Replaces the last flow's.
     */
    public final void showFlow(CentralFlowColumns f, int rank) {
        clearFlow();
        overlay(lossKey, new EnvelopeSeries("central flow: predicted mean loss", f.meanLoss(), FLOORED, Palette.dashed(FLOW_GREY)));
        overlay(sharpnessKey, new EnvelopeSeries("central flow: S(w)", Layout.SHARPNESS, AS_IS, Palette.dashed(FLOW_GREY)));
        flowSeries(f, rank);
    }

    /** The network's own flow lines (the linear network's predicted mean σ_i); none by default. */
    protected void flowSeries(CentralFlowColumns f, int rank) {}

    /** Adds a flow line to the panel {@code key}. */
    protected final void overlay(String key, EnvelopeSeries s) {
        set.panel(key).addOverlay(s);
        flow.add(s);
        flowPanels.add(key);
    }

    /** Rows [from, to) of the central flow's history. */
    public final void consumeFlow(History h, int from, int to) {
        for (EnvelopeSeries s : flow) s.consume(h, from, to);
    }

    /** Takes the central flow's series away. */
    public final void clearFlow() {
        for (String key : flowPanels) set.panel(key).clearOverlays();
        flow.clear();
        flowPanels.clear();
    }

    /** Whether the central flow is drawn. */
    public final boolean showsFlow() { return !flow.isEmpty(); }

    /** Pinned runs of this network, as ghosts in every panel. */
    public final void showPins(List<Pin> pins) {
        Ghosts.overlayPins(set, pins, pin -> {
            NetworkPanels<P> ghost = fresh();
            ghost.rebuild(type.cast(pin.parameters()), pin.targetValues(), pin.history());
            return ghost.set();
        });
    }
}
