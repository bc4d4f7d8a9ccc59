package org.eoslab.ui.training;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.eoslab.config.EngineKind;
import org.eoslab.config.Panel;
import org.eoslab.config.Parameters;
import org.eoslab.config.View;
import org.eoslab.run.History;
import org.eoslab.run.LiveState;
import org.eoslab.ui.chart.HistoryFeed;
import org.eoslab.ui.chart.PanelGrid;
import org.eoslab.ui.view.LiveView;
import org.eoslab.ui.workbench.FlowReadout;
import org.eoslab.ui.workbench.Workbench;

/**
 * The linear network's training panels, live: the chosen panels in a grid, or one of them large. Reads the
 * engine's new rows every frame (also while another tab is shown, so switching back is instant).
 */
public final class TrainingView implements LiveView {
    private final Workbench<Parameters> bench;
    private final LinearPanels panels;
    private final HistoryFeed feed = new HistoryFeed();
    private final FlowReadout flow;
    private final GridPane grid = new GridPane();
    private final ComboBox<Panel> single = new ComboBox<>(FXCollections.observableArrayList(Panel.values()));
    private final HBox singleBar = new HBox(6, new Label("panel"), single);
    private final BorderPane content = new BorderPane(grid);
    private final Set<Panel> visible = EnumSet.allOf(Panel.class);
    private final ExploreBar explore;
    private DoubleSupplier forkEta = () -> Double.NaN;
    private boolean singleMode;
    private boolean presentation;

    /** {@code panels}: the linear workbench's own. */
    public TrainingView(Workbench<Parameters> bench, LinearPanels panels) {
        this.bench = bench;
        this.panels = panels;
        this.explore = new ExploreBar(bench::pinRun, bench::clearPins, this::forkAt, this::showCursor);
        bench.onPins(shown -> explore.showPins(shown.size()));
        grid.setId("panel-grid");
        single.setId("single-panel");
        single.setValue(Panel.SHARPNESS);
        single.valueProperty().addListener((obs, o, v) -> layoutPanels());
        singleBar.setPadding(new Insets(4, 8, 4, 8));
        flow = new FlowReadout(bench.engine().centralFlow(), panels);
        content.setBottom(new javafx.scene.layout.VBox(flow.label(), explore));
        explore.showPins(0);
        layoutPanels();
    }

    /** Where a fork takes its η from (the controls). */
    public void setForkEta(DoubleSupplier eta) { forkEta = eta; }

    /** Fork at the scrubbed step with the controls' η; the run as it was stays as a pin. */
    private void forkAt(long step) {
        double eta = forkEta.getAsDouble();
        if (!org.eoslab.config.Fields.ETA.allows(eta)) return;
        bench.pinRun();
        bench.engine().fork(step, eta);
        explore.stopScrubbing();
    }

    /** The scrubbed step as a cursor in every panel (none while not scrubbing). */
    private void showCursor() {
        long t = explore.scrubbed();
        for (Panel p : Panel.values()) panels.panel(p).setCursor(t < 0 ? Double.NaN : t);
    }

    /** The scrubbed step, or −1 (the orbit zoom's window ends there). */
    public long scrubbedStep() { return explore.scrubbed(); }

    public ExploreBar explore() { return explore; }

    @Override public View name() { return View.TRAINING; }

    @Override public String title() { return "Training"; }

    @Override public Node content() { return content; }

    /** The grid of panels (or the one large panel), without the pin and fork bar. */
    @Override public Node picture() { return grid; }

    public LinearPanels panels() { return panels; }

    /** The central flow's overlay and readout. */
    public FlowReadout flow() { return flow; }

    @Override
    public void frame(long budgetNanos, boolean shown) {
        LiveState<Parameters> s = bench.engine().state();
        boolean fresh = feed.follow(s.generation(), s.history());
        if (fresh) panels.rebuild(s.parameters(), s.targetValues(), s.history());
        panels.showEngineNotes(s.parameters().sharpnessEvery(), s.parameters().engine() == EngineKind.REDUCED);
        if (feed.history() == null) return;
        feed.catchUp(panels.set()::consume, budgetNanos);
        flow.frame(fresh, feed.history(), s.parameters().rank(), budgetNanos / 4);
        panels.set().flush(s.steps());
        History h = feed.history();
        if (h.size() > 0) explore.follow((long) h.get(0, org.eoslab.metrics.Layout.STEP), s.steps());
    }

    /** Shows or hides one panel of the grid. */
    public void setVisible(Panel panel, boolean on) {
        if (on) visible.add(panel); else visible.remove(panel);
        layoutPanels();
    }

    public boolean isVisible(Panel panel) { return visible.contains(panel); }

    /** The panels shown in grid mode, in their fixed order. */
    public List<Panel> visiblePanels() { return new ArrayList<>(visible); }

    /** One large panel (chosen above it) instead of the grid. */
    public void setSingleMode(boolean on) {
        singleMode = on;
        content.setTop(on ? singleBar : null);
        layoutPanels();
    }

    /** Presentation mode: the first {@value PanelGrid#PRESENTATION_MAX} ticked panels, each large enough to read. */
    @Override
    public void setPresentation(boolean on) {
        presentation = on;
        layoutPanels();
    }

    private void layoutPanels() {
        List<Panel> keys = singleMode ? List.of(single.getValue()) : visiblePanels();
        if (presentation && keys.size() > PanelGrid.PRESENTATION_MAX) keys = keys.subList(0, PanelGrid.PRESENTATION_MAX);
        for (Panel p : Panel.values()) panels.panel(p).setVisible(keys.contains(p));
        PanelGrid.layout(grid, keys.stream().map(panels::panel).toList());
    }

    /** One large panel: {@code panel}. */
    public void showSingle(Panel panel) {
        single.setValue(panel);
        setSingleMode(true);
    }

    @Override public boolean caughtUp() { return feed.caughtUp(); }

    /** Redraws every visible panel now (before a picture is taken). */
    public void flushAll() {
        panels.set().flushAll(bench.engine().state().steps());
    }

    @Override
    public void setLineScale(double factor) { panels.set().setLineScale(factor); }
}
