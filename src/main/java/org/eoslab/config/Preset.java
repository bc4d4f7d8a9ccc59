package org.eoslab.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A scenario file (presets/*.json): a title, a few sentences shown in the app, every engine parameter,
 * which panels to show and which view to open, and what the viewer should see ({@link Expectation}s, checked
 * by the tests). Versioned by {@code schema}.
 *
 * @param panels keys of the training panels to show (empty: all)
 * @param view "training", "orbit", "bifurcation", "mlp" (the ReLU network) or "fig1" (side by side): the tab to
 *             open (null: training)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"schema", "title", "description", "parameters", "panels", "view", "expect"})
public record Preset(int schema, String title, String description, Parameters parameters, List<String> panels,
                     String view, List<Expectation> expect) {
    public static final int SCHEMA = 1;
    public static final List<String> VIEWS = List.of("training", "orbit", "bifurcation", "mlp", "fig1");
    public static final List<String> PANELS = List.of("loss", "sharpness", "product", "layers", "alignment", "balance");

    public Preset {
        panels = panels == null ? List.of() : List.copyOf(panels);
        expect = expect == null ? List.of() : List.copyOf(expect);
        for (String panel : panels) {
            if (!PANELS.contains(panel)) {
                throw new InvalidParameterException("panels", "'" + panel + "' is not one of " + String.join(", ", PANELS));
            }
        }
        if (view != null && !VIEWS.contains(view)) {
            throw new InvalidParameterException("view", "'" + view + "' is not one of " + String.join(", ", VIEWS));
        }
    }

    public static Preset of(String title, String description, Parameters parameters) {
        return new Preset(SCHEMA, title, description, parameters, List.of(), null, List.of());
    }

    public Preset withParameters(Parameters p) {
        return new Preset(schema, title, description, p, panels, view, expect);
    }

    /** The view to open, "training" by default. */
    public String viewOrDefault() {
        return view == null ? "training" : view;
    }
}
