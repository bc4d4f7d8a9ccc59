package org.eoslab.ui.mlp;

import java.util.Arrays;
import java.util.List;

/** The ReLU network's panels by name (paper §4.2, Figs. 1 and 9); {@link #key()} is the node id and picture name. */
public enum MlpPanel {
    LOSS("mlp-loss", "Loss (ReLU network)", "loss", true),
    SHARPNESS("mlp-sharpness", "Sharpness (ReLU network)", "λ_max(∇²f)", false),
    ACCURACY("mlp-accuracy", "Training accuracy", "accuracy", false),
    LAYER("mlp-layer", "Layer singular values: top 5, bottom 5", "σᵢ(W_ℓ)", false),
    DRIFT("mlp-drift", "Moved since step 0: top 5, bottom 5", "σᵢ(t) − σᵢ(0)", false),
    MOTION("mlp-motion", "Motion per step: top 5 vs bottom 5", "Σ |σᵢ(t) − σᵢ(t−1)|", true),
    DISTANCE("mlp-distance", "Subspace distance (eq. 8)", "K − ‖UₜᵀUₜ₊₁‖²", true);

    private final String key;
    private final String title;
    private final String axis;
    private final boolean logarithmic;

    MlpPanel(String key, String title, String axis, boolean logarithmic) {
        this.key = key;
        this.title = title;
        this.axis = axis;
        this.logarithmic = logarithmic;
    }

    public String key() { return key; }

    String title() { return title; }

    String axis() { return axis; }

    boolean logarithmic() { return logarithmic; }

    /** Every panel's key, in order. */
    public static List<String> keys() { return Arrays.stream(values()).map(MlpPanel::key).toList(); }
}
