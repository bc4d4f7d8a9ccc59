package org.eoslab.ui.workbench;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import org.eoslab.metrics.CentralFlowColumns;
import org.eoslab.run.FlowAgreement;
import org.eoslab.run.FlowFollower;
import org.eoslab.run.FlowOverlay;
import org.eoslab.run.History;
import org.eoslab.ui.chart.HistoryFeed;

/**
 * The central flow over a network's panels (issue 26; View › Central flow): follows the engine's
 * {@link FlowFollower} into the panels' dashed overlay, and says under them where the flow describes GD and where
 * it stops ({@link FlowAgreement}), re-measured a few times a second. Hidden while the overlay is off.
 */
public final class FlowReadout {
    static final long REFRESH_NANOS = 250_000_000;

    private final FlowOverlay overlay;
    private final NetworkPanels<?> panels;
    private final Label label = new Label();
    private HistoryFeed feed = new HistoryFeed();
    private long readAt;

    public FlowReadout(FlowOverlay overlay, NetworkPanels<?> panels) {
        this.overlay = overlay;
        this.panels = panels;
        label.setId("central-flow-readout");
        label.getStyleClass().add("readout");
        label.setWrapText(true);
        label.setPadding(new Insets(4, 10, 4, 10));
        show(null);
    }

    public Label label() { return label; }

    /**
     * A frame: {@code rebuilt} when GD's panels were rebuilt (their overlay went with them); GD's rows {@code gd};
     * the run's rank (the product panel's modes).
     */
    public void frame(boolean rebuilt, History gd, int rank, long budgetNanos) {
        FlowFollower f = overlay.current();
        if (rebuilt || (f == null && feed.history() != null)) feed = new HistoryFeed();   // not a new one every frame while off
        if (f == null) {
            if (panels.showsFlow()) panels.clearFlow();
            show(overlay.kind() == null ? null : overlay.refusal() != null ? overlay.refusal()
                    : "The central flow starts with the run.");
            return;
        }
        if (feed.follow(f.generation(), f.history())) panels.showFlow((CentralFlowColumns) f.history().columns(), rank);
        feed.catchUp(panels::consumeFlow, budgetNanos);
        long now = System.nanoTime();
        if (now - readAt < REFRESH_NANOS && label.isVisible()) return;
        readAt = now;
        show(text(f, gd));
    }

    private static String text(FlowFollower f, History gd) {
        if (f.failure() != null) return "The central flow stopped: " + f.failure() + ".";
        String broke = f.brokeAt() < 0 ? "" : " It stopped at step " + f.brokeAt() + ": its numbers are no longer finite.";
        boolean compared = Math.min(gd.size(), f.history().size()) >= FlowAgreement.WINDOW;   // else GD's rows are not finite
        return FlowAgreement.of(gd, f.history()).map(a -> a.sentence(f.kind().label()))
                .orElse(compared ? "GD's loss or σ₁ is not finite in the last " + FlowAgreement.WINDOW + " steps the flow has"
                        + " reached: there is no orbit for the flow to describe." : "Integrating " + f.kind().label()
                        + " beside the run…") + broke;
    }

    private void show(String text) {
        label.setText(text == null ? "" : text);
        label.setVisible(text != null);
        label.setManaged(text != null);
    }

    /** The readout's text now ("" while off; tests). */
    public String text() { return label.getText(); }
}
