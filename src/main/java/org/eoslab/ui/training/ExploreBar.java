package org.eoslab.ui.training;

import java.util.function.LongConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Exploring a run: Pin keeps it as a ghost in every panel (up to four), Clear pins removes them, and the time
 * scrubber picks a step t of the history (a cursor in every panel; the orbit zoom's window ends there), where
 * Fork continues the run from its weights at t with the η of the controls while the old branch stays pinned.
 */
public final class ExploreBar extends HBox {
    private final Button pin = new Button("Pin run");
    private final Button clear = new Button("Clear pins");
    private final CheckBox scrub = new CheckBox("scrub to step");
    private final Slider slider = new Slider(0, 1, 0);
    private final Label at = new Label();
    private final Button fork = new Button("Fork here");
    private final Label pins = new Label();
    private long lastStep;

    public ExploreBar(Runnable onPin, Runnable onClear, LongConsumer onFork, Runnable onScrub) {
        super(8);
        setId("explore-bar");
        pin.setId("pin");
        clear.setId("clear-pins");
        scrub.setId("scrub");
        slider.setId("scrubber");
        fork.setId("fork");
        pins.setId("pins-label");
        pin.setTooltip(new Tooltip("Keep this run as a faded ghost in every panel (up to 4)"));
        fork.setTooltip(new Tooltip("Continue the run from its weights at the scrubbed step with the η of the controls; the old branch stays pinned"));
        slider.setMajorTickUnit(1);
        slider.setDisable(true);
        fork.setDisable(true);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);
        at.setMinWidth(90);
        pins.setMinWidth(50);                                 // "2 pins" appearing does not shift the scrubber
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(3, 8, 3, 8));
        pin.setOnAction(e -> onPin.run());
        clear.setOnAction(e -> onClear.run());
        fork.setOnAction(e -> onFork.accept(step()));
        scrub.selectedProperty().addListener((o, a, on) -> {
            slider.setDisable(!on);
            fork.setDisable(!on);
            if (on) slider.setValue(lastStep);
            onScrub.run();
        });
        slider.valueProperty().addListener((o, a, v) -> {
            at.setText("step " + step());
            onScrub.run();
        });
        getChildren().addAll(pin, clear, pins, scrub, slider, at, fork);
    }

    /** Per frame: the slider spans the run's steps [first, last]. */
    public void follow(long first, long last) {
        lastStep = last;
        slider.setMin(first);
        if (slider.getMax() != last) slider.setMax(Math.max(first + 1, last));
        if (!scrub.isSelected()) at.setText("");
    }

    /** The scrubbed step, or −1 while not scrubbing. */
    public long scrubbed() {
        return scrub.isSelected() ? step() : -1;
    }

    private long step() { return Math.round(slider.getValue()); }

    /** Scrubs to {@code step} (tests, and a click on a panel). */
    public void scrubTo(long step) {
        scrub.setSelected(true);
        slider.setValue(step);
    }

    public void stopScrubbing() { scrub.setSelected(false); }

    public void showPins(int count) {
        pins.setText(count == 0 ? "" : count + (count == 1 ? " pin" : " pins"));
        clear.setDisable(count == 0);
    }

}
