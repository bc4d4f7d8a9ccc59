package org.eoslab.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A scenario file (presets/*.json): a title, a few sentences shown in the app, every engine parameter,
 * and which panels to show. Versioned by {@code schema}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"schema", "title", "description", "parameters", "panels"})
public record Preset(int schema, String title, String description, Parameters parameters, List<String> panels) {
    public static final int SCHEMA = 1;

    public Preset {
        panels = panels == null ? List.of() : List.copyOf(panels);
    }

    public static Preset of(String title, String description, Parameters parameters) {
        return new Preset(SCHEMA, title, description, parameters, List.of());
    }

    public Preset withParameters(Parameters p) {
        return new Preset(schema, title, description, p, panels);
    }
}
