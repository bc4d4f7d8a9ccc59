package org.eoslab.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The training view's panels, by the names presets use for them. */
public enum Panel {
    LOSS("loss"),
    SHARPNESS("sharpness"),
    /** Singular values of the product P = W_L⋯W_1. */
    PRODUCT("product"),
    /** Singular values of one layer. */
    LAYERS("layers"),
    /** Singular-vector alignment and motion. */
    ALIGNMENT("alignment"),
    /** Balancedness (paper Fig. 4). */
    BALANCE("balance"),
    /** Each layer's distance from the bases of Theorem 1 / Conjecture 2 (paper Fig. 11). */
    BASES("bases"),
    /** The Hessian trace (paper appendix D). */
    TRACE("trace");

    private final String label;

    Panel(String label) { this.label = label; }

    @JsonValue
    public String label() { return label; }

    @Override public String toString() { return label; }

    @JsonCreator
    static Panel fromJson(String text) {
        return Labels.parse("panels", text, values(), Panel::label);
    }
}
