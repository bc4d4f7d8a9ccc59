package org.eoslab.ui.chart;

import java.awt.image.BufferedImage;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Pictures the export package draws with Java 2D (the period map, the ReLU sweep), shown in the window. */
public final class AwtImages {
    private AwtImages() {}

    /** The same pixels as a JavaFX image (no javafx-swing, which the platform jars leave out). */
    public static WritableImage toFx(BufferedImage b) {
        int w = b.getWidth();
        int h = b.getHeight();
        int[] argb = b.getRGB(0, 0, w, h, null, 0, w);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }
}
