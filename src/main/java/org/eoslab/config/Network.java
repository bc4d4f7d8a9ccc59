package org.eoslab.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which network a preset is about: the deep linear network, or the ReLU network of paper section 4.2. */
public enum Network {
    DLN("dln"),
    MLP("mlp");

    private final String label;

    Network(String label) { this.label = label; }

    @JsonValue
    public String label() { return label; }

    @Override public String toString() { return label; }

    @JsonCreator
    static Network fromJson(String text) {
        return parse("network", text);
    }

    public static Network parse(String field, String text) {
        return Labels.parse(field, text, values(), Network::label);
    }
}
