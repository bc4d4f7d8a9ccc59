package org.eoslab.ui.chart;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.eoslab.run.History;

/**
 * The "layer ℓ" chooser above a panel that shows one layer's singular values: picking another layer points the
 * panel's series at that layer's columns and re-reads the rows drawn so far.
 */
public final class LayerChoice {
    private final ComboBox<Integer> choice = new ComboBox<>();
    private final List<ChartPanel> panels;
    private IntFunction<int[]> columnsOf;
    private History history;
    /** The layer shown by default for the current run, or null before the first run. */
    private Integer fallback;

    /** The chooser sits above the first panel; every panel's series follow the chosen layer. */
    public LayerChoice(String id, ChartPanel... panels) {
        this.panels = List.of(panels);
        ChartPanel panel = panels[0];
        choice.setId(id);
        choice.valueProperty().addListener((obs, old, layer) -> {
            if (layer != null && columnsOf != null && history != null) bind(layer, history);
        });
        HBox header = new HBox(6, new Label("layer"), choice);
        header.getStyleClass().add("panel-header");
        panel.setTop(header);
    }

    /**
     * A new run with {@code depth} layers: layer ℓ's series read the columns {@code columnsOf(ℓ)}, in series order
     * over all panels.
     * A layer the user picked is kept while it exists; otherwise the run's {@code fallback} is shown (a depth change
     * moves the default, e.g. the penultimate layer, with it). The series start empty.
     */
    public void reset(int depth, int fallback, IntFunction<int[]> columnsOf, History h) {
        this.columnsOf = columnsOf;
        this.history = h;
        Integer keep = choice.getValue();
        boolean picked = keep != null && !keep.equals(this.fallback);
        this.fallback = fallback;
        choice.setItems(FXCollections.observableArrayList(IntStream.rangeClosed(1, depth).boxed().toList()));
        choice.setValue(picked && keep <= depth ? keep : fallback);
        bind(choice.getValue(), null);   // fresh series: the frame loop reads the rows, on budget
    }

    private void bind(int layer, History rows) {
        int[] columns = columnsOf.apply(layer);
        int j = 0;
        for (ChartPanel p : panels) {
            for (Series s : p.series()) s.rebind(columns[j++], rows);
        }
    }

    public ComboBox<Integer> comboBox() { return choice; }
}
