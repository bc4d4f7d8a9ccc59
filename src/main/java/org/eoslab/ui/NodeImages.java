package org.eoslab.ui;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import org.eoslab.ui.chart.ChartPanel;
import org.eoslab.ui.chart.DrawableChart;
import org.eoslab.ui.chart.TypeScale;

/**
 * A JavaFX node rendered to an image at 1×, 2× or 3× (for slides), on the FX thread. At 2× and 3× the node is not
 * enlarged as a bitmap (ChartFX draws on a canvas: its lines and numbers came out blurry): it is laid out again at
 * that size, in a scene of its own with every type size and line width multiplied, drawn, and put back before the
 * window's next pulse.
 */
public final class NodeImages {
    private NodeImages() {}

    /** {@code node} at {@code scale}: every part's type, in or out of presentation mode, as on screen × scale. */
    public static BufferedImage render(Node node, double scale) {
        Scene live = node.getScene();
        if (scale == 1 || live == null || !(node instanceof Region region)) return snapshot(node, scale);
        List<String> sheets = new ArrayList<>(live.getStylesheets());
        String presenting = presenting(region) ? TypeScale.PRESENTING : null;
        Runnable putBack = detach(region);
        if (putBack == null) return snapshot(node, scale);
        List<ChartPanel> panels = new ArrayList<>();
        collect(region, panels);
        double[] lines = panels.stream().mapToDouble(ChartPanel::lineScale).toArray();
        double width = region.getWidth();
        double height = region.getHeight();
        StackPane holder = new StackPane(region);
        if (presenting != null) holder.getStyleClass().add(presenting);
        Scene scene = new Scene(holder, Math.ceil(region.getWidth() * scale), Math.ceil(region.getHeight() * scale));
        try {
            sheets.removeAll(TypeScale.windowStylesheets());
            sheets.addAll(TypeScale.windowStylesheets(scale));
            scene.getStylesheets().setAll(sheets);
            for (int i = 0; i < panels.size(); i++) panels.get(i).setLineScale(lines[i] * scale);
            holder.applyCss();
            DrawableChart.drawNow(holder);
            return snapshot(holder, 1);
        } finally {
            holder.getChildren().clear();
            for (int i = 0; i < panels.size(); i++) panels.get(i).setLineScale(lines[i]);
            putBack.run();
            region.resize(width, height);                    // as it was, drawn again at once, not at the next pulse
            live.getRoot().applyCss();
            DrawableChart.drawNow(live.getRoot());
        }
    }

    /**
     * Takes {@code node} out of its place (the scene's root, a border pane's slot or a pane's list) and returns what
     * puts it back, or null when its parent is of another kind (it is then enlarged as a bitmap).
     */
    private static Runnable detach(Region node) {
        Parent parent = node.getParent();
        Scene scene = node.getScene();
        if (parent == null && scene.getRoot() == node) {
            scene.setRoot(new Pane());
            return () -> scene.setRoot(node);
        }
        if (parent instanceof BorderPane b) {
            if (b.getCenter() == node) { b.setCenter(null); return () -> b.setCenter(node); }
            if (b.getTop() == node) { b.setTop(null); return () -> b.setTop(node); }
            if (b.getBottom() == node) { b.setBottom(null); return () -> b.setBottom(node); }
            if (b.getLeft() == node) { b.setLeft(null); return () -> b.setLeft(node); }
            if (b.getRight() == node) { b.setRight(null); return () -> b.setRight(node); }
            return null;
        }
        if (parent instanceof Pane p) {
            int i = p.getChildren().indexOf(node);
            p.getChildren().remove(i);
            return () -> p.getChildren().add(i, node);
        }
        return null;
    }

    /** Whether the node is shown in presentation mode's type (it or a node above it has the class). */
    private static boolean presenting(Node node) {
        for (Node n = node; n != null; n = n.getParent()) if (n.getStyleClass().contains(TypeScale.PRESENTING)) return true;
        return false;
    }

    private static void collect(Node node, List<ChartPanel> out) {
        if (node instanceof ChartPanel c) out.add(c);
        if (node instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) collect(child, out);
    }

    /** The node as it is drawn, magnified by {@code scale} (a bitmap enlargement of any canvas in it). */
    private static BufferedImage snapshot(Node node, double scale) {
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
