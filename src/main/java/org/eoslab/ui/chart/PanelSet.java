package org.eoslab.ui.chart;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eoslab.run.History;

/**
 * A named group of chart panels fed from one run's history: the linear network's training panels, the ReLU
 * network's, a row of the side-by-side view. Owners add panels once and fill them with series for each run;
 * the set reads rows into all of them and redraws them, a third per frame.
 */
public final class PanelSet {
    /** Log panels draw values below this (including exact zeros) at this height. */
    public static final double LOG_FLOOR = 1e-20;
    /** Panels are redrawn in this many interleaved groups, one group per frame. */
    static final int REDRAW_GROUPS = 3;

    private final Map<String, ChartPanel> panels = new LinkedHashMap<>();
    private long frame;

    /** Adds an empty panel (its key names it in ids, menus and file names). */
    public ChartPanel add(String key, String title, String yLabel, boolean logY) {
        ChartPanel p = new ChartPanel(key, title, yLabel, logY);
        panels.put(key, p);
        return p;
    }

    public ChartPanel panel(String key) { return panels.get(key); }

    public Collection<ChartPanel> all() { return panels.values(); }

    /** Empties every panel for a new run. */
    public void clearSeries() { panels.values().forEach(ChartPanel::clearSeries); }

    public void consume(History h, int from, int to) {
        for (ChartPanel p : panels.values()) p.consume(h, from, to);
    }

    /**
     * Redraws a third of the visible panels per frame, round-robin: each chart still updates ~20 times a
     * second at 60 fps, and a frame costs a third of the canvas repaints, which is what keeps software
     * rendering (no GPU) above 30 fps while the engine runs flat out.
     */
    public void flush(long lastStep) {
        frame++;
        int i = 0;
        for (ChartPanel p : panels.values()) {
            if (p.isVisible() && (frame + i) % REDRAW_GROUPS == 0) p.flush(lastStep);
            i++;
        }
    }

    /** Redraws every visible panel now (e.g. before a screenshot). */
    public void flushAll(long lastStep) {
        for (ChartPanel p : panels.values()) if (p.isVisible()) p.flush(lastStep);
    }

    /** Line and marker scale of every panel (presentation mode). */
    public void setLineScale(double factor) {
        panels.values().forEach(p -> p.setLineScale(factor));
    }

    /** "₁₂" for 12. */
    public static String subscript(int n) {
        return org.eoslab.config.Labels.subscript(n);
    }
}
