package org.eoslab.ui;

import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The keyboard: space play/pause, → one step (of the run on screen), R reset, [ ] nudge η by 1 % of η₁ (with
 * Shift by 0.1 %), F full screen,
 * P presentation mode, C show/hide the controls, Ctrl+E export a picture. Not while typing in a field.
 */
final class Shortcuts {
    /** What [ and ] add to η, in units of the first onset η₁ (with Shift: a tenth of it). */
    static final double ETA_NUDGE = 0.01;

    private Shortcuts() {}

    /** The keys act on whichever view the window shows when they are pressed. */
    static void install(Supplier<? extends WindowActions> shown, Supplier<FileActions> files, Scene scene, Stage stage) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl) return;
            if (handle(shown.get(), files.get(), stage, e)) e.consume();
        });
    }

    private static double nudge(KeyEvent e) { return e.isShiftDown() ? ETA_NUDGE / 10 : ETA_NUDGE; }

    private static boolean handle(WindowActions view, FileActions files, Stage stage, KeyEvent e) {
        KeyCode code = e.getCode();
        if (code == KeyCode.SPACE) view.activeToolbar().togglePlay();
        else if (code == KeyCode.RIGHT) view.activeToolbar().stepOnce();
        else if (code == KeyCode.R) view.reset();
        else if (code == KeyCode.OPEN_BRACKET) view.controls().nudgeEta(-nudge(e));
        else if (code == KeyCode.CLOSE_BRACKET) view.controls().nudgeEta(nudge(e));
        else if (code == KeyCode.F && stage != null) stage.setFullScreen(!stage.isFullScreen());
        else if (code == KeyCode.E && e.isShortcutDown()) files.pictureDialog();
        else if (code == KeyCode.P) view.setPresentation(!view.presentation());
        else if (code == KeyCode.D && !e.isShortcutDown()) view.setDark(!view.dark());
        else if (code == KeyCode.C && !e.isShortcutDown()) view.setControlsVisible(!view.controlsShown());
        else return false;
        return true;
    }
}
