package org.eoslab.ui;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.eoslab.metrics.Phase;
import org.eoslab.run.ComputePath;
import org.eoslab.run.LiveState;

/** Step, engine steps/s, frames/s and the phase of the run. */
public final class StatusBar extends HBox {
    private final Label scope = new Label();
    private final Label step = new Label("step 0");
    private final Label rate = new Label();
    private final Label fps = new Label();
    private final Label phase = new Label();
    private final Label message = new Label();
    private final Label compute = new Label();
    private ComputePath shownPath;

    public StatusBar() {
        setId("status-bar");
        getStyleClass().add("status-bar");
        step.setId("status-step");
        rate.setId("status-rate");
        fps.setId("status-fps");
        phase.setId("status-phase");
        message.setId("status-message");
        phase.getStyleClass().add("phase");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        scope.setId("status-scope");
        scope.setManaged(false);
        scope.setVisible(false);
        compute.setTooltip(new javafx.scene.control.Tooltip());
        compute.setId("status-compute");
        getChildren().addAll(scope, step, rate, fps, phase, spacer, message, compute);
        setSpacing(18);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));
    }

    /** Names whose run the bar describes when that is not the view on screen; null hides the name. */
    public void setScope(String text) {
        scope.setText(text == null ? "" : text);
        scope.setManaged(text != null);
        scope.setVisible(text != null);
    }

    /** Where the described run's products and spectra are computed: the summary, and the full account as tooltip. */
    private void showComputePath(ComputePath path) {
        if (path.equals(shownPath)) return;                 // every frame: rebuild the texts only on a change
        shownPath = path;
        compute.setText("products: " + path.summary());
        compute.getTooltip().setText("This run's products and spectra run on " + path.detail()
                + ". Sweeps and period maps use the Java kernels on every core.");
    }

    public void update(LiveState<?> s, double framesPerSecond) {
        step.setText("step " + s.steps() + (s.stopAt() < Long.MAX_VALUE ? " / " + s.stopAt() : ""));
        rate.setText(String.format(Locale.ROOT, "%,.0f steps/s", s.stepsPerSecond()));
        fps.setText(String.format(Locale.ROOT, "%.0f fps", framesPerSecond));
        showComputePath(s.computePath());
        phase.setText(describe(s));
        phase.getStyleClass().removeAll("diverged", "eos");
        if (s.phase() == Phase.DIVERGED) phase.getStyleClass().add("diverged");
        if (s.phase() == Phase.EDGE_OF_STABILITY) phase.getStyleClass().add("eos");
        message.setText(s.message() == null || s.diverged() ? (s.playing() ? "running" : "paused") : s.message());
    }

    static String describe(LiveState<?> s) {
        return switch (s.phase()) {
            case DIVERGED -> "diverged at step " + s.divergedAt();
            case EDGE_OF_STABILITY -> "edge of stability: " + s.oscillating()
                    + (s.oscillating() == 1 ? " mode oscillating" : " modes oscillating");
            default -> s.phase().label();
        };
    }

    public String phaseText() { return phase.getText(); }

    public String stepText() { return step.getText(); }
}
