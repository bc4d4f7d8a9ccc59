package org.eoslab.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The window's dialogs: non-blocking error alerts (the last message kept for tests) and file choosers. */
final class Dialogs {
    private final Node owner;
    private String lastError;

    Dialogs(Node owner) {
        this.owner = owner;
    }

    /** A non-blocking error dialog naming what failed and why. */
    void showError(String title, String message) {
        lastError = message;
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setTitle(title);
        alert.setHeaderText(title);
        if (window() != null) alert.initOwner(window());
        alert.show();
    }

    String lastError() { return lastError; }

    /** A non-blocking dialog with a longer text (help), wrapped to a readable width. */
    void showText(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle(title);
        alert.setHeaderText(title);
        javafx.scene.control.Label body = new javafx.scene.control.Label(text);
        body.setWrapText(true);
        body.setMaxWidth(640);
        alert.getDialogPane().setContent(body);
        if (window() != null) alert.initOwner(window());
        alert.show();
    }

    /** A file to open, or null when the user cancelled. */
    Path open(String title, String pattern) {
        return path(chooser(title, pattern).showOpenDialog(window()));
    }

    /** A file to write, or null when the user cancelled. */
    Path save(String title, String pattern) {
        return path(chooser(title, pattern).showSaveDialog(window()));
    }

    private Window window() {
        return owner.getScene() == null ? null : owner.getScene().getWindow();
    }

    private static Path path(File f) {
        return f == null ? null : f.toPath();
    }

    private static FileChooser chooser(String title, String pattern) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        return c;
    }
}
