package org.eoslab.ui.controls;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.eoslab.config.Field;
import org.eoslab.config.Fields;
import org.eoslab.config.InvalidParameterException;
import org.eoslab.config.RunParameters;

/**
 * A network's parameter controls, the draft of its next run. η and the sharpness cadence go to the engine at once
 * (live, no restart); every other change edits the draft, which is validated and, after a short quiet period, sent
 * as one restart, so a burst of slider moves restarts once. An invalid draft is shown with the field and its
 * allowed range and not sent. Subclasses lay out their fields and show a parameter set in them.
 *
 * @param <P> the parameters of the network
 */
public abstract class ParameterControls<P extends RunParameters> extends VBox {
    /** Quiet time after the last problem change before the run restarts. */
    public static final Duration DEBOUNCE = Duration.millis(250);

    private final Label title = new Label();
    private final Label description = new Label();
    private final Label message = new Label();
    private final PauseTransition debounce = new PauseTransition(DEBOUNCE);
    private final List<Field> fields;
    private P draft;
    private boolean updating;
    private DoubleConsumer onEta = v -> {};
    private Consumer<P> onRestart = p -> {};
    private IntConsumer onSharpnessEvery = k -> {};

    private final java.util.Map<String, NumberSlider> sliders = new java.util.HashMap<>();
    /** @param fields the network's parameter descriptors: a complaint names a field by its label */
    protected ParameterControls(String id, String idPrefix, List<Field> fields, P initial) {
        this.draft = initial;
        this.fields = fields;
        setId(id);
        getStyleClass().add("control-panel");
        setSpacing(8);
        setPadding(new Insets(10));
        setPrefWidth(330);
        title.getStyleClass().add("preset-title");
        title.setWrapText(true);
        description.getStyleClass().add("preset-description");
        description.setWrapText(true);
        description.setId(idPrefix + "preset-text");
        message.setId(idPrefix + "message");
        message.getStyleClass().add("field-error");
        message.setWrapText(true);
        debounce.setOnFinished(e -> onRestart.accept(draft));
    }

    /** The preset's title and text labels, and the field-error line, for the subclass's layout. */
    protected final Label title() { return title; }

    protected final Label description() { return description; }

    protected final Label messageLabel() { return message; }

    /** Puts {@code p}'s values in the fields (nothing is sent while this runs). */
    protected abstract void showFields(P p);

    /** The draft as it will be sent (e.g. a dependent field fitted); throws naming a bad field. */
    protected P prepare(P next) {
        @SuppressWarnings("unchecked") P checked = (P) next.validate();
        return checked;
    }

    /** A complaint about a field, shown with the field's label: "width d: 0 is outside the allowed range [1, 1000]". */
    protected final String complaint(InvalidParameterException e) { return label(e.field()) + ": " + e.problem(); }

    /** The label of the field with this key (its descriptor's), or the key. */
    protected String label(String key) {
        Field f = Fields.byKey(fields, key);
        return f != null ? f.label() : key;
    }

    /** Called after η changed (the draft holds it), before the engine is told. */
    protected void etaChanged() {}

    /** The sliders a complaint about their field is shown under. */
    protected final void complainAt(NumberSlider... at) {
        for (NumberSlider s : at) sliders.put(s.key(), s);
    }

    /** A complaint under its field's slider, or in the message line (scrolled into view) for the others. */
    protected final void complain(InvalidParameterException e) {
        NumberSlider at = sliders.get(e.field());
        if (at != null) at.showError(complaint(e));
        else showMessage(complaint(e));
    }

    /** Shows a parameter set (from the engine or a preset) without sending anything; old complaints go. */
    public final void show(P p) {
        updating = true;
        try {
            draft = p;
            showMessage(null);
            sliders.values().forEach(s -> s.showError(null));
            showFields(p);
        } finally {
            updating = false;
        }
    }

    /** True while {@link #show} fills the fields: their listeners must not edit. */
    protected final boolean updating() { return updating; }

    /**
     * A changed problem: validated, shown, and sent as a restart after the quiet period. A refused one leaves the
     * fields showing the settings in force (what Play runs) and the complaint at its field.
     */
    protected final void edit(P next) {
        if (updating) return;
        try {
            next = prepare(next);
        } catch (InvalidParameterException e) {
            show(draft);
            complain(e);
            return;
        }
        draft = next;
        showMessage(null);
        show(draft);
        debounce.playFromStart();
    }

    /** η, live: into the draft and to the engine at its next step. */
    @SuppressWarnings("unchecked")
    protected final void commitEta(double v) {
        draft = (P) draft.withEta(v);
        etaChanged();
        onEta.accept(v);
    }

    /** The sharpness cadence, live: the run goes on and measures at the new cadence from its next step. */
    @SuppressWarnings("unchecked")
    protected final void commitSharpnessEvery(int every) {
        if (updating || every == draft.sharpnessEvery()) return;
        draft = (P) draft.withSharpnessEvery(every);
        onSharpnessEvery.accept(every);
    }

    /** Sets η live, as if the user had moved the slider (a pick on a diagram, an animated export's η ramp). */
    public abstract void applyEta(double v);

    /** A preset's title and text above the controls (null: none). */
    public void setPresetText(String heading, String text) {
        title.setText(heading == null ? "" : heading);
        description.setText(text == null ? "" : text);
    }

    public final void showMessage(String text) {
        message.setText(text == null ? "" : text);
        if (text != null) scrollIntoView(message);
    }

    /** Scrolls the side panel (a scroll pane around these controls) so that {@code node} is in view. */
    private void scrollIntoView(javafx.scene.Node node) {
        javafx.scene.Node n = getParent();
        while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) n = n.getParent();
        if (!(n instanceof javafx.scene.control.ScrollPane pane) || getHeight() <= 0) return;
        double y = node.getBoundsInParent().getMaxY();
        double viewport = pane.getViewportBounds().getHeight();
        if (getHeight() > viewport) pane.setVvalue(Math.max(0, Math.min(1, (y - viewport / 2) / (getHeight() - viewport))));
    }

    public final String message() { return message.getText(); }

    public final P draft() { return draft; }

    /** Drops an edit waiting out the quiet period (a window that is replaced must not restart the engine after). */
    public final void cancelPending() { debounce.stop(); }

    /** True while an edit waits out the quiet period: the engine's parameters are about to change. */
    public final boolean editing() { return debounce.getStatus() == Animation.Status.RUNNING; }

    public final void setOnEta(DoubleConsumer c) { onEta = c; }

    public final void setOnRestart(Consumer<P> c) { onRestart = c; }

    public final void setOnSharpnessEvery(IntConsumer c) { onSharpnessEvery = c; }
}
