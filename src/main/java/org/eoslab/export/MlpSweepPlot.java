package org.eoslab.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.eoslab.run.MlpSweep;

/**
 * mlp-sweep.png: each edge-of-stability number of a ReLU network sweep against η, one small panel per number and one
 * line per (depth, seed) in the Okabe-Ito colours; a cell that diverged or died is a cross on its panel's floor. The η
 * axis spans the whole sweep, so a sweep drawn as its cells finish keeps its frame.
 */
public final class MlpSweepPlot {
    /** A panel: its title, the number it plots, and a reference level drawn dashed (NaN: none). */
    record Panel(String title, ToDoubleFunction<MlpSweep.Row> value, double reference) {}

    static final List<Panel> PANELS = List.of(
            new Panel("step where sharpness first reached 2/η", r -> r.edgeStep() < 0 ? Double.NaN : r.edgeStep(), Double.NaN),
            new Panel("median sharpness, 2nd half (× 2/η)", MlpSweep.Row::medianSharpnessOverTwoOverEta, 1),
            new Panel("share of steps the loss rose after the edge", MlpSweep.Row::lossRiseFraction, Double.NaN),
            new Panel("top-5 / bottom-5 singular value motion", MlpSweep.Row::topToBottomMotion, 1),
            new Panel("σ₁ growth, penultimate layer (last/first − 1)", MlpSweep.Row::topGrowth, 0),
            new Panel("final training accuracy", MlpSweep.Row::finalAccuracy, Double.NaN));
    private static final Color[] SERIES = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000)};
    private static final int PANEL_W = 420;
    private static final int PANEL_H = 260;

    private MlpSweepPlot() {}

    /** The picture of {@code rows} (any of {@code spec}'s cells, none yet included), three panels a row. */
    public static BufferedImage render(MlpSweep.Spec spec, List<MlpSweep.Row> rows) {
        int columns = 3;
        int lines = (PANELS.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(columns * PANEL_W, lines * PANEL_H + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            Map<String, List<MlpSweep.Row>> series = series(spec, rows);
            double[] xs = etaRange(spec);
            for (int k = 0; k < PANELS.size(); k++) {
                drawPanel(g, PANELS.get(k), series, xs, (k % columns) * PANEL_W, (k / columns) * PANEL_H);
            }
            drawLegend(g, series, lines * PANEL_H + 8);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The rows by (depth, seed), every pair of the spec in its order (none may have rows yet), each in η order. */
    static Map<String, List<MlpSweep.Row>> series(MlpSweep.Spec spec, List<MlpSweep.Row> rows) {
        Map<String, List<MlpSweep.Row>> out = new LinkedHashMap<>();
        for (int depth : spec.depths()) for (long seed : spec.seeds()) out.put(name(depth, seed), new ArrayList<>());
        List<MlpSweep.Row> sorted = new ArrayList<>(rows);
        sorted.sort(MlpSweepFiles.ORDER);
        for (MlpSweep.Row r : sorted) {
            out.computeIfAbsent(name(r.cell().depth(), r.cell().seed()), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private static String name(int depth, long seed) { return "depth " + depth + ", seed " + seed; }

    /** The sweep's η from first to last, padded by 4 % (a single η: ±5 % of it). */
    static double[] etaRange(MlpSweep.Spec spec) {
        double lo = java.util.Arrays.stream(spec.etas()).min().orElse(1), hi = java.util.Arrays.stream(spec.etas()).max().orElse(1);
        double pad = hi > lo ? 0.04 * (hi - lo) : 0.05 * Math.abs(lo);
        return new double[] {lo - pad, hi + pad};
    }

    private static boolean ended(MlpSweep.Row r) { return r.divergedAtStep() >= 0 || r.diedAtStep() >= 0; }

    private static void drawPanel(Graphics2D g, Panel panel, Map<String, List<MlpSweep.Row>> series, double[] xs, int x, int y) {
        int left = x + 62, top = y + 28, w = PANEL_W - 80, h = PANEL_H - 70;
        double[] ys = range(series, r -> ended(r) ? Double.NaN : panel.value().applyAsDouble(r), panel.reference());
        g.setColor(new Color(0xF6F6F6));
        g.fillRect(left, top, w, h);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(panel.title(), x + 12, y + 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double vx : AxisTicks.round(xs[0], xs[1], 5)) {
            int px = left + (int) Math.round((vx - xs[0]) / (xs[1] - xs[0]) * w);
            tick(g, px, top, px, top + h);
            String label = AxisTicks.label(vx);
            g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, top + h + 15);
        }
        for (double vy : AxisTicks.round(ys[0], ys[1], 4)) {
            int py = py(vy, ys, top, h);
            tick(g, left, py, left + w, py);
            String label = AxisTicks.label(vy);
            g.drawString(label, left - 6 - g.getFontMetrics().stringWidth(label), py + 4);
        }
        g.drawString("learning rate η", left + w / 2 - 40, top + h + 32);
        if (!Double.isNaN(panel.reference())) {
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {5f, 4f}, 0f));
            g.setColor(Color.GRAY);
            int py = py(panel.reference(), ys, top, h);
            g.drawLine(left, py, left + w, py);
        }
        int s = 0;
        for (List<MlpSweep.Row> rows : series.values()) drawSeries(g, panel, rows, SERIES[s++ % SERIES.length], xs, ys, left, top, w, h);
    }

    /** A faint grid line from (x0, y0) to (x1, y1), then the label colour back. */
    private static void tick(Graphics2D g, int x0, int y0, int x1, int y1) {
        g.setColor(new Color(0xDDDDDD));
        g.setStroke(new BasicStroke(1f));
        g.drawLine(x0, y0, x1, y1);
        g.setColor(Color.DARK_GRAY);
    }

    private static void drawSeries(Graphics2D g, Panel panel, List<MlpSweep.Row> rows, Color colour, double[] xs,
                                   double[] ys, int left, int top, int w, int h) {
        g.setColor(colour);
        g.setStroke(new BasicStroke(1.6f));
        Path2D.Double line = new Path2D.Double();
        boolean open = false;
        for (MlpSweep.Row r : rows) {
            int px = left + (int) Math.round((r.cell().eta() - xs[0]) / (xs[1] - xs[0]) * w);
            double v = panel.value().applyAsDouble(r);
            if (ended(r) || !Double.isFinite(v)) {
                if (ended(r)) {
                    g.drawLine(px - 4, top + h - 8, px + 4, top + h);
                    g.drawLine(px - 4, top + h, px + 4, top + h - 8);
                }
                open = false;
                continue;
            }
            int py = py(v, ys, top, h);
            g.fillOval(px - 3, py - 3, 6, 6);
            if (open) line.lineTo(px, py); else line.moveTo(px, py);
            open = true;
        }
        g.draw(line);
    }

    private static int py(double v, double[] ys, int top, int h) {
        return top + h - (int) Math.round((v - ys[0]) / (ys[1] - ys[0]) * h);
    }

    /** [min, max] of the finite values (and the reference), padded by 5 %; a unit range around a single value. */
    private static double[] range(Map<String, List<MlpSweep.Row>> series, ToDoubleFunction<MlpSweep.Row> f, double reference) {
        double lo = Double.isNaN(reference) ? Double.POSITIVE_INFINITY : reference;
        double hi = Double.isNaN(reference) ? Double.NEGATIVE_INFINITY : reference;
        for (List<MlpSweep.Row> rows : series.values()) {
            for (MlpSweep.Row r : rows) {
                double v = f.applyAsDouble(r);
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi >= lo)) return new double[] {0, 1};
        double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(0.5, 0.05 * Math.abs(lo));
        return new double[] {lo - pad, hi + pad};
    }

    private static void drawLegend(Graphics2D g, Map<String, List<MlpSweep.Row>> series, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int x = 20, s = 0;
        for (String name : series.keySet()) {
            g.setColor(SERIES[s++ % SERIES.length]);
            g.fillRect(x, y + 6, 14, 4);
            g.setColor(Color.DARK_GRAY);
            g.drawString(name, x + 20, y + 12);
            x += 30 + g.getFontMetrics().stringWidth(name);
        }
        g.drawString("× on a panel's floor: the run diverged or its network died at that η", x + 10, y + 12);
    }
}
