package org.eoslab.ui;

import java.util.Locale;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import org.eoslab.config.Animation;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.Panel;
import org.eoslab.config.Parameters;
import org.eoslab.config.RunParameters;
import org.eoslab.config.View;
import org.eoslab.run.SweepDefaults;

/**
 * The form of File › Export animation…: what (the current tab, or one training panel), over steps or over η,
 * frames, frame rate, scale and caption. Its defaults are the current run: steps 0 to the run's length; η
 * from 0.9·η₁ to 1.3·η₁ for the linear network (mode 1's onset, then period 2 and its doubling near
 * 1.24·η₁), ±50 % around the current η for the ReLU network. A bad field keeps the form open and says which.
 */
public final class AnimationDialog {
    private final WindowActions main;
    private final View view;
    private final ComboBox<String> what = new ComboBox<>();
    private final RadioButton steps = new RadioButton("steps (the run as it unfolds)");
    private final RadioButton eta = new RadioButton("learning rate η (each frame that η's run)");
    private final TextField stepFrom = field("step-from");
    private final TextField stepTo = field("step-to");
    private final TextField etaFrom = field("eta-from");
    private final TextField etaTo = field("eta-to");
    private final TextField frames = field("frames");
    private final TextField fps = field("fps");
    private final ComboBox<Integer> scale = new ComboBox<>(FXCollections.observableArrayList(1, 2, 3));
    private final CheckBox caption = new CheckBox("caption with the parameters, η and step");
    private final Label message = new Label();

    public AnimationDialog(WindowActions main) {
        this.main = main;
        this.view = main.selectedView().name();
        what.getItems().add("this tab: " + main.selectedView().title());
        if (view == View.TRAINING) for (Panel p : Panel.values()) what.getItems().add("panel: " + p.label());
        what.getSelectionModel().select(0);
        ToggleGroup range = new ToggleGroup();
        steps.setToggleGroup(range);
        eta.setToggleGroup(range);
        steps.setSelected(true);
        eta.setDisable(view == View.FIG1);                    // two networks, two scales of η
        fillDefaults();
        scale.setValue(1);
        caption.setSelected(true);
        message.setId("animation-message");
        message.setWrapText(true);
        message.setStyle("-fx-text-fill: #b00020;");
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId("animation-" + id);
        f.setPrefColumnCount(9);
        return f;
    }

    /** The shown network's run length, and an η ramp framing its first onset (SweepDefaults). */
    private void fillDefaults() {
        RunParameters shown = main.bench(main.liveView(view).network()).controls().draft();
        double[] range = shown instanceof Parameters q ? SweepDefaults.rampRange(q) : SweepDefaults.rampRange(shown.eta());
        stepFrom.setText("0");
        stepTo.setText(Long.toString(shown.steps()));
        etaFrom.setText(String.format(Locale.ROOT, "%.6g", range[0]));
        etaTo.setText(String.format(Locale.ROOT, "%.6g", range[1]));
        frames.setText(Integer.toString(Animation.DEFAULT_FRAMES));
        fps.setText(Integer.toString(Animation.DEFAULT_FPS));
    }

    /** The form as a grid (for the dialog and for tests). */
    GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(10));
        int r = 0;
        g.addRow(r++, new Label("what"), what);
        g.addRow(r++, steps, new Label("from"), stepFrom, new Label("to"), stepTo);
        g.addRow(r++, eta, new Label("from"), etaFrom, new Label("to"), etaTo);
        g.addRow(r++, new Label("frames"), frames, new Label("frames/s"), fps);
        g.addRow(r++, new Label("scale"), scale, caption);
        g.add(new Label("Writes a looping GIF (for slides) and an H.264 MP4 (for video players) side by side. The run"
                + " starts over for the recording; the window shows it as it is recorded."), 0, r++, 5, 1);
        g.add(message, 0, r, 5, 1);
        return g;
    }

    /** The animation the fields describe; a bad field is refused naming it and its range. */
    public Animation read() {
        Panel panel = what.getSelectionModel().getSelectedIndex() > 0 ? Panel.values()[what.getSelectionModel().getSelectedIndex() - 1] : null;
        boolean overEta = eta.isSelected();
        return new Animation(view, panel, overEta ? Animation.Range.ETA : Animation.Range.STEPS,
                number(overEta ? etaFrom : stepFrom, overEta ? "eta from" : "from step"),
                number(overEta ? etaTo : stepTo, overEta ? "eta to" : "to step"),
                (int) whole(frames, "frames"), (int) whole(fps, "fps"), scale.getValue(), caption.isSelected());
    }

    private static double number(TextField f, String name) {
        String t = f.getText() == null ? "" : f.getText().strip();
        if (!org.eoslab.config.Checks.plainNumber(t)) throw new InvalidParameterException(name, "'" + t + "' is not a number");
        return Double.parseDouble(t);
    }

    private static long whole(TextField f, String name) {
        double v = number(f, name);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) throw new InvalidParameterException(name, f.getText().strip() + " is not a whole number");
        return (long) v;
    }

    /** Shows the form; the answer is the animation asked for, or empty when cancelled. */
    public Optional<Animation> ask() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Export animation");
        dialog.setHeaderText("Export an animation of " + main.selectedView().title());
        dialog.getDialogPane().setContent(form());
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (main.getScene() != null) dialog.initOwner(main.getScene().getWindow());
        Animation[] answer = new Animation[1];
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                answer[0] = read();
            } catch (InvalidParameterException ex) {
                message.setText(ex.getMessage());
                e.consume();                                   // the form stays open
            }
        });
        return dialog.showAndWait().filter(b -> b == ButtonType.OK).map(b -> answer[0]);
    }

    /** A field by name: frames, fps, eta-from, eta-to, step-from, step-to (tests). */
    public TextField textField(String which) {
        return switch (which) {
            case "frames" -> frames;
            case "fps" -> fps;
            case "eta-from" -> etaFrom;
            case "eta-to" -> etaTo;
            case "step-from" -> stepFrom;
            default -> stepTo;
        };
    }

    public void overEta(boolean on) {
        (on ? eta : steps).setSelected(true);
    }

    public String message() { return message.getText(); }
}
