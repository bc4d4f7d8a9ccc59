package org.eoslab.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The app's views (tabs), by the names presets use for them. */
public enum View {
    TRAINING("training"),
    ORBIT("orbit"),
    BIFURCATION("bifurcation"),
    /** A mode's phase plane and balancedness, paper Fig. 4. */
    BALANCE("balance"),
    /** The loss along the top Hessian eigenvector and over a plane, with the iterates on it (issue 26). */
    LANDSCAPE("landscape"),
    /** The same for the ReLU network (issue 26), a forward pass per point. */
    MLP_LANDSCAPE("mlp-landscape"),
    /** The ReLU network swept over η and seeds, a full run per cell (issue 27). */
    MLP_SWEEP("mlp-sweep"),
    /** The attractor over (η, a second parameter). */
    MAP("map"),
    /** The ReLU network of paper section 4.2. */
    MLP("mlp"),
    /** The ReLU network beside the linear one, paper Fig. 1. */
    FIG1("fig1");

    private final String label;

    View(String label) { this.label = label; }

    @JsonValue
    public String label() { return label; }

    @Override public String toString() { return label; }

    @JsonCreator
    static View fromJson(String text) {
        return parse("view", text);
    }

    /**
     * The networks this view draws: the ReLU network's own tabs, both side by side (its row first), every other
     * view the deep linear network.
     */
    public java.util.List<Network> networks() {
        return switch (this) {
            case MLP, MLP_LANDSCAPE, MLP_SWEEP -> java.util.List.of(Network.MLP);
            case FIG1 -> java.util.List.of(Network.MLP, Network.DLN);
            default -> java.util.List.of(Network.DLN);
        };
    }

    /** The view of this name; anything else is refused naming {@code field} and the names. */
    public static View parse(String field, String text) {
        return Labels.parse(field, text, values(), View::label);
    }
}
