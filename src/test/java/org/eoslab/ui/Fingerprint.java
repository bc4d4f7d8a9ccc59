package org.eoslab.ui;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.XYChart;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Toggle;
import org.eoslab.config.Network;
import org.eoslab.config.View;

/**
 * Everything a user can set in a window, read off its scene graph: every choice box, text field, toggle and
 * slider of every tab and side panel, every chart axis' auto-ranging, the ticked panels, the shown tab, the title
 * and text, and the pins of each network. Two windows with equal fingerprints look and act the same on Play.
 */
final class Fingerprint {
    private Fingerprint() {}

    static List<String> of(MainView view) {
        List<String> out = new ArrayList<>();
        out.add("tab " + view.selectedView().name());
        out.add("preset " + view.preset().title() + " / " + view.preset().description());
        out.add("panels " + view.training().visiblePanels());
        out.add("presentation " + view.presentation() + " dark " + view.dark() + " controls " + view.controlsShown());
        for (Network n : Network.values()) out.add("pins " + n + " " + view.bench(n).pins().size());
        walk(view.controls(), "controls", out);
        walk(view.mlp().sideControls(), "mlp-controls", out);
        for (View v : View.values()) walk(view.content(v), v.label(), out);
        return out;
    }

    private static void walk(Node node, String path, List<String> out) {
        String here = path + "/" + (node.getId() != null ? node.getId() : node.getClass().getSimpleName());
        if (node instanceof ComboBoxBase<?> c) out.add(here + " = " + c.getValue());
        else if (node instanceof TextInputControl t) out.add(here + " = " + t.getText());
        else if (node instanceof Toggle t) out.add(here + " = " + t.isSelected());
        else if (node instanceof Slider s) out.add(here + " = " + s.getValue());
        if (node instanceof XYChart chart) {
            for (Axis a : chart.getAxes()) out.add(here + " axis " + a.getSide() + " auto " + a.isAutoRanging());
        }
        if (node instanceof ScrollPane s && s.getContent() != null) walk(s.getContent(), here, out);
        if (node instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) walk(child, here, out);
    }
}
