package org.eoslab.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which dynamics to integrate. */
public enum EngineKind {
    /** Real GD on L dense d×d matrices (paper eq. 1-2). */
    DENSE("dense"),
    /** The Theorem-1 recursion: O(r·L) scalars per step, exact for the identity init. */
    REDUCED("reduced");

    private final String label;

    EngineKind(String label) { this.label = label; }

    @JsonValue
    public String label() { return label; }

    @Override public String toString() { return label; }

    @JsonCreator
    static EngineKind fromJson(String text) {
        return parse("engine", text);
    }

    public static EngineKind parse(String field, String text) {
        return Labels.parse(field, text, values(), EngineKind::label);
    }
}
