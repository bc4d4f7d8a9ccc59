package org.eoslab.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Loss normalization. Every loss, gradient and Hessian is {@code scale(d)} times the paper's
 * eq. 1 quantities, so every theory formula just carries the factor c (math.md, "Loss normalization").
 */
public enum LossKind {
    /** ½‖P − M*‖_F², the paper's eq. 1: c = 1. */
    SUM("sum"),
    /** ‖P − M*‖_F² / d², PyTorch's MSELoss: c = 2/d². */
    MEAN("mean");

    private final String label;

    LossKind(String label) { this.label = label; }

    @JsonValue
    public String label() { return label; }

    @Override public String toString() { return label; }

    /** c such that loss = (c/2)‖P − M*‖_F². */
    public double scale(int width) {
        return this == SUM ? 1.0 : 2.0 / ((double) width * width);
    }

    @JsonCreator
    static LossKind fromJson(String text) {
        return parse("loss", text);
    }

    public static LossKind parse(String field, String text) {
        return Labels.parse(field, text, values(), LossKind::label);
    }
}
