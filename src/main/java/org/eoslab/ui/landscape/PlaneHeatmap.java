package org.eoslab.ui.landscape;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.eoslab.metrics.Landscape;

/**
 * The loss over the plane of u₁ and the gradient's orthogonal part, as a heat map on log scale with iso-lines
 * every half decade, and the recent iterates on it (the measured one ringed). Redrawn when a landscape arrives or
 * the pane is resized.
 */
final class PlaneHeatmap extends Region {
    private static final double MARGIN = 36;
    private final Canvas canvas = new Canvas();
    private Landscape shown;

    PlaneHeatmap() {
        setId("landscape-plane");
        getChildren().add(canvas);
        setMinSize(200, 160);
    }

    void show(Landscape l) {
        shown = l;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (shown == null || w < 2 * MARGIN || h < 2 * MARGIN) return;
        double[][] z = shown.plane();
        int ny = z.length, nx = z[0].length;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] row : z) for (double v : row) { lo = Math.min(lo, logOf(v)); hi = Math.max(hi, logOf(v)); }
        double cw = (w - 2 * MARGIN) / nx, ch = (h - 2 * MARGIN) / ny;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double t = hi > lo ? (logOf(z[j][i]) - lo) / (hi - lo) : 0;
                boolean isoLine = Math.floorMod((int) Math.floor(2 * logOf(z[j][i])), 2) == 0;
                g.setFill(Color.hsb(240 - 240 * t, 0.75, isoLine ? 0.95 : 0.85));
                g.fillRect(MARGIN + i * cw, h - MARGIN - (j + 1) * ch, Math.ceil(cw), Math.ceil(ch));
            }
        }
        drawIterates(g, w, h);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(12));
        g.fillText("along u₁ (top Hessian eigenvector) →", MARGIN, h - 10);
        g.fillText("↑ gradient ⊥ u₁", 4, MARGIN - 12);
        g.fillText(String.format(java.util.Locale.ROOT, "loss %.3g … %.3g (log colour)", Math.pow(10, lo), Math.pow(10, hi)),
                w - MARGIN - 200, MARGIN - 12);
    }

    private void drawIterates(GraphicsContext g, double w, double h) {
        double[] px = shown.planeX(), py = shown.planeY();
        double x0 = px[0], x1 = px[px.length - 1], y0 = py[0], y1 = py[py.length - 1];
        double[] ix = shown.iterateX(), iy = shown.iterateY();
        for (int k = 0; k < ix.length; k++) {
            double sx = MARGIN + (ix[k] - x0) / (x1 - x0) * (w - 2 * MARGIN);
            double sy = h - MARGIN - (iy[k] - y0) / (y1 - y0) * (h - 2 * MARGIN);
            g.setFill(Color.WHITE);
            g.fillOval(sx - 4, sy - 4, 8, 8);
            g.setStroke(Color.BLACK);
            g.strokeOval(sx - 4, sy - 4, 8, 8);
        }
        double cx = MARGIN + (shown.current() - x0) / (x1 - x0) * (w - 2 * MARGIN);
        double cy = h - MARGIN - (0 - y0) / (y1 - y0) * (h - 2 * MARGIN);
        g.setStroke(Color.RED);
        g.setLineWidth(2);
        g.strokeOval(cx - 8, cy - 8, 16, 16);
        g.setLineWidth(1);
    }

    private static double logOf(double v) { return Math.log10(Math.max(v, 1e-300)); }

    /** The landscape drawn now (tests). */
    Landscape shown() { return shown; }
}
