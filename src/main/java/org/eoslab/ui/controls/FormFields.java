package org.eoslab.ui.controls;

import javafx.scene.control.TextField;
import org.eoslab.config.Checks;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.Messages;
import org.eoslab.config.Numbers;

/** The typed fields of the computed views' forms (period map, ReLU sweep): made, read and filled the same way. */
public final class FormFields {
    private FormFields() {}

    /** A text field with a node id and a width in columns. */
    public static TextField field(String id, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        return f;
    }

    /** The field's number; anything else is refused naming {@code name}. */
    public static double number(TextField f, String name) {
        String t = f.getText() == null ? "" : f.getText().strip();
        if (!Checks.plainNumber(t)) throw new InvalidParameterException(name, Messages.quote(t) + " is not a number");
        return Double.parseDouble(t);
    }

    /** The field's whole number in [lo, hi]; anything else is refused naming {@code name} and the range. */
    public static int count(TextField f, String name, int lo, int hi) {
        double v = number(f, name);
        if (v != Math.rint(v) || v < lo || v > hi) {
            throw new InvalidParameterException(name, f.getText().strip() + " is outside the allowed range [" + lo + ", " + hi + "]");
        }
        return (int) v;
    }

    /** Six significant digits, without trailing zeros. */
    public static String format(double v) {
        return Numbers.significant(v, 6);
    }
}
