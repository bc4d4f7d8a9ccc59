package org.eoslab.ui.chart;

import io.fair_acc.chartfx.renderer.spi.CachedDataPoints;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import java.lang.reflect.Field;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * ChartFX's error-surface renderer with the envelope band filled in a translucent tint of the line's colour.
 * ChartFX 11.3 fills error surfaces with {@code DataSetNode.getLineFillPattern()}, a hatch pattern derived from
 * the colour that no style can change (DataSetNodeParameter.hatchFillPattern), and reads noisy on a projector.
 * The band's points are protected fields of {@link CachedDataPoints}; they are read reflectively, once per draw.
 */
final class BandRenderer extends ErrorDataSetRenderer {
    /** The band's opacity: the line stays readable over it, overlapping bands stay apart. */
    static final double BAND_OPACITY = 0.22;
    private static final Field X = field("xValues");
    private static final Field LOW = field("errorYNeg");
    private static final Field HIGH = field("errorYPos");
    private static final Field COUNT = field("actualDataCount");
    private double[] polygonX = new double[0];
    private double[] polygonY = new double[0];

    private static Field field(String name) {
        try {
            Field f = CachedDataPoints.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;                                  // another ChartFX: fall back to its own hatch
        }
    }

    @Override
    protected void drawErrorSurface(GraphicsContext gc, DataSetNode style, CachedDataPoints points) {
        if (!fill(gc, style, points)) {
            super.drawErrorSurface(gc, style, points);
            return;
        }
        drawPolyLine(gc, style, points);
        drawMarker(gc, style, points);
    }

    /** The legend shows what the chart shows: the tinted band (for data with an envelope) and the line or marker. */
    @Override
    public boolean drawLegendSymbol(DataSetNode style, javafx.scene.canvas.Canvas canvas) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.save();
        if (style.getDataSet() instanceof io.fair_acc.dataset.DataSetError) {      // a band: its tint behind
            gc.setFill(tint(style.getLineColor()));
            gc.fillRect(1, 1, w - 2, h - 2);
        }
        if (style.getLineWidth() > 0) {
            gc.setLineWidth(style.getLineWidth());
            gc.setLineDashes(style.getLineDashes());
            gc.setStroke(style.getLineColor());
            gc.strokeLine(1, h / 2, w - 1, h / 2);
        } else {
            gc.setFill(style.getMarkerColor());
            gc.fillOval(w / 2 - 2.5, h / 2 - 2.5, 5, 5);
        }
        gc.restore();
        return true;
    }

    @Override
    protected void drawErrorSurfaceNaNCompatible(GraphicsContext gc, DataSetNode style, CachedDataPoints points) {
        drawErrorSurface(gc, style, points);
    }

    /** Fills each run of finite band points as one polygon (upper edge forward, lower edge back). */
    private boolean fill(GraphicsContext gc, DataSetNode style, CachedDataPoints points) {
        if (X == null || LOW == null || HIGH == null || COUNT == null) return false;
        double[] x;
        double[] low;
        double[] high;
        int n;
        try {
            x = (double[]) X.get(points);
            low = (double[]) LOW.get(points);
            high = (double[]) HIGH.get(points);
            n = COUNT.getInt(points);
        } catch (IllegalAccessException e) {
            return false;
        }
        if (polygonX.length < 2 * n) {
            polygonX = new double[2 * n];
            polygonY = new double[2 * n];
        }
        gc.save();
        gc.setFill(tint(style.getLineColor()));
        int start = 0;
        while (start < n) {
            while (start < n && !finite(x[start], low[start], high[start])) start++;
            int end = start;
            while (end < n && finite(x[end], low[end], high[end])) end++;
            int k = 0;
            for (int i = start; i < end; i++) { polygonX[k] = x[i]; polygonY[k++] = high[i]; }
            for (int i = end - 1; i >= start; i--) { polygonX[k] = x[i]; polygonY[k++] = low[i]; }
            if (end - start >= 2) gc.fillPolygon(polygonX, polygonY, k);
            start = end;
        }
        gc.restore();
        return true;
    }

    private static boolean finite(double a, double b, double c) {
        return Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c);
    }

    private static Paint tint(Paint line) {
        Color c = line instanceof Color colour ? colour : Color.GRAY;
        return Color.color(c.getRed(), c.getGreen(), c.getBlue(), BAND_OPACITY * c.getOpacity());
    }
}
