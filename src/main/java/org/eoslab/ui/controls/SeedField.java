package org.eoslab.ui.controls;

import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.scene.control.TextField;

/** The seed of a run: commits on Enter or when focus leaves; text that is not a whole number is refused. */
public final class SeedField extends TextField {
    private LongConsumer onCommit = v -> {};
    private Consumer<String> onError = m -> {};

    public SeedField(String id) {
        setId(id);
        setOnAction(e -> commit());
        focusedProperty().addListener((obs, was, now) -> { if (!now) commit(); });
    }

    /** Called with the typed seed (the owner ignores an unchanged one). */
    public void setOnCommit(LongConsumer c) { onCommit = c; }

    /** Called with a message naming the field when the text is not a whole number. */
    public void setOnError(Consumer<String> c) { onError = c; }

    public void show(long seed) { setText(Long.toString(seed)); }

    private void commit() {
        long v;
        try {
            v = Long.parseLong(getText().trim());
        } catch (NumberFormatException e) {
            onError.accept("seed: '" + getText() + "' must be a whole number");
            return;
        }
        onCommit.accept(v);
    }
}
