package org.eoslab.ui.mlp;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.ShippedData;
import org.eoslab.ui.controls.ControlPanel;
import org.eoslab.ui.controls.NumberSlider;
import org.eoslab.ui.controls.SeedField;

/**
 * The ReLU network's parameters: η applies at the next step; data, size, depth, width, α, biases and seed start the
 * run over after a short quiet period. Values out of range are refused with the field and its range.
 */
public final class MlpControls extends VBox {
    private final NumberSlider eta;
    private final NumberSlider alpha;
    private final NumberSlider depth;
    private final NumberSlider hidden;
    private final NumberSlider samples;
    private final SeedField seed = new SeedField("mlp-seed");
    private final ComboBox<Integer> sharpnessEvery = new ComboBox<>();
    private final CheckBox biases = new CheckBox("biases (paper footnote 4; start at 0)");
    private final Label data = new Label();
    private final Label title = new Label();
    private final Label presetText = new Label();
    private final ComboBox<ShippedData> shipped = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(ShippedData.values()));
    private final Label message = new Label();
    private final PauseTransition debounce = new PauseTransition(ControlPanel.DEBOUNCE);
    private MlpParameters draft;
    private boolean updating;
    private DoubleConsumer onEta = v -> {};
    private Consumer<MlpParameters> onRestart = p -> {};
    private Runnable chooseData = () -> {};

    public MlpControls(MlpParameters initial) {
        this.draft = initial;
        eta = new NumberSlider("learning rate η", "mlp-eta", 0.01, 10, initial.eta(), true, false);
        alpha = new NumberSlider("init scale α (× He; 0.41 ≈ PyTorch default)", "mlp-alpha", 0.1, 3, initial.alpha(), true, false);
        depth = new NumberSlider("depth L", "mlp-depth", 2, 10, initial.depth(), false, true);
        hidden = new NumberSlider("hidden width", "mlp-hidden", 8, MlpParameters.MAX_HIDDEN, initial.hidden(), true, true);
        samples = new NumberSlider("training samples n", "mlp-samples", 100, 20_000, initial.samples(), true, true);
        setId("mlp-controls");
        getStyleClass().add("control-panel");
        setSpacing(8);
        setPadding(new Insets(10));
        setPrefWidth(330);
        title.getStyleClass().add("preset-title");
        title.setWrapText(true);
        presetText.getStyleClass().add("preset-description");
        presetText.setWrapText(true);
        presetText.setId("mlp-preset-text");
        setPresetText(null, null);
        Label text = new Label("Full-batch GD on the mean-squared loss to one-hot labels, with or without biases, weights "
                + "N(0, α²·2/fan_in) (α = 0.41 gives the spread of PyTorch's default init). Watch the sharpness rise to "
                + "2/η within a few dozen steps and alternate around it while the loss goes up and down, and the top "
                + "singular values of the penultimate layer grow and zig-zag while the bottom ones stay put: the "
                + "readout above the panels says how many times more the top five move per step.");
        text.setWrapText(true);
        text.getStyleClass().add("preset-description");
        data.setId("mlp-data");
        data.setWrapText(true);
        message.setId("mlp-message");
        message.getStyleClass().add("field-error");
        message.setWrapText(true);
        biases.setId("mlp-biases");
        sharpnessEvery.setId("mlp-sharpness-every");
        sharpnessEvery.getItems().addAll(0, 5, 11, 25, 51, 101);
        Button open = new Button("Open IDX images…");
        open.setId("mlp-open-data");
        open.setOnAction(e -> chooseData.run());
        shipped.setId("mlp-shipped-data");
        shipped.setPromptText("shipped subset");
        shipped.valueProperty().addListener((obs, o, v) -> { if (!updating && v != null) setShipped(v); });
        GridPane misc = new GridPane();
        misc.setHgap(8);
        misc.setVgap(6);
        misc.addRow(0, new Label("seed"), seed);
        misc.addRow(1, new Label("sharpness every"), sharpnessEvery);
        getChildren().addAll(title, presetText, text, new Separator(), eta, new Separator(), alpha, depth, hidden, samples,
                biases, new Label("data"), data, new HBox(6, open, shipped), misc, message);
        wire();
        show(initial);
    }

    private void wire() {
        debounce.setOnFinished(e -> onRestart.accept(draft));
        eta.setOnCommit(v -> {
            draft = draft.withEta(v);
            onEta.accept(v);
        });
        alpha.setOnCommit(v -> edit(draft.withAlpha(v)));
        depth.setOnCommit(v -> edit(draft.withDepth((int) v)));
        hidden.setOnCommit(v -> edit(draft.withHidden((int) v)));
        samples.setOnCommit(v -> edit(draft.withSamples((int) v)));
        seed.setOnCommit(v -> { if (!updating && v != draft.seed()) edit(draft.withSeed(v)); });
        seed.setOnError(this::showMessage);
        biases.selectedProperty().addListener((obs, o, v) -> { if (!updating && v != draft.biases()) edit(draft.withBiases(v)); });
        sharpnessEvery.valueProperty().addListener((obs, o, v) -> {
            if (!updating && v != null && v != draft.sharpnessEvery()) edit(draft.withSharpnessEvery(v));
        });
    }

    /** Another data file; the number of samples is kept if the file has enough. */
    public void setData(Path images) {
        edit(draft.withData(images.toString()));
    }

    /** A shipped data set (Fashion-MNIST, the default, is data = null). */
    public void setShipped(ShippedData set) {
        edit(draft.withData(set == ShippedData.FASHION_MNIST ? null : set.label()));
    }

    private void edit(MlpParameters next) {
        if (updating) return;
        try {
            next.validate();
        } catch (InvalidParameterException e) {
            showMessage(e.getMessage());
            return;
        }
        draft = next;
        showMessage(null);
        show(draft);
        debounce.playFromStart();
    }

    /** Shows parameters without sending anything (the engine reported them); old complaints go. */
    public void show(MlpParameters p) {
        updating = true;
        draft = p;
        showMessage(null);
        eta.setValue(p.eta());
        alpha.setValue(p.alpha());
        depth.setValue(p.depth());
        hidden.setValue(p.hidden());
        samples.setValue(p.samples());
        biases.setSelected(p.biases());
        seed.show(p.seed());
        sharpnessEvery.setValue(p.sharpnessEvery());
        ShippedData set = ShippedData.named(p.data());
        data.setText(set != null ? set.description() : p.data());
        shipped.setValue(set);
        updating = false;
    }

    /** A preset about this network: its title and text above the general one (null: none, the plain title). */
    public void setPresetText(String heading, String description) {
        title.setText(heading == null ? "ReLU network (paper §4.2)" : heading);
        presetText.setText(description == null ? "" : description);
        presetText.setVisible(description != null);
        presetText.setManaged(description != null);
    }

    public void showMessage(String text) {
        message.setText(text == null ? "" : text);
    }

    public String message() { return message.getText(); }

    public MlpParameters draft() { return draft; }

    /** True while an edit waits out the quiet period: the engine's parameters are about to change. */
    public boolean editing() { return debounce.getStatus() == Animation.Status.RUNNING; }

    public NumberSlider eta() { return eta; }

    /** Sets η live, as if the user had moved the slider (an animated export's η ramp). */
    public void applyEta(double v) {
        eta.setValue(v);
        draft = draft.withEta(v);
        onEta.accept(v);
    }

    public NumberSlider depth() { return depth; }

    public NumberSlider samples() { return samples; }

    public void setOnEta(DoubleConsumer c) { onEta = c; }

    public void setOnRestart(Consumer<MlpParameters> c) { onRestart = c; }

    /** Called when the user asks for a data file (the view opens the chooser: it knows the window). */
    public void setOnChooseData(Runnable r) { chooseData = r; }
}
