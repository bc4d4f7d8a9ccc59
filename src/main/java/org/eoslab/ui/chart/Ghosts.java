package org.eoslab.ui.chart;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pinned runs laid over the live panels: each pin is drawn by a panel set of its own (the same series the
 * live run has, so every panel shows it), whose points are copied as faded, dashed lines into the live
 * panel of the same name, with one legend entry per pin.
 */
public final class Ghosts {
    /** Dash patterns telling up to four pins apart. */
    private static final String[] DASHES = {"7 4", "2 3", "10 3 2 3", "1 5"};
    private static final Pattern COLOUR = Pattern.compile("#([0-9A-Fa-f]{6})");
    private static final double OPACITY = 0.45;

    private Ghosts() {}

    /**
     * Lays pinned runs over {@code live}: each pin drawn by a panel set {@code draw} builds for it (the same series
     * a live run has) from its frozen rows.
     */
    public static void overlayPins(PanelSet live, List<org.eoslab.run.Pin> pins, java.util.function.Function<org.eoslab.run.Pin, PanelSet> draw) {
        List<PanelSet> sets = new ArrayList<>();
        for (org.eoslab.run.Pin pin : pins) {
            PanelSet ghost = draw.apply(pin);
            ghost.consume(pin.history(), 0, pin.rows());
            ghost.flushAll(pin.rows() == 0 ? 0 : (long) pin.history().get(pin.rows() - 1, org.eoslab.metrics.Layout.STEP));
            sets.add(ghost);
        }
        overlay(live, sets, pins.stream().map(org.eoslab.run.Pin::label).toList());
    }

    /** Lays {@code pins} (each a filled panel set, with its label) over {@code live}; no pins clears them. */
    public static void overlay(PanelSet live, List<PanelSet> pins, List<String> labels) {
        for (ChartPanel panel : live.all()) {
            List<DataSet> lines = new ArrayList<>();
            List<DataSet> legend = new ArrayList<>();
            for (int k = 0; k < pins.size(); k++) {
                ChartPanel ghost = pins.get(k).panel(panel.key());
                if (ghost == null) continue;
                for (Series s : ghost.series()) {
                    DataSet source = s.dataSet();
                    if (source.getDataCount() == 0) continue;
                    DoubleDataSet copy = new DoubleDataSet(source.getName(), source.getDataCount());
                    for (int i = 0; i < source.getDataCount(); i++) copy.add(source.get(0, i), source.get(1, i));
                    copy.setStyle(faded(source.getStyle(), k));
                    lines.add(copy);
                }
                DoubleDataSet entry = new DoubleDataSet(labels.get(k));
                entry.setStyle(faded(Palette.line(6), k));
                legend.add(entry);
            }
            panel.setGhosts(lines, legend);
        }
    }

    /** The style with its colours at {@value #OPACITY} opacity and pin k's dash pattern. */
    static String faded(String style, int k) {
        String base = style == null ? Palette.line(6) : style;
        Matcher m = COLOUR.matcher(base);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int rgb = Integer.parseInt(m.group(1), 16);
            m.appendReplacement(out, String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.2f)", rgb >> 16, (rgb >> 8) & 0xFF, rgb & 0xFF, OPACITY));
        }
        m.appendTail(out);
        return out.toString().replaceAll("-fx-line-dash-array:[^;]*;", "") + " -fx-line-dash-array: " + DASHES[k % DASHES.length] + ";";
    }
}
