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
    private final ChartPanel panel;
    private IntFunction<int[]> columnsOf;
    private History history;

    public LayerChoice(String id, ChartPanel panel) {
        this.panel = panel;
        choice.setId(id);
        choice.valueProperty().addListener((obs, old, layer) -> {
            if (layer != null && columnsOf != null && history != null) bind(layer, history);
        });
        HBox header = new HBox(6, new Label("layer"), choice);
        header.getStyleClass().add("panel-header");
        panel.setTop(header);
    }

    /**
     * A new run with {@code depth} layers: layer ℓ's series read the columns {@code columnsOf(ℓ)}, in series order.
     * The chosen layer is kept when it still exists, else {@code fallback} is shown; the series start empty.
     */
    public void reset(int depth, int fallback, IntFunction<int[]> columnsOf, History h) {
        this.columnsOf = columnsOf;
        this.history = h;
        Integer keep = choice.getValue();
        choice.setItems(FXCollections.observableArrayList(IntStream.rangeClosed(1, depth).boxed().toList()));
        choice.setValue(keep != null && keep <= depth ? keep : fallback);
        bind(choice.getValue(), null);   // fresh series: the frame loop reads the rows, on budget
    }

    private void bind(int layer, History rows) {
        List<Series> series = panel.series();
        int[] columns = columnsOf.apply(layer);
        for (int j = 0; j < columns.length; j++) series.get(j).rebind(columns[j], rows);
    }

    public ComboBox<Integer> comboBox() { return choice; }
}
