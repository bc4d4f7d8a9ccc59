package org.eoslab.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eoslab.run.PeriodMap;
import org.eoslab.run.PeriodMap.Attractor;

/**
 * A period map drawn as a picture (for map.png and for the app's view, which shows the same image): one
 * coloured cell per (η, y) with the attractor of its wildest mode, each mode's onset curve η_i(y) from
 * math.md over it, axes and a legend. Colours are the Okabe-Ito set (readable with any colour vision).
 */
public final class PeriodMapImage {
    public static final Map<Attractor, Color> COLOURS = new EnumMap<>(Attractor.class);

    static {
        COLOURS.put(Attractor.CONVERGED, new Color(0xE4E4E4));
        COLOURS.put(Attractor.SADDLE, new Color(0xFFFFFF));
        COLOURS.put(Attractor.PERIOD_2, new Color(0x0072B2));
        COLOURS.put(Attractor.PERIOD_4, new Color(0x56B4E9));
        COLOURS.put(Attractor.PERIOD_8, new Color(0x009E73));
        COLOURS.put(Attractor.PERIOD_16, new Color(0xF0E442));
        COLOURS.put(Attractor.SLOW, new Color(0x9BB5C8));
        COLOURS.put(Attractor.OTHER, new Color(0xCC79A7));
        COLOURS.put(Attractor.CHAOTIC, new Color(0xD55E00));
        COLOURS.put(Attractor.DIVERGED, new Color(0x222222));
    }

    private static final int LEFT = 90;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final int LEGEND = 170;

    /** The picture and where its plot area lies, so a pointer position maps back to a cell. */
    public record Plot(BufferedImage image, int left, int top, int width, int height, double x0, double x1, double y0,
                       double y1, int columns, int rows) {
        /** {column, row} under pixel (px, py), or null outside the cells. */
        public int[] cellAt(double px, double py) {
            if (px < left || px >= left + width || py < top || py >= top + height) return null;
            int c = (int) ((px - left) / width * columns);
            int r = (int) ((top + height - py) / height * rows);
            return new int[] {Math.min(c, columns - 1), Math.min(r, rows - 1)};
        }

        /** The η at pixel column px. */
        public double etaAt(double px) { return x0 + (px - left) / width * (x1 - x0); }

        /** The y at pixel row py. */
        public double yAt(double py) { return y0 + (top + height - py) / height * (y1 - y0); }

        /** The same plot in pixels of a picture drawn {@code s} times larger. */
        Plot scaledBy(double s) {
            return new Plot(image, (int) Math.round(left * s), (int) Math.round(top * s), (int) Math.round(width * s),
                    (int) Math.round(height * s), x0, x1, y0, y1, columns, rows);
        }
    }

    private PeriodMapImage() {}

    /** Draws {@code cells} of {@code map} on a {@code w}×{@code h} picture, each cell its wildest mode's attractor. */
    public static Plot render(PeriodMap map, List<PeriodMap.Cell> cells, int w, int h) {
        return render(map, cells, 0, w, h);
    }

    /** The same, coloured by mode {@code mode}'s attractor (1-based; 0: the wildest mode's). */
    public static Plot render(PeriodMap map, List<PeriodMap.Cell> cells, int mode, int w, int h) {
        return render(map, cells, mode, w, h, 1);
    }

    /**
     * The same with text, margins and lines {@code textScale} times as large (presentation mode): drawn at
     * w/textScale × h/textScale and magnified as vectors, so the map keeps its pixels and its type grows.
     */
    public static Plot render(PeriodMap map, List<PeriodMap.Cell> cells, int mode, int w, int h, double textScale) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(textScale, textScale);
            return draw(g, image, map, cells, mode, (int) (w / textScale), (int) (h / textScale)).scaledBy(textScale);
        } finally {
            g.dispose();
        }
    }

    private static Plot draw(Graphics2D g, BufferedImage image, PeriodMap map, List<PeriodMap.Cell> cells, int mode, int w, int h) {
        double[] etas = map.etas();
        double[] ys = map.ys();
        double dx = etas.length > 1 ? (etas[etas.length - 1] - etas[0]) / (etas.length - 1) : Math.max(1e-9, 0.02 * etas[0]);
        double dy = ys.length > 1 ? (ys[ys.length - 1] - ys[0]) / (ys.length - 1) : Math.max(1e-9, 0.02 * Math.abs(ys[0]) + 1e-9);
        Plot plot = new Plot(image, LEFT, TOP, w - LEFT - LEGEND, h - TOP - BOTTOM,
                etas[0] - dx / 2, etas[etas.length - 1] + dx / 2, ys[0] - dy / 2, ys[ys.length - 1] + dy / 2, etas.length, ys.length);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(0xF6F6F6));
        g.fillRect(plot.left(), plot.top(), plot.width(), plot.height());
        for (PeriodMap.Cell c : cells) {
            g.setColor(COLOURS.get(c.attractor(mode)));
            int x = plot.left() + c.column() * plot.width() / plot.columns();
            int x2 = plot.left() + (c.column() + 1) * plot.width() / plot.columns();
            int y = plot.top() + plot.height() - (c.row() + 1) * plot.height() / plot.rows();
            int y2 = plot.top() + plot.height() - c.row() * plot.height() / plot.rows();
            g.fillRect(x, y, x2 - x, y2 - y);
        }
        drawOnsets(g, plot, map);
        drawAxes(g, plot, map.axis().label(), mode, map.relative() ? "η / η₁ (each row's own onset)" : "learning rate η");
        drawLegend(g, plot);
        return plot;
    }

    /** Each mode's η_i(y): a black line on a white halo, labelled at its top end. */
    private static void drawOnsets(Graphics2D g, Plot plot, PeriodMap map) {
        double[] ys = map.ys();
        int modes = map.onsets(0).length;
        for (int m = 0; m < modes; m++) {
            Path2D.Double line = new Path2D.Double();
            double lastX = Double.NaN;
            double lastY = Double.NaN;
            for (int j = 0; j < ys.length; j++) {
                double eta = map.onsetsInX(j)[m];
                double px = plot.left() + (eta - plot.x0()) / (plot.x1() - plot.x0()) * plot.width();
                double py = plot.top() + plot.height() - (ys[j] - plot.y0()) / (plot.y1() - plot.y0()) * plot.height();
                if (j == 0) line.moveTo(px, py); else line.lineTo(px, py);
                lastX = px;
                lastY = py;
            }
            java.awt.Shape clip = g.getClip();
            g.clipRect(plot.left(), plot.top(), plot.width(), plot.height());
            g.setStroke(new BasicStroke(4f));
            g.setColor(Color.WHITE);
            g.draw(line);
            g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
            g.setColor(Color.BLACK);
            g.draw(line);
            g.setClip(clip);
            if (lastX >= plot.left() && lastX <= plot.left() + plot.width()) {
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
                g.drawString("η" + org.eoslab.config.Labels.subscript(m + 1), (int) lastX + 5, Math.max(plot.top() + 16, (int) lastY + 16));
            }
        }
    }

    private static void drawAxes(Graphics2D g, Plot plot, String yLabel, int mode, String xLabel) {
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(plot.left(), plot.top(), plot.width(), plot.height());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double eta : AxisTicks.round(plot.x0(), plot.x1(), 7)) {
            int px = (int) Math.round(plot.left() + (eta - plot.x0()) / (plot.x1() - plot.x0()) * plot.width());
            g.drawLine(px, plot.top() + plot.height(), px, plot.top() + plot.height() + 5);
            String label = AxisTicks.label(eta);
            g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, plot.top() + plot.height() + 20);
        }
        for (double y : AxisTicks.round(plot.y0(), plot.y1(), 7)) {
            int py = (int) Math.round(plot.top() + plot.height() - (y - plot.y0()) / (plot.y1() - plot.y0()) * plot.height());
            g.drawLine(plot.left() - 5, py, plot.left(), py);
            String yl = AxisTicks.label(y);
            g.drawString(yl, plot.left() - 8 - g.getFontMetrics().stringWidth(yl), py + 4);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString(xLabel, plot.left() + plot.width() / 2 - g.getFontMetrics().stringWidth(xLabel) / 2, plot.top() + plot.height() + 45);
        g.drawString(yLabel, 8, plot.top() - 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Period map: " + (mode == 0 ? "the wildest mode's attractor" : "mode " + mode + "'s attractor") + " at each (η, "
                + yLabel + "); dashed: onsets η_i (math.md)", plot.left(), 22);
    }

    private static void drawLegend(Graphics2D g, Plot plot) {
        int x = plot.left() + plot.width() + 16;
        int y = plot.top() + 4;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (Attractor a : Attractor.values()) {
            g.setColor(COLOURS.get(a));
            g.fillRect(x, y, 18, 14);
            g.setColor(Color.GRAY);
            g.drawRect(x, y, 18, 14);
            g.setColor(Color.BLACK);
            g.drawString(a.label(), x + 26, y + 12);
            y += 24;
        }
    }

}
