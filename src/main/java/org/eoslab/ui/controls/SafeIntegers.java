package org.eoslab.ui.controls;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.util.StringConverter;

/**
 * An integer converter for editable spinners that never throws on the FX thread: text that is not an integer
 * in range keeps the current value and says why (the default converter throws NumberFormatException).
 */
public final class SafeIntegers {
    private SafeIntegers() {}

    /** An editable integer spinner whose typed text is checked by {@link #converter}. */
    public static javafx.scene.control.Spinner<Integer> spinner(String field, int min, int max, int initial, int step,
                                                                 Consumer<String> complain) {
        javafx.scene.control.Spinner<Integer> s = new javafx.scene.control.Spinner<>(min, max, initial, step);
        s.setEditable(true);
        s.getValueFactory().setConverter(converter(field, min, max, s.getValueFactory()::getValue, complain));
        return s;
    }

    static StringConverter<Integer> converter(String field, int min, int max, Supplier<Integer> current,
                                              Consumer<String> complain) {
        return new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String text) {
                String t = text == null ? "" : text.strip();
                try {
                    int v = Integer.parseInt(t);
                    if (v >= min && v <= max) {
                        complain.accept(null);
                        return v;
                    }
                } catch (NumberFormatException e) {
                    // refused below
                }
                complain.accept(field + ": '" + text + "' is not a whole number in [" + min + ", " + max + "]");
                return current.get();
            }
        };
    }
}
