package org.eoslab.ui;

import java.awt.image.BufferedImage;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

/** A JavaFX node rendered to an image at 1×, 2× or 3× (for slides), on the FX thread. */
public final class NodeImages {
    private NodeImages() {}

    public static BufferedImage render(Node node, double scale) {
        SnapshotParameters sp = new SnapshotParameters();
        sp.setTransform(Transform.scale(scale, scale));
        sp.setFill(Color.WHITE);
        WritableImage image = node.snapshot(sp, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            reader.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }
}
