package org.eoslab.ui.chart;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/** Panels in an evenly divided grid: 3 columns for more than 4 panels, 2 for 2-4, 1 for one. */
public final class PanelGrid {
    /** Panels shown at once in presentation mode: a 2×2 grid reads at 1280×720 from the back of a room. */
    public static final int PRESENTATION_MAX = 4;

    private PanelGrid() {}

    public static void layout(GridPane grid, List<? extends Node> panels) {
        layout(grid, panels, panels.size() > 4 ? 3 : panels.size() > 1 ? 2 : 1);
    }

    /**
     * {@code big} across one side of a 2×2 grid, {@code first} and {@code second} in the other half: {@code big} on the
     * top row, given {@code bigPercent} % of the height, or (when {@code beside}) in the left column, given that share of
     * the width.
     */
    public static void oneAndTwo(GridPane grid, Node big, Node first, Node second, boolean beside, double bigPercent) {
        grid.getChildren().clear();
        grid.setHgap(6);
        grid.setVgap(6);
        for (int k = 0; k < 2; k++) {
            double share = k == 0 ? bigPercent : 100 - bigPercent;
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(beside ? share : 50);
            grid.getColumnConstraints().add(cc);
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(beside ? 50 : share);
            grid.getRowConstraints().add(rc);
        }
        grid.add(big, 0, 0, beside ? 1 : 2, beside ? 2 : 1);
        grid.add(first, beside ? 1 : 0, beside ? 0 : 1);
        grid.add(second, 1, 1);
    }

    /** Row-major, {@code columns} per row, every cell the same share of the grid. */
    public static void layout(GridPane grid, List<? extends Node> panels, int columns) {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        grid.setHgap(6);
        grid.setVgap(6);
        int rows = Math.max(1, (panels.size() + columns - 1) / columns);
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        for (int i = 0; i < panels.size(); i++) grid.add(panels.get(i), i % columns, i / columns);
    }
}
