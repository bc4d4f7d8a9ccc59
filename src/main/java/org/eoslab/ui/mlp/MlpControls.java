package org.eoslab.ui.mlp;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.eoslab.config.Fields;
import org.eoslab.config.MlpParameters;
import org.eoslab.config.ShippedData;
import org.eoslab.ui.controls.NumberSlider;
import org.eoslab.ui.controls.ParameterControls;
import org.eoslab.ui.controls.SeedField;

/**
 * The ReLU network's parameters (paper §4.2): η and the sharpness cadence apply at the next step; data, size, depth,
 * width, α, biases and seed start the run over after a short quiet period ({@link ParameterControls}).
 */
public final class MlpControls extends ParameterControls<MlpParameters> {
    /** Sharpness cadences offered: odd ones sample both branches of a period-2 orbit. */
    static final List<Integer> CADENCES = List.of(0, 5, 11, 25, 51, 101);

    private final NumberSlider eta;
    private final NumberSlider alpha;
    private final NumberSlider depth;
    private final NumberSlider hidden;
    /** The samples slider's span: a shipped set's size, or for a file of its own 20 000 (the field takes more). */
    private static final int SAMPLES_FROM = 100;
    private static final int SAMPLES_TO = 20_000;
    private final NumberSlider samples;
    private final SeedField seed = new SeedField("mlp-seed");
    private final ComboBox<Integer> sharpnessEvery = new ComboBox<>();
    private final CheckBox biases = new CheckBox("biases (paper footnote 4; start at 0)");
    private final Label data = new Label();
    private final ComboBox<ShippedData> shipped = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(ShippedData.values()));
    private Runnable chooseData = () -> {};

    public MlpControls(MlpParameters initial) {
        super("mlp-controls", "mlp-", Fields.RELU, initial);
        eta = NumberSlider.of("mlp-", Fields.ETA, 0.01, 10, initial.eta(), true);
        alpha = NumberSlider.of("mlp-", Fields.MLP_ALPHA, 0.1, 3, initial.alpha(), true);
        depth = NumberSlider.of("mlp-", Fields.MLP_DEPTH, 2, 10, initial.depth(), false);
        hidden = NumberSlider.of("mlp-", Fields.HIDDEN, 8, MlpParameters.MAX_HIDDEN, initial.hidden(), true);
        samples = NumberSlider.of("mlp-", Fields.SAMPLES, SAMPLES_FROM, SAMPLES_TO, initial.samples(), true);
        setPresetText(null, null);
        Label text = new Label("Full-batch GD on the mean-squared loss to one-hot labels, with or without biases, weights "
                + "N(0, α²·2/fan_in) (α = 0.41 gives the spread of PyTorch's default init). Watch the sharpness rise to "
                + "2/η within a few dozen steps and then stay near it (above it on Fashion-MNIST, at it on MNIST) while "
                + "the loss goes up and down, and the top singular values of the penultimate layer grow while the bottom "
                + "ones barely move on the shared axis (relative to their own size they move more): the readout above "
                + "the panels says how many times more the top five move per step. The presets say what their runs show.");
        text.setWrapText(true);
        text.getStyleClass().add("preset-description");
        data.setId("mlp-data");
        data.setWrapText(true);
        biases.setId("mlp-biases");
        sharpnessEvery.setId("mlp-sharpness-every");
        sharpnessEvery.getItems().addAll(CADENCES);
        Button open = new Button("Open IDX images…");
        open.setId("mlp-open-data");
        open.setOnAction(e -> chooseData.run());
        shipped.setId("mlp-shipped-data");
        shipped.setPromptText("shipped subset");
        shipped.valueProperty().addListener((obs, o, v) -> { if (!updating() && v != null) setShipped(v); });
        GridPane misc = new GridPane();
        misc.setHgap(8);
        misc.setVgap(6);
        misc.addRow(0, new Label("seed"), seed);
        misc.addRow(1, new Label("sharpness every"), sharpnessEvery);
        getChildren().addAll(title(), description(), text, new Separator(), eta, new Separator(), alpha, depth, hidden,
                samples, biases, new Label("data"), data, new HBox(6, open, shipped), misc, messageLabel());
        complainAt(eta, alpha, depth, hidden, samples);
        wire();
        show(initial);
    }

    private void wire() {
        eta.setOnCommit(this::commitEta);
        alpha.setOnCommit(v -> edit(draft().withAlpha(v)));
        depth.setOnCommit(v -> edit(draft().withDepth((int) v)));
        hidden.setOnCommit(v -> edit(draft().withHidden((int) v)));
        samples.setOnCommit(v -> edit(draft().withSamples((int) v)));
        seed.setOnCommit(v -> { if (!updating() && v != draft().seed()) edit(draft().withSeed(v)); });
        seed.setOnError(this::showMessage);
        biases.selectedProperty().addListener((obs, o, v) -> { if (!updating() && v != draft().biases()) edit(draft().withBiases(v)); });
        sharpnessEvery.valueProperty().addListener((obs, o, v) -> { if (v != null) commitSharpnessEvery(v); });
    }

    /** Another data file; the number of samples is kept if the file has enough. */
    public void setData(Path images) {
        edit(draft().withData(images.toString()));
    }

    /** A shipped data set (Fashion-MNIST, the default, is data = null). */
    public void setShipped(ShippedData set) {
        MlpParameters next = draft().withData(set == ShippedData.FASHION_MNIST ? null : set.label());
        edit(next.withSamples(Math.min(next.samples(), set.samples())));        // no more samples than the set holds
    }

    @Override
    protected void showFields(MlpParameters p) {
        ShippedData set = ShippedData.named(p.data());
        samples.setRange(SAMPLES_FROM, set != null ? set.samples() : SAMPLES_TO);      // the range follows the data
        Map<NumberSlider, ToDoubleFunction<MlpParameters>> shown = Map.of(eta, MlpParameters::eta, alpha,
                MlpParameters::alpha, depth, MlpParameters::depth, hidden, MlpParameters::hidden, samples, MlpParameters::samples);
        shown.forEach((slider, value) -> slider.setValue(value.applyAsDouble(p)));
        biases.setSelected(p.biases());
        seed.show(p.seed());
        if (!sharpnessEvery.getItems().contains(p.sharpnessEvery())) sharpnessEvery.getItems().add(p.sharpnessEvery());
        sharpnessEvery.setValue(p.sharpnessEvery());
        data.setText(set != null ? set.description() : p.data());
        shipped.setValue(set);
    }

    /** A preset about this network: its title and text above the general one (null: none, the plain title). */
    @Override
    public void setPresetText(String heading, String text) {
        super.setPresetText(heading == null ? "ReLU network (paper §4.2)" : heading, text);
        description().setVisible(text != null);
        description().setManaged(text != null);
    }

    public NumberSlider eta() { return eta; }

    /** Sets η live, as if the user had moved the slider (an animated export's η ramp). */
    @Override
    public void applyEta(double v) {
        eta.setValue(v);
        commitEta(v);
    }

    public NumberSlider depth() { return depth; }

    public NumberSlider samples() { return samples; }

    /** Called when the user asks for a data file (the view opens the chooser: it knows the window). */
    public void setOnChooseData(Runnable r) { chooseData = r; }
}
