package org.eoslab.ui.training;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
import org.eoslab.run.LiveEngine;
import org.eoslab.run.LiveState;
import org.eoslab.ui.chart.HistoryFeed;
import org.eoslab.ui.chart.PanelGrid;
import org.eoslab.ui.view.LiveView;

/**
 * The linear network's training panels, live: the chosen panels in a grid, or one of them large. Reads the
 * engine's new rows every frame (also while another tab is shown, so switching back is instant).
 */
public final class TrainingView implements LiveView {
    private final LiveEngine<Parameters> engine;
    private final LinearPanels panels = new LinearPanels();
    private final HistoryFeed feed = new HistoryFeed();
    private final GridPane grid = new GridPane();
    private final ComboBox<Panel> single = new ComboBox<>(FXCollections.observableArrayList(Panel.values()));
    private final HBox singleBar = new HBox(6, new Label("panel"), single);
    private final BorderPane content = new BorderPane(grid);
    private final Set<Panel> visible = EnumSet.allOf(Panel.class);
    private boolean singleMode;

    public TrainingView(LiveEngine<Parameters> engine) {
        this.engine = engine;
        grid.setId("panel-grid");
        single.setId("single-panel");
        single.setValue(Panel.SHARPNESS);
        single.valueProperty().addListener((obs, o, v) -> layoutPanels());
        singleBar.setPadding(new Insets(4, 8, 4, 8));
        layoutPanels();
    }

    @Override public View name() { return View.TRAINING; }

    @Override public String title() { return "Training"; }

    @Override public Node content() { return content; }

    public LinearPanels panels() { return panels; }

    @Override
    public void frame(long budgetNanos, boolean shown) {
        LiveState<Parameters> s = engine.state();
        if (feed.follow(s.generation(), s.history())) panels.rebuild(s.parameters(), s.targetValues(), s.history());
        panels.showEngineNotes(s.parameters().sharpnessEvery(), s.parameters().engine() == EngineKind.REDUCED);
        if (feed.history() == null) return;
        feed.catchUp(panels.set()::consume, budgetNanos);
        panels.set().flush(s.steps());
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

    private void layoutPanels() {
        List<Panel> keys = singleMode ? List.of(single.getValue()) : visiblePanels();
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
        panels.set().flushAll(engine.state().steps());
    }

    @Override
    public void setLineScale(double factor) { panels.set().setLineScale(factor); }
}
