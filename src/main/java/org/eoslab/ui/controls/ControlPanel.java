package org.eoslab.ui.controls;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.eoslab.config.Fields;
import org.eoslab.config.Init;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.LossKind;
import org.eoslab.config.Parameters;
import org.eoslab.metrics.Theory;
import org.eoslab.run.LiveState;

/**
 * The deep linear network's parameter controls: η (with the onsets of math.md eq. 11 as ticks), α, L, r, d, the
 * target spectrum, init, loss, seed and the sharpness cadence. What applies live and what restarts is decided in
 * {@link ParameterControls}.
 */
public final class ControlPanel extends ParameterControls<Parameters> {
    private final EtaSlider eta;
    private final NumberSlider alpha = NumberSlider.of("", Fields.ALPHA, 1e-4, 1.0, 0.01, true);
    /** The most target singular values typed here; a target file's own rank may be larger (and cut). */
    static final int MAX_TYPED_RANK = 10;
    private final NumberSlider depth = NumberSlider.of("", Fields.DEPTH, 2, 10, 3, false);
    private final NumberSlider rank = NumberSlider.of("", Fields.RANK, 1, MAX_TYPED_RANK, 3, false);
    private final NumberSlider width = NumberSlider.of("", Fields.WIDTH, 2, 300, 20, false);
    private final TextField spectrum = new TextField();
    private final CheckBox symmetric = new CheckBox("symmetric target (U* = V*)");
    private final SeedField seed = new SeedField("seed");
    private final ComboBox<Init> init = new ComboBox<>(FXCollections.observableArrayList(Init.values()));
    private final ComboBox<LossKind> loss = new ComboBox<>(FXCollections.observableArrayList(LossKind.values()));
    private final Spinner<Integer> sharpnessEvery = SafeIntegers.spinner("sharpness every", 0, 10_000, 5, 1, this::showMessage);

    public ControlPanel(Parameters initial) {
        super("controls", "control-", Fields.LINEAR, initial);
        this.eta = new EtaSlider(initial.eta() / 5, initial.eta() * 5, initial.eta());
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
        getChildren().addAll(title(), description(), new Separator(), eta, new Separator(), alpha, depth, rank, width,
                target, messageLabel(), misc);                      // the message at the one field without its own
        complainAt(eta, alpha, depth, rank, width);
        wire();
        show(initial);
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("control-label");
        return l;
    }

    private void wire() {
        eta.setOnCommit(this::commitEta);
        alpha.setOnCommit(v -> edit(draft().withAlpha(v)));
        depth.setOnCommit(v -> edit(draft().withDepth((int) v)));
        width.setOnCommit(v -> edit(draft().resizedTo((int) v)));
        rank.setOnCommit(v -> edit(draft().withSpectrum(resized(draft().singularValues(), (int) v))));
        spectrum.setOnAction(e -> commitSpectrum());
        spectrum.focusedProperty().addListener((obs, was, now) -> { if (!now) commitSpectrum(); });
        symmetric.selectedProperty().addListener((obs, o, v) -> { if (!updating()) edit(draft().withSymmetric(v)); });
        seed.setOnCommit(v -> { if (!updating() && v != draft().seed()) edit(draft().withSeed(v)); });
        seed.setOnError(this::showMessage);
        init.valueProperty().addListener((obs, o, v) -> { if (!updating() && v != null) edit(draft().withInit(v)); });
        loss.valueProperty().addListener((obs, o, v) -> { if (!updating() && v != null && v != draft().loss()) switchLoss(v); });
        sharpnessEvery.valueProperty().addListener((obs, o, v) -> { if (v != null) commitSharpnessEvery(v); });
    }

    /** Keeps η/η₁ when the loss normalization changes, so the picture stays the same. */
    private void switchLoss(LossKind kind) {
        double ratio = draft().lossScale() / kind.scale(draft().width());
        Parameters next = draft().withLoss(kind).withEta(draft().eta() * ratio);
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
        if (updating()) return;
        try {
            double[] values = Arrays.stream(spectrum.getText().split("[,\\s]+")).filter(t -> !t.isBlank())
                    .mapToDouble(Double::parseDouble).toArray();
            if (values.length > MAX_TYPED_RANK) {
                throw new InvalidParameterException("singularValues", "at most " + MAX_TYPED_RANK + " values here (rank r ≤ "
                        + MAX_TYPED_RANK + ")");
            }
            if (!Arrays.equals(values, draft().singularValues())) edit(draft().withSpectrum(values));
        } catch (NumberFormatException e) {
            refuseSpectrum("target singular values: '" + spectrum.getText() + "' must be numbers separated by commas");
        } catch (InvalidParameterException e) {
            refuseSpectrum(e.getMessage());
        }
    }

    /** Refused text goes back to the values in force (what Play runs); the message, just below, says so. */
    private void refuseSpectrum(String message) {
        show(draft());
        showMessage(message + "; kept " + spectrum.getText());
    }

    /** The spectrum has no single value, so no {@link org.eoslab.config.Field}: its name here. */
    @Override
    protected String label(String key) {
        return key.equals("singularValues") ? "target singular values" : super.label(key);
    }

    @Override
    protected void showFields(Parameters p) {
        alpha.setValue(p.alpha());
        depth.setValue(p.depth());
        rank.setRange(1, p.targetFile() != null ? p.rank() : MAX_TYPED_RANK);   // a file's rank can be cut, top kept
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
        width.setDisable(fileTarget);
        updateTheory();
        eta.setValue(p.eta());
    }

    @Override
    protected void etaChanged() { updateTheory(); }

    /** The η range and onset ticks follow the problem: from η₁/5 to 1.5·η_r (at least 2·η₁). */
    private void updateTheory() {
        double[] onsets = Theory.onsetLearningRates(draft());
        double lo = onsets[0] / 5;
        double hi = Math.max(1.5 * onsets[onsets.length - 1], 2 * onsets[0]);
        if (eta.min() != lo || eta.max() != hi) eta.setRange(Math.min(lo, draft().eta()), Math.max(hi, draft().eta()));
        eta.setOnsets(onsets);
    }

    /**
     * The readout under η: how many modes theory puts past their onset, and what the run does now: how many
     * oscillate, or where it diverged (a diverged run oscillates no more).
     */
    public void showLive(LiveState<?> s) {
        Parameters p = draft();
        String now = s.diverged() ? s.end() != null ? s.end() : "diverged at step " + s.divergedAt()
                : s.oscillating() < 0 ? "now oscillating: —" : "now oscillating: " + s.oscillating();
        eta.setReadout(Theory.oscillatingModeCount(p.eta(), p.singularValues(), p.depth(), p.lossScale()), now, p.rank());
    }

    /** Moves η by {@code fraction}·η₁ (keyboard [ and ]): steps that mean the same near every onset. */
    public void nudgeEta(double fraction) {
        double eta1 = Theory.onsetLearningRate(draft(), 1);
        applyEta(Math.max(eta.min(), Math.min(eta.max(), draft().eta() + fraction * eta1)));
    }

    /** Sets η live (e.g. picked on the bifurcation diagram), as if the user had typed it. */
    @Override
    public void applyEta(double v) {
        if (!Fields.ETA.allows(v)) return;
        if (v < eta.min() || v > eta.max()) eta.setRange(Math.min(eta.min(), v), Math.max(eta.max(), v));
        eta.setValue(v);
        commitEta(v);
    }

    public EtaSlider eta() { return eta; }

    public NumberSlider alpha() { return alpha; }

    public NumberSlider depth() { return depth; }

    public NumberSlider rank() { return rank; }

    public NumberSlider width() { return width; }
}
