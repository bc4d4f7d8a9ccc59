package org.eoslab.ui.controls;

import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.eoslab.run.LiveEngine;
import org.eoslab.run.LiveState;

/**
 * Play, one step, two steps, reset, speed and stop-at for one live engine, either network's: the same command
 * set drives both. Follows the engine's state once per frame.
 */
public final class RunToolbar extends HBox {
    /** Play/pause labels: ‖ rather than ⏸, which common fonts (DejaVu) lack. */
    public static final String PLAY_LABEL = "▶ Play";
    public static final String PAUSE_LABEL = "‖ Pause";

    /** A speed limit: steps per second, 0 = as fast as possible. */
    public record Speed(double stepsPerSecond) {
        public static final Speed UNLIMITED = new Speed(0);

        @Override public String toString() {
            return stepsPerSecond == 0 ? "as fast as possible" : (long) stepsPerSecond + " steps/s";
        }
    }

    private final LiveEngine<?> engine;
    private final ToggleButton play = new ToggleButton(PLAY_LABEL);
    private final TextField stopAt = new TextField();

    /**
     * @param idPrefix "" for the linear network's bar, "mlp-" for the ReLU network's (node ids for tests)
     * @param reset starts the run over from the current controls and plays it
     */
    public RunToolbar(String idPrefix, LiveEngine<?> engine, Runnable reset) {
        super(6);
        this.engine = engine;
        play.setId(idPrefix + "play");
        play.setOnAction(e -> { if (play.isSelected()) engine.play(); else engine.pause(); });
        Button one = button(idPrefix + "step", "→ 1 step", "One GD step (→)", () -> engine.stepBy(1));
        Button two = button(idPrefix + "step2", "2 steps", "Two GD steps: one period of a 2-cycle", () -> engine.stepBy(2));
        Button again = button(idPrefix + "reset", "⟲ Reset", "Start the run over (R)", reset);
        ComboBox<Speed> speed = new ComboBox<>(FXCollections.observableArrayList(
                new Speed(30), new Speed(100), new Speed(300), new Speed(1000), Speed.UNLIMITED));
        speed.setId(idPrefix + "speed");
        speed.setValue(Speed.UNLIMITED);
        speed.valueProperty().addListener((obs, o, v) -> { if (v != null) engine.setSpeed(v.stepsPerSecond()); });
        stopAt.setId(idPrefix + "stop-at");
        stopAt.setPrefColumnCount(8);
        stopAt.setTooltip(new Tooltip("Pause when this step is reached"));
        stopAt.setOnAction(e -> commitStopAt());
        getChildren().setAll(play, one, two, again, speed, new Label("stop at step"), stopAt);
        setAlignment(Pos.CENTER_LEFT);
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void commitStopAt() {
        try {
            long v = Long.parseLong(stopAt.getText().trim());
            if (v < 0) throw new NumberFormatException();
            engine.stopAt(v);
            engine.play();
        } catch (NumberFormatException e) {
            stopAt.setText("");
            stopAt.setPromptText("a step ≥ 0");
        }
    }

    /** Space: pause a playing run, play a paused one. */
    public void togglePlay() {
        LiveState<?> s = engine.state();
        if (s != null && s.playing()) engine.pause(); else engine.play();
    }

    /** → : one step. */
    public void stepOnce() { engine.stepBy(1); }

    /** Per frame: the play button and the stop-at field show the engine's state (not while being typed in). */
    public void sync(LiveState<?> s) {
        if (play.isSelected() != s.playing()) play.setSelected(s.playing());
        play.setText(s.playing() ? PAUSE_LABEL : PLAY_LABEL);
        if (!stopAt.isFocused()) stopAt.setText(s.stopAt() == Long.MAX_VALUE ? "" : Long.toString(s.stopAt()));
    }
}
