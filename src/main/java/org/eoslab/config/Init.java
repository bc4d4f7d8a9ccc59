package org.eoslab.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the L weight matrices start (paper eq. 3, appendix B). */
public enum Init {
    /** W_L = 0, W_ℓ = αI for ℓ &lt; L (paper eq. 3); the only init with exact singular-vector invariance. */
    IDENTITY("identity"),
    /** Every layer α·P_ℓ with a random orthogonal P_ℓ (paper Fig. 10). */
    ORTHOGONAL("orthogonal"),
    /** W_L = 0, W_ℓ = α·P_ℓ for ℓ &lt; L (paper eq. 10, Fig. 11-13). */
    ZERO_ORTHOGONAL("zero-orthogonal"),
    /** Every entry i.i.d. N(0, α²) (paper Fig. 14). */
    GAUSSIAN("gaussian");

    private final String label;

    Init(String label) { this.label = label; }

    @JsonValue
    public String label() { return label; }

    @Override public String toString() { return label; }

    @JsonCreator
    static Init fromJson(String text) {
        return parse("init", text);
    }

    public static Init parse(String field, String text) {
        return Labels.parse(field, text, values(), Init::label);
    }
}
