package org.eoslab.ui.controls;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.eoslab.config.Init;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.LossKind;
import org.eoslab.config.Parameters;
import org.eoslab.metrics.Theory;

/**
 * The parameter controls. η goes to the engine at once (live, no restart); every other change edits a
 * draft that is validated and, after a short quiet period, sent as one restart, so a burst of slider
 * moves restarts once. Invalid drafts are shown with the field and its allowed range and not sent.
 */
public final class ControlPanel extends VBox {
    /** Quiet time after the last problem change before the run restarts. */
    public static final Duration DEBOUNCE = Duration.millis(250);

    private final EtaSlider eta;
    private final NumberSlider alpha = new NumberSlider("init scale α", "alpha", 1e-4, 1.0, 0.01, true, false);
    private final NumberSlider depth = new NumberSlider("depth L", "depth", 2, 10, 3, false, true);
    private final NumberSlider rank = new NumberSlider("target rank r", "rank", 1, 10, 3, false, true);
    private final NumberSlider width = new NumberSlider("width d", "width", 2, 300, 20, false, true);
    private final TextField spectrum = new TextField();
    private final CheckBox symmetric = new CheckBox("symmetric target (U* = V*)");
    private final SeedField seed = new SeedField("seed");
    private final ComboBox<Init> init = new ComboBox<>(FXCollections.observableArrayList(Init.values()));
    private final ComboBox<LossKind> loss = new ComboBox<>(FXCollections.observableArrayList(LossKind.values()));
    private final Label message = new Label();
    private final Spinner<Integer> sharpnessEvery = SafeIntegers.spinner("sharpness every", 0, 10_000, 5, 1, this::showMessage);
    private final Label title = new Label();
    private final Label description = new Label();
    private final PauseTransition debounce = new PauseTransition(DEBOUNCE);

    private Parameters draft;
    private boolean updating;
    private DoubleConsumer onEta = v -> {};
    private Consumer<Parameters> onRestart = p -> {};
    private IntConsumer onSharpnessEvery = k -> {};

    public ControlPanel(Parameters initial) {
        this.draft = initial;
        this.eta = new EtaSlider(initial.eta() / 5, initial.eta() * 5, initial.eta());
        setId("controls");
        getStyleClass().add("control-panel");
        setSpacing(8);
        setPadding(new Insets(10));
        setPrefWidth(330);
        title.getStyleClass().add("preset-title");
        title.setWrapText(true);
        description.getStyleClass().add("preset-description");
        description.setWrapText(true);
        message.setId("control-message");
        message.getStyleClass().add("field-error");
        message.setWrapText(true);
        spectrum.setId("spectrum");
        init.setId("init");
        loss.setId("loss");
        symmetric.setId("symmetric");
        sharpnessEvery.setId("sharpness-every");
        sharpnessEvery.setPrefWidth(90);

        GridPane misc = new GridPane();
        misc.setHgap(8);
        misc.setVgap(6);
        misc.addRow(0, new Label("init"), init);
        misc.addRow(1, new Label("loss"), loss);
        misc.addRow(2, new Label("seed"), seed);
        misc.addRow(3, new Label("sharpness every"), sharpnessEvery);
        VBox target = new VBox(4, caption("target singular values σ*"), spectrum, symmetric);
        getChildren().addAll(title, description, new Separator(), eta, new Separator(), alpha, depth, rank, width,
                target, misc, message);
        wire();
        show(initial);
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("control-label");
        return l;
    }

    private void wire() {
        debounce.setOnFinished(e -> onRestart.accept(draft));
        eta.setOnCommit(v -> {
            draft = draft.withEta(v);
            updateTheory();
            onEta.accept(v);
        });
        alpha.setOnCommit(v -> edit(draft.withAlpha(v)));
        depth.setOnCommit(v -> edit(draft.withDepth((int) v)));
        width.setOnCommit(v -> edit(draft.withWidth((int) v)));
        rank.setOnCommit(v -> edit(draft.withSpectrum(resized(draft.singularValues(), (int) v))));
        spectrum.setOnAction(e -> commitSpectrum());
        spectrum.focusedProperty().addListener((obs, was, now) -> { if (!now) commitSpectrum(); });
        symmetric.selectedProperty().addListener((obs, o, v) -> { if (!updating) edit(draft.withSymmetric(v)); });
        seed.setOnCommit(v -> { if (!updating && v != draft.seed()) edit(draft.withSeed(v)); });
        seed.setOnError(this::showMessage);
        init.valueProperty().addListener((obs, o, v) -> { if (!updating && v != null) edit(draft.withInit(v)); });
        loss.valueProperty().addListener((obs, o, v) -> { if (!updating && v != null && v != draft.loss()) switchLoss(v); });
        sharpnessEvery.valueProperty().addListener((obs, o, v) -> {
            if (updating || v == null) return;
            draft = draft.withSharpnessEvery(v);
            onSharpnessEvery.accept(v);
        });
    }

    /** Keeps η/η₁ when the loss normalization changes, so the picture stays the same. */
    private void switchLoss(LossKind kind) {
        double ratio = draft.lossScale() / kind.scale(draft.width());
        Parameters next = draft.withLoss(kind).withEta(draft.eta() * ratio);
        edit(next);
        eta.setValue(next.eta());
    }

    /** First r values kept; new ones continue the spectrum downward by a factor 0.8. */
    static double[] resized(double[] s, int r) {
        double[] out = Arrays.copyOf(s, r);
        for (int i = s.length; i < r; i++) out[i] = (i == 0 ? 1.0 : out[i - 1]) * 0.8;
        return out;
    }

    private void commitSpectrum() {
        if (updating) return;
        try {
            double[] values = Arrays.stream(spectrum.getText().split("[,\\s]+")).filter(t -> !t.isBlank())
                    .mapToDouble(Double::parseDouble).toArray();
            if (values.length > 10) {
                throw new InvalidParameterException("singularValues", "at most 10 values here (rank r ≤ 10)");
            }
            if (!Arrays.equals(values, draft.singularValues())) edit(draft.withSpectrum(values));
        } catch (NumberFormatException e) {
            showMessage("target singular values: '" + spectrum.getText() + "' must be numbers separated by commas");
        } catch (InvalidParameterException e) {
            showMessage(e.getMessage());
        }
    }

    /** A changed problem: validate, show, and restart after the quiet period. */
    private void edit(Parameters next) {
        if (updating) return;
        if (!next.sameProblemAs(draft) || next.eta() != draft.eta()) {
            try {
                next = next.withTop(Math.min(Math.max(next.top(), 5), next.width())).validate();
            } catch (InvalidParameterException e) {
                showMessage(fieldLabel(e) + ": " + e.problem());
                return;
            }
        }
        draft = next;
        showMessage(null);
        show(draft);
        debounce.playFromStart();
    }

    private static String fieldLabel(InvalidParameterException e) {
        return switch (e.field()) {
            case "rank" -> "target rank r (≤ width d)";
            case "singularValues" -> "target singular values";
            case "width" -> "width d";
            case "depth" -> "depth L";
            default -> e.field();
        };
    }

    private void showMessage(String text) {
        message.setText(text == null ? "" : text);
    }

    public String message() { return message.getText(); }

    /** Shows a parameter set (e.g. from the engine or a preset) without sending anything; old complaints go. */
    public void show(Parameters p) {
        updating = true;
        try {
            draft = p;
            showMessage(null);
            alpha.setValue(p.alpha());
            depth.setValue(p.depth());
            rank.setValue(p.rank());
            width.setValue(p.width());
            spectrum.setText(Arrays.stream(p.singularValues()).mapToObj(v -> String.format(Locale.ROOT, "%.6g", v)
                    .replaceAll("\\.?0+$", "")).collect(Collectors.joining(", ")));
            symmetric.setSelected(p.symmetric());
            seed.show(p.seed());
            init.setValue(p.init());
            loss.setValue(p.loss());
            sharpnessEvery.getValueFactory().setValue(p.sharpnessEvery());
            boolean fileTarget = p.targetFile() != null;
            spectrum.setDisable(fileTarget);
            rank.setDisable(fileTarget);
            width.setDisable(fileTarget);
            updateTheory();
            eta.setValue(p.eta());
        } finally {
            updating = false;
        }
    }

    /** The η range and onset ticks follow the problem: from η₁/5 to 1.5·η_r (at least 2·η₁). */
    private void updateTheory() {
        double[] onsets = Theory.onsetLearningRates(draft);
        double lo = onsets[0] / 5;
        double hi = Math.max(1.5 * onsets[onsets.length - 1], 2 * onsets[0]);
        if (eta.min() != lo || eta.max() != hi) eta.setRange(Math.min(lo, draft.eta()), Math.max(hi, draft.eta()));
        eta.setOnsets(onsets);
    }

    /** Live readout: theory's count at the current η against the engine's count now. */
    public void showLiveCount(int oscillatingNow) {
        double c = draft.lossScale();
        eta.setReadout(Theory.oscillatingModeCount(draft.eta(), draft.singularValues(), draft.depth(), c),
                oscillatingNow, draft.rank());
    }

    public void setPresetText(String heading, String text) {
        title.setText(heading == null ? "" : heading);
        description.setText(text == null ? "" : text);
    }

    /** Moves η by a factor (keyboard [ and ]), as if the user had dragged the slider. */
    public void nudgeEta(double factor) {
        applyEta(Math.max(eta.min(), Math.min(eta.max(), draft.eta() * factor)));
    }

    /** Sets η live (e.g. picked on the bifurcation diagram), as if the user had typed it. */
    public void applyEta(double v) {
        if (!(v > 0) || !Double.isFinite(v)) return;
        if (v < eta.min() || v > eta.max()) eta.setRange(Math.min(eta.min(), v), Math.max(eta.max(), v));
        eta.setValue(v);
        draft = draft.withEta(v);
        updateTheory();
        onEta.accept(v);
    }

    public Parameters draft() { return draft; }

    /** True while an edit waits out the quiet period: the engine's parameters are about to change. */
    public boolean editing() { return debounce.getStatus() == javafx.animation.Animation.Status.RUNNING; }

    public EtaSlider eta() { return eta; }

    public NumberSlider alpha() { return alpha; }

    public NumberSlider depth() { return depth; }

    public NumberSlider rank() { return rank; }

    public NumberSlider width() { return width; }

    public void setOnEta(DoubleConsumer c) { onEta = c; }

    public void setOnRestart(Consumer<Parameters> c) { onRestart = c; }

    public void setOnSharpnessEvery(IntConsumer c) { onSharpnessEvery = c; }
}
