package org.eoslab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The pins of one network's tab: at most {@link Pin#MAX}, the oldest going first, numbered by a count (a fifth
 * pin is "pin 5"), and a run already pinned as it is not pinned again. Every change is handed to the tab that
 * shows them. FX thread only.
 */
public final class PinBoard {
    private final List<Pin> pins = new ArrayList<>();
    private final Consumer<List<Pin>> shown;
    private int made;

    /** {@code shown} receives the pins after every change (to draw them, enable its buttons). */
    public PinBoard(Consumer<List<Pin>> shown) {
        this.shown = shown;
    }

    /** Pins {@code s}'s run as it is now; false when there is nothing (new) to pin. */
    public boolean add(LiveState<?> s) {
        if (s == null || s.history() == null || s.history().size() == 0) return false;
        if (!pins.isEmpty() && pins.get(pins.size() - 1).isNow(s)) return false;
        if (pins.size() == Pin.MAX) pins.remove(0);
        pins.add(Pin.of(++made, s));
        shown.accept(list());
        return true;
    }

    public void clear() {
        pins.clear();
        made = 0;
        shown.accept(list());
    }

    /** Replaces the pins (a session's), keeping the last {@link Pin#MAX}. */
    public void replace(List<Pin> restored) {
        pins.clear();
        pins.addAll(restored.subList(Math.max(0, restored.size() - Pin.MAX), restored.size()));
        made = pins.size();
        shown.accept(list());
    }

    public List<Pin> list() { return List.copyOf(pins); }
}
