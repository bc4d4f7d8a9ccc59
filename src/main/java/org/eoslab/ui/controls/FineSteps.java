package org.eoslab.ui.controls;

import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * Fine steps on a slider: Shift-drag moves it {@value #FINE}× as far per pixel as a plain drag (a 24 px drag of
 * the η slider was a 50 % change), and Shift+←/→ by that share of the arrow's step.
 */
final class FineSteps {
    /** Slider travel per pixel (or per arrow key) with Shift held, relative to without. */
    static final double FINE = 0.05;
    private final Slider slider;
    private double anchorX = Double.NaN;
    private double anchorValue;

    private FineSteps(Slider slider) {
        this.slider = slider;
    }

    static void install(Slider slider) {
        FineSteps f = new FineSteps(slider);
        slider.addEventFilter(MouseEvent.MOUSE_PRESSED, f::pressed);
        slider.addEventFilter(MouseEvent.MOUSE_DRAGGED, f::dragged);
        slider.addEventFilter(KeyEvent.KEY_PRESSED, f::key);
    }

    private void pressed(MouseEvent e) {
        anchorX = e.isShiftDown() ? e.getX() : Double.NaN;
        anchorValue = slider.getValue();
        if (e.isShiftDown()) e.consume();
    }

    private void dragged(MouseEvent e) {
        if (!e.isShiftDown() || Double.isNaN(anchorX) || slider.getWidth() <= 0) return;
        double span = slider.getMax() - slider.getMin();
        slider.setValue(clamp(anchorValue + FINE * span * (e.getX() - anchorX) / slider.getWidth()));
        e.consume();
    }

    private void key(KeyEvent e) {
        if (!e.isShiftDown() || (e.getCode() != KeyCode.LEFT && e.getCode() != KeyCode.RIGHT)) return;
        slider.setValue(clamp(slider.getValue() + FINE * slider.getBlockIncrement() * (e.getCode() == KeyCode.RIGHT ? 1 : -1)));
        e.consume();
    }

    private double clamp(double s) { return Math.max(slider.getMin(), Math.min(slider.getMax(), s)); }
}
