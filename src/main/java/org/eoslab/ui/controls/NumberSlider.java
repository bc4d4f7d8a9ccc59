package org.eoslab.ui.controls;

import org.eoslab.config.Field;

import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A labelled slider with a typed-in value field. Values typed out of range are refused with a message
 * naming the field and the allowed range; nothing changes. On a log scale the slider moves log10(value).
 */
public class NumberSlider extends VBox {
    private final String name;
    private final boolean integer;
    private final Slider slider = new Slider();
    private final TextField field = new TextField();
    private final DoubleProperty value = new SimpleDoubleProperty();
    private final Label error = new Label();
    private double min;
    private double max;
    private boolean log;
    private boolean syncing;
    private String shownText = "";
    private DoubleConsumer onCommit = v -> {};
    private String key;

    /**
     * A slider for a parameter's {@link Field}: its label, node id {@code idPrefix + key}, whole or real; the slider
     * spans [lo, hi], a part of the field's allowed range that a hand can set.
     */
    public static NumberSlider of(String idPrefix, Field field, double lo, double hi, double initial, boolean log) {
        return new NumberSlider(field.label(), idPrefix + field.key(), lo, hi, initial, log, field.whole()).forField(field.key());
    }

    /** The parameter key this slider sets (a complaint about that key is shown under it). */
    public final NumberSlider forField(String fieldKey) {
        this.key = fieldKey;
        return this;
    }

    public final String key() { return key; }

    public NumberSlider(String name, String id, double min, double max, double initial, boolean log, boolean integer) {
        this.name = name;
        this.integer = integer;
        this.min = min;
        this.max = max;
        this.log = log;
        getStyleClass().add("number-slider");
        setId(id);
        slider.setId(id + "-slider");
        field.setId(id + "-field");
        field.setPrefColumnCount(8);
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setManaged(false);
        error.setVisible(false);
        Label label = new Label(name);
        label.getStyleClass().add("control-label");
        HBox row = new HBox(6, slider, field);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(slider, Priority.ALWAYS);
        getChildren().addAll(label, row, error);
        setSpacing(2);
        applyRange();
        setValue(initial);
        slider.valueProperty().addListener((obs, old, v) -> {
            if (syncing) return;
            double x = fromSlider(v.doubleValue());
            if (integer) x = Math.rint(x);
            commit(x);
        });
        FineSteps.install(slider);
        field.setOnAction(e -> commitText());
        field.focusedProperty().addListener((obs, was, now) -> { if (!now) commitText(); });
        Tooltip.install(field, new Tooltip(name + ": type a value and press Enter"));
    }

    private void applyRange() {
        syncing = true;
        slider.setMin(toSlider(min));
        slider.setMax(toSlider(max));
        slider.setBlockIncrement((slider.getMax() - slider.getMin()) / 50);
        syncing = false;
    }

    private double toSlider(double v) { return log ? Math.log10(v) : v; }

    private double fromSlider(double s) { return log ? Math.pow(10, s) : s; }

    private void commitText() {
        String text = field.getText().trim();
        double x;
        try {
            x = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            refuse(name + ": '" + text + "' is not a number; allowed " + rangeText());
            return;
        }
        if (!Double.isFinite(x) || x < min || x > max || (integer && x != Math.rint(x))) {
            refuse(name + ": " + text + " is outside the allowed range " + rangeText());
            return;
        }
        commit(x);
    }

    private String rangeText() {
        return "[" + format(min) + ", " + format(max) + "]" + (integer ? " (integers)" : "");
    }

    private void commit(double x) {
        showError(null);
        if (x == value.get()) {
            syncField();
            return;
        }
        setSilently(x);
        syncField();
        onCommit.accept(x);
    }

    /**
     * Refused text: the field goes back to the value in force (what Play runs), the message stays under it and says
     * which value is kept.
     */
    private void refuse(String message) {
        syncField();
        showError(message + "; kept " + format(value.get()));
    }

    /** A message under the field (null: none). */
    public void showError(String message) {
        boolean show = message != null;
        error.setText(show ? message : "");
        error.setVisible(show);
        error.setManaged(show);
        field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), show);
    }

    public String errorText() { return error.isVisible() ? error.getText() : null; }

    /** Sets the value without notifying (e.g. when the engine reports it). */
    public void setValue(double x) {
        setSilently(x);
        if (!typing()) syncField();
    }

    private void setSilently(double x) {
        syncing = true;
        value.set(x);
        slider.setValue(toSlider(Math.max(min, Math.min(max, x))));
        syncing = false;
    }

    /** True while the field holds text the user typed and has not committed: a reported value must not clobber it. */
    private boolean typing() {
        return field.isFocused() && !field.getText().equals(shownText);
    }

    private void syncField() {
        shownText = format(value.get());
        field.setText(shownText);
    }

    public double value() { return value.get(); }

    public DoubleProperty valueProperty() { return value; }

    public void setRange(double newMin, double newMax) {
        min = newMin;
        max = newMax;
        applyRange();
        setValue(value.get());
    }

    public void setLog(boolean useLog) {
        log = useLog;
        applyRange();
        setValue(value.get());
    }

    public double min() { return min; }

    public double max() { return max; }

    public Slider slider() { return slider; }

    public TextField field() { return field; }

    /** Called with the new value when the user changes it. */
    public void setOnCommit(DoubleConsumer c) { onCommit = c; }

    String format(double v) {
        if (integer) return Long.toString(Math.round(v));
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e").replaceAll("\\.$", "");
    }

    /** Slider x-coordinate (in this control) of a value, from the track's layout; NaN before layout. */
    double trackX(double v) {
        javafx.scene.Node track = slider.lookup(".track");
        if (track == null || slider.getMax() <= slider.getMin()) return Double.NaN;
        var b = track.localToScene(track.getBoundsInLocal());
        var here = sceneToLocal(b);
        double f = (toSlider(v) - slider.getMin()) / (slider.getMax() - slider.getMin());
        double thumb = 8;   // the thumb centre travels the track minus its half-width at each end
        return here.getMinX() + thumb + f * (here.getWidth() - 2 * thumb);
    }
}
