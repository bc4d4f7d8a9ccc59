package org.eoslab.ui;

import java.util.prefs.Preferences;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.GridPane;

/**
 * The export-picture form: what (the tab's charts, the window, one panel), at which scale ("2× (sharp, for
 * slides)"), with or without the caption, each labelled. It opens on the choices made last time, kept in the
 * user's preferences.
 */
record PictureForm(ComboBox<PictureForm.Target> what, ComboBox<Integer> scale, CheckBox caption) {
    /** Something a picture can be taken of, by name. */
    record Target(String label, java.util.function.Supplier<javafx.scene.Node> node) {
        @Override public String toString() { return label; }
    }

    private static final Preferences PREFS = Preferences.userNodeForPackage(PictureForm.class);

    PictureForm {
        what.setId("picture-what");
        scale.setId("picture-scale");
        caption.setId("picture-caption");
        scale.setCellFactory(list -> new ScaleCell());
        scale.setButtonCell(new ScaleCell());
        String target = PREFS.get("picture.what", what.getItems().get(0).label());
        what.setValue(what.getItems().stream().filter(t -> t.label().equals(target)).findFirst().orElse(what.getItems().get(0)));
        int s = PREFS.getInt("picture.scale", 2);
        scale.setValue(scale.getItems().contains(s) ? s : 2);
        caption.setSelected(PREFS.getBoolean("picture.caption", true));
    }

    /** The form laid out with a label on each row. */
    GridPane pane() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(4));
        grid.addRow(0, new Label("picture of"), what);
        grid.addRow(1, new Label("scale"), scale);
        grid.add(caption, 1, 2);
        return grid;
    }

    /** Keeps these choices for the next export (and the next start of the app). */
    void remember() {
        PREFS.put("picture.what", what.getValue().label());
        PREFS.putInt("picture.scale", scale.getValue());
        PREFS.putBoolean("picture.caption", caption.isSelected());
    }

    /** "1× (as on screen)", "2× (sharp, for slides)", "3× (posters)". */
    static String describe(int scale) {
        return switch (scale) {
            case 1 -> "1× (as on screen)";
            case 2 -> "2× (sharp, for slides)";
            default -> scale + "× (print, posters)";
        };
    }

    private static final class ScaleCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : describe(item));
        }
    }
}
