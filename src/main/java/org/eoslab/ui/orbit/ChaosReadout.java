package org.eoslab.ui.orbit;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import org.eoslab.metrics.PeriodDoublings;
import org.eoslab.run.Sweep;
import org.eoslab.run.SweepDefaults;
import org.eoslab.ui.chart.Charts;
import org.eoslab.ui.chart.Palette;
import org.eoslab.ui.chart.PanelSet;

/**
 * Chaos quantified under the bifurcation diagram: the Lyapunov exponent of each mode's map at every swept η
 * (negative on periodic windows, positive in chaos), and a readout of mode 1's period-doubling points (where
 * its map's p-cycle multiplier reaches −1, located by bisection) with the ratios of their gaps, which tend to
 * Feigenbaum's δ.
 */
final class ChaosReadout {
    private final XYChart chart = Charts.xy("Lyapunov exponent of each mode's map", "η", "λ", false);
    private final Label doublings = new Label();

    ChaosReadout() {
        doublings.setId("bif-doublings");
        doublings.getStyleClass().add("readout");
        doublings.setWrapText(true);
        doublings.setPadding(new Insets(0, 10, 4, 10));
    }

    XYChart chart() { return chart; }

    Label doublings() { return doublings; }

    /** Each mode's λ over the swept points, with the zero line; {@code toUnits} maps η to the x axis. */
    void draw(List<Sweep.Point> points, DoubleUnaryOperator toUnits) {
        chart.getDatasets().clear();
        if (points.isEmpty()) return;
        DoubleDataSet zero = new DoubleDataSet("0: periodic below, chaotic above");
        zero.setStyle(Palette.dashed("#888888"));
        zero.set(new double[] {toUnits.applyAsDouble(points.get(0).eta()), toUnits.applyAsDouble(points.get(points.size() - 1).eta())},
                new double[] {0, 0}, 2, true);
        chart.getDatasets().add(zero);
        for (int mode = 0; mode < points.get(0).lyapunov().length; mode++) chart.getDatasets().add(line(points, mode, toUnits));
    }

    /** λ of mode i's map at each swept η (NaN where the map diverges: left out). */
    private static DoubleDataSet line(List<Sweep.Point> points, int mode, DoubleUnaryOperator toUnits) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        int k = 0;
        for (Sweep.Point p : points) {
            if (!Double.isFinite(p.lyapunov()[mode])) continue;
            x[k] = toUnits.applyAsDouble(p.eta());
            y[k++] = p.lyapunov()[mode];
        }
        DoubleDataSet ds = new DoubleDataSet("λ of σ" + PanelSet.subscript(mode + 1) + "'s map");
        ds.setStyle(Palette.line(mode));
        ds.set(x, y, k, true);
        return ds;
    }

    /**
     * Mode 1's doubling points for depth L, in η and in units of its onset {@code eta1}. They are written
     * η₁(p→2p), never η₂ or η₄: the diagram's tags η₂, η₃ are the other modes' onsets.
     */
    void describe(int depth, double eta1) {
        double[] units = PeriodDoublings.universal(depth, SweepDefaults.CASCADE_PERIOD);
        StringBuilder b = new StringBuilder("Mode 1's period doublings:");
        for (int k = 0; k < units.length; k++) {
            b.append(k == 0 ? " " : ", ").append("η₁(").append(1 << k).append("→").append(2 << k).append(") = ")
                    .append(String.format(Locale.ROOT, "%.6g (%.5f·η₁)", units[k] * eta1, units[k]));
        }
        double[] ratios = PeriodDoublings.ratios(units);
        b.append("; successive gaps shrink by ");
        for (int k = 0; k < ratios.length; k++) b.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", ratios[k]));
        b.append(String.format(Locale.ROOT, " → Feigenbaum's δ = %.3f", PeriodDoublings.FEIGENBAUM_DELTA));
        doublings.setText(b.toString());
    }

    /** Exponents drawn now, over every mode (tests). */
    int pointCount() {
        int n = 0;
        for (int i = 1; i < chart.getDatasets().size(); i++) n += chart.getDatasets().get(i).getDataCount();
        return n;
    }
}
