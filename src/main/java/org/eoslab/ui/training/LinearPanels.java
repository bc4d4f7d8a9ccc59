package org.eoslab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.eoslab.config.Init;
import org.eoslab.config.Panel;
import org.eoslab.config.Parameters;
import org.eoslab.metrics.CentralFlowColumns;
import org.eoslab.metrics.Columns;
import org.eoslab.metrics.Layout;
import org.eoslab.metrics.Theory;
import org.eoslab.run.History;
import org.eoslab.ui.workbench.NetworkPanels;
import org.eoslab.ui.chart.ChartPanel;
import org.eoslab.ui.chart.EnvelopeSeries;
import org.eoslab.ui.chart.LayerChoice;
import org.eoslab.ui.chart.Palette;
import org.eoslab.ui.chart.PanelSet;
import org.eoslab.ui.chart.ReferenceLine;

/**
 * The deep linear network's panels ({@link Panel}): loss, sharpness, product singular values, layer singular
 * values, singular-vector alignment, balancedness, the layers' bases (Fig. 11) and the Hessian trace
 * (appendix D). Filled anew for each run's column layout.
 */
public final class LinearPanels extends NetworkPanels<Parameters> {
    private final LayerChoice layerChoice;
    private final ReferenceLine predicted = new ReferenceLine("predicted L·σ₁*^(2−2/L)", Palette.dotted("#8C8C8C"));
    private final ReferenceLine traceAtMinimum = new ReferenceLine("at the balanced minimum (eq. 15, corrected)", Palette.dotted("#8C8C8C"));

    public LinearPanels() {
        super(Parameters.class, Panel.LOSS.label(), Panel.SHARPNESS.label(), p -> Columns.of(p).eta());
        add(Panel.LOSS, "Loss", "loss", true);
        add(Panel.SHARPNESS, "Sharpness", "λ_max(∇²f)", false);
        add(Panel.PRODUCT, "Singular values of P, mode by mode", "σ_i(P)", false);
        add(Panel.LAYERS, "Singular values of a layer", "σ_i(W_ℓ)", false);
        add(Panel.ALIGNMENT, "Singular vectors: alignment and motion", "° / distance", true);
        add(Panel.BALANCE, "Balancedness (paper Fig. 4)", "max_ℓ |σ_L² − σ_ℓ²|", true);
        add(Panel.BASES, "Layer bases, Thm 1 / Conj. 2 (Fig. 11): solid invariant, dashed by SVD", "distance", true);
        add(Panel.TRACE, "Hessian trace (paper App. D)", "tr ∇²f", false);
        layerChoice = new LayerChoice("layer-choice", panel(Panel.LAYERS));
    }

    private void add(Panel key, String title, String yLabel, boolean logY) {
        set().add(key.label(), title, yLabel, logY);
    }

    @Override
    protected LinearPanels fresh() { return new LinearPanels(); }

    public ChartPanel panel(Panel key) { return set().panel(key.label()); }

    public LayerChoice layerChoice() { return layerChoice; }

    /** Says why a panel stays empty or flat: sharpness off (the cadence can change live), or the reduced recursion. */
    public void showEngineNotes(int every, boolean reduced) {
        panel(Panel.SHARPNESS).setNote(reduced ? "sharpness is not measured by the reduced recursion: choose the dense engine"
                : every == 0 ? "sharpness off: set “sharpness every” above 0" : null);
        panel(Panel.ALIGNMENT).setNote(reduced ? "the reduced recursion has no singular vectors to measure (it keeps"
                + " Theorem 1's bases by construction): choose the dense engine" : null);
        panel(Panel.BASES).setNote(reduced ? "0 by construction in the reduced recursion (drawn at the 10⁻²⁰ FLOORED):"
                + " choose the dense engine to measure it" : null);
    }

    /** The predicted time averages of σ_i(P), dashed in each mode's colour in the product panel (issue 26). */
    @Override
    protected void flowSeries(CentralFlowColumns f, int rank) {
        for (int i = 1; i <= Math.min(rank, f.top()); i++) {
            overlay(Panel.PRODUCT.label(), new EnvelopeSeries("central flow: mean σ" + PanelSet.subscript(i), f.meanSigma(i),
                    AS_IS, Palette.dashed(Palette.colour(i - 1))));
        }
    }

    /** The run's series (its column layout may differ from the last run's); the charts start empty. */
    @Override
    protected void addSeries(Parameters p, double[] targetValues, History h) {
        Columns c = Columns.of(p);
        // ChartFX paints the first data set last: reference lines first keeps them on top of the data
        ChartPanel sharp = panel(Panel.SHARPNESS);
        predicted.setValue(targetValues.length == 0 ? Double.NaN
                : Theory.predictedSharpness(targetValues[0], p.depth(), p.lossScale()));   // math.md: L·σ₁^(2−2/L)
        sharp.add(predicted);
        sharp.add(new EnvelopeSeries("sharpness (every K steps)", Columns.SHARPNESS, AS_IS, Palette.dots(0), true));

        // modes by their own values |u*ᵢᵀPv*ᵢ| (a sorted σᵢ(P) would swap with a neighbour's low branch), then
        // the sorted σᵢ(P) past the target's rank
        ChartPanel product = panel(Panel.PRODUCT);
        for (int i = 1; i <= c.rank(); i++) {
            product.add(new EnvelopeSeries("mode " + i + ": |u*" + PanelSet.subscript(i) + "ᵀPv*" + PanelSet.subscript(i) + "|",
                    c.mode(i), Math::abs, Palette.line(i - 1)));
        }
        for (int i = c.rank() + 1; i <= c.top(); i++) {
            product.add(new EnvelopeSeries("σ" + PanelSet.subscript(i) + "(P)", c.sigma(i), AS_IS, Palette.line(i - 1)));
        }
        ChartPanel layers = panel(Panel.LAYERS);
        for (int j = 1; j <= c.top(); j++) layers.add(new EnvelopeSeries("σ" + PanelSet.subscript(j), -1, AS_IS, Palette.line(j - 1)));
        layerChoice.reset(c.depth(), c.depth(),
                l -> IntStream.rangeClosed(1, c.top()).map(j -> c.layerSigma(l, j)).toArray(), h);

        ChartPanel align = panel(Panel.ALIGNMENT);
        align.add(new EnvelopeSeries("∠(U_r(P), U*) [°]", c.angleLeft(), FLOORED, Palette.line(0)));
        align.add(new EnvelopeSeries("∠(V_r(P), V*) [°]", c.angleRight(), FLOORED, Palette.line(1)));
        align.add(new EnvelopeSeries("mode mixing", c.modeMixing(), FLOORED, Palette.line(3)));
        for (int l = 1; l <= c.depth(); l++) {
            align.add(new EnvelopeSeries("eq. 8 distance W" + PanelSet.subscript(l), c.subspaceDistance(l), FLOORED, Palette.line(l + 3)));
        }
        ChartPanel balance = panel(Panel.BALANCE);
        for (int i = 1; i <= c.rank(); i++) balance.add(new EnvelopeSeries("mode " + i, c.balanceGap(i), FLOORED, Palette.line(i - 1)));
        ChartPanel bases = panel(Panel.BASES);
        for (int l = 1; l <= c.depth(); l++) {
            bases.add(new EnvelopeSeries("W" + PanelSet.subscript(l), c.basisDistance(l), FLOORED, Palette.line(l - 1)));
        }
        for (int l = 1; l <= c.depth(); l++) {    // the paper's Fig. 11 measure: an SVD's vectors, dashed
            bases.add(new EnvelopeSeries("W" + PanelSet.subscript(l) + " by SVD", c.svdBasisDistance(l), FLOORED,
                    Palette.dashed(Palette.colour(l - 1))));
        }
        ChartPanel trace = panel(Panel.TRACE);
        // the closed form holds where the layers end balanced on Theorem 1's (or Conjecture 2's rotated) bases
        boolean balancedMinimum = p.init() == Init.IDENTITY || p.init() == Init.ZERO_ORTHOGONAL;
        traceAtMinimum.setValue(balancedMinimum ? Theory.hessianTraceAtMinimum(p) : Double.NaN);
        trace.add(traceAtMinimum);
        trace.add(new EnvelopeSeries("tr ∇²f (eq. 15)", c.hessianTrace(), AS_IS, Palette.line(0)));
    }
}
