package org.eoslab.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A scenario file (presets/*.json): a title, a few sentences shown in the app, every engine parameter,
 * which panels to show and which view to open, and what the viewer should see ({@link Expectation}s, checked
 * by the tests). Versioned by {@code schema}.
 *
 * @param panels the training panels to show (empty: all)
 * @param view the tab to open (null: training)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"schema", "title", "description", "parameters", "panels", "view", "expect"})
public record Preset(int schema, String title, String description, Parameters parameters, List<Panel> panels,
                     View view, List<Expectation> expect) {
    public static final int SCHEMA = 1;

    public Preset {
        panels = panels == null ? List.of() : List.copyOf(panels);
        expect = expect == null ? List.of() : List.copyOf(expect);
    }

    public static Preset of(String title, String description, Parameters parameters) {
        return new Preset(SCHEMA, title, description, parameters, List.of(), null, List.of());
    }

    /** The view to open, the training view by default. */
    public View viewOrDefault() {
        return view == null ? View.TRAINING : view;
    }
}
