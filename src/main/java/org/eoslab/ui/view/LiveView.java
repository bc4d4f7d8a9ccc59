package org.eoslab.ui.view;

import java.util.List;
import javafx.scene.Node;
import org.eoslab.config.Network;
import org.eoslab.config.View;
import org.eoslab.ui.chart.TypeScale;

/**
 * One tab of the window: its name, its content, the side controls it wants, and its per-frame update. The
 * window calls {@link #frame} on every view once per frame; a view does heavy work only while it is shown.
 */
public interface LiveView {
    View name();

    /**
     * The network whose parameters, run toolbar, pins and exports go with this tab: the deep linear network's for
     * every view but the ReLU network's own.
     */
    default Network network() { return networks().get(networks().size() - 1); }

    /** The networks this view draws (an animation of it drives each). */
    default List<Network> networks() { return name().networks(); }

    /** The tab's title. */
    String title();

    Node content();

    /** What a picture or an animation of this tab shows: its charts, without buttons, fields or readouts. */
    default Node picture() { return content(); }

    /** The controls shown beside the content: null for the window's own (the linear network's parameters). */
    default Node sideControls() { return null; }

    /**
     * Called once per frame on the FX thread; never blocks.
     *
     * @param budgetNanos time this view may spend reading new rows
     * @param shown whether the view is the selected tab
     */
    void frame(long budgetNanos, boolean shown);

    /** The tab was selected. */
    default void onShown() {}

    /** Everything the engine has published is drawn (or will be within a few frames); views that read rows override. */
    default boolean caughtUp() { return true; }

    /** Thicker lines and larger markers (presentation mode). */
    default void setLineScale(double factor) {}

    /**
     * Presentation mode's type on what this view shows the room: its charts and readouts, not its forms (they are the
     * lecturer's, and at 19 px they took the charts' height). The window gives it to the shown tab only, so P
     * restyles one tab, not all seven.
     */
    default void presentType(boolean on) {
        TypeScale.present(picture(), on);
        for (Node readout : content().lookupAll(".readout")) TypeScale.present(readout, on);
    }

    /** Presentation mode on or off: a view may show fewer, larger panels, and grow the type it draws itself. */
    default void setPresentation(boolean on) {}
}
