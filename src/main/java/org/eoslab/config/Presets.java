package org.eoslab.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Collectors;

/**
 * Reads and writes presets. A preset's {@code parameters} may list only the fields it changes; the rest
 * come from {@link Parameters#defaults()}. Every problem (bad JSON, unknown field, wrong type, value out
 * of range) becomes an {@link InvalidParameterException} naming the file and the field.
 */
public final class Presets {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Presets() {}

    public static ObjectMapper json() {
        return JSON;
    }

    public static Preset load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidParameterException("preset", "file " + file + " does not exist");
        } catch (IOException e) {
            throw new InvalidParameterException("preset", "cannot read " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses preset JSON; {@code source} names it in messages. */
    public static Preset parse(String text, String source) {
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !root.isObject()) {
                throw new InvalidParameterException("preset " + source, "must be a JSON object");
            }
            ObjectNode merged = ((ObjectNode) root).deepCopy();
            JsonNode schema = merged.get("schema");
            if (schema == null || !schema.canConvertToInt() || schema.asInt() != Preset.SCHEMA) {
                throw new InvalidParameterException("preset " + source + ": schema",
                        (schema == null ? "missing" : schema.toString()) + "; this version of EOS Lab reads schema " + Preset.SCHEMA);
            }
            JsonNode overrides = merged.get("parameters");
            if (overrides != null && !overrides.isObject()) {
                throw new InvalidParameterException("preset " + source + ": parameters", "must be a JSON object");
            }
            ObjectNode parameters = JSON.valueToTree(Parameters.defaults());
            if (overrides != null) mergeParameters(parameters, (ObjectNode) overrides);
            merged.set("parameters", parameters);
            mergeMlp(merged, source);
            Preset preset = JSON.treeToValue(merged, Preset.class);
            validateNetworks(preset, source);
            if (preset.title() == null || preset.title().isBlank()) {
                throw new InvalidParameterException("preset " + source + ": title", "missing; every preset needs a title");
            }
            return preset;
        } catch (InvalidParameterException e) {
            throw e;
        } catch (JsonParseException e) {
            throw new InvalidParameterException("preset " + source,
                    "not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new InvalidParameterException("preset " + source + ": " + path(e),
                    "unknown field; the allowed fields are: " + known);
        } catch (JsonMappingException e) {
            InvalidParameterException cause = invalidCause(e);
            if (cause != null && (path(e).isEmpty() || cause.field().equals("panels") || cause.field().equals("view"))) {
                throw new InvalidParameterException("preset " + source + ": " + cause.field(),
                        cause.problem());
            }
            throw new InvalidParameterException("preset " + source + ": " + path(e), describe(e));
        } catch (JsonProcessingException e) {
            throw new InvalidParameterException("preset " + source, e.getOriginalMessage());
        }
    }

    /** The ReLU network's fields, if the preset has any, over the network's defaults. */
    private static void mergeMlp(ObjectNode merged, String source) {
        JsonNode mlp = merged.get("mlp");
        if (mlp == null) return;
        if (!mlp.isObject()) throw new InvalidParameterException("preset " + source + ": mlp", "must be a JSON object");
        ObjectNode mlpMerged = JSON.valueToTree(MlpParameters.defaults());
        mlp.fields().forEachRemaining(f -> mlpMerged.set(f.getKey(), f.getValue()));
        merged.set("mlp", mlpMerged);
    }

    /** Both networks' parameters in range, a bad field named with its path in the file. */
    private static void validateNetworks(Preset preset, String source) {
        try {
            preset.parameters().validate();
        } catch (InvalidParameterException e) {
            throw e.renamed("preset " + source + ": parameters." + e.field());
        }
        try {
            if (preset.mlp() != null) preset.mlp().validate();
        } catch (InvalidParameterException e) {
            throw e.renamed("preset " + source + ": mlp." + e.field());
        }
    }

    /** A missing or null spectrum means "derive from rank"; everything else overrides the default. */
    private static void mergeParameters(ObjectNode base, ObjectNode overrides) {
        Iterator<String> names = overrides.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            base.set(name, overrides.get(name));
        }
        if (overrides.has("rank") && !overrides.has("singularValues")) {
            base.remove("singularValues");
            base.putNull("singularValues");
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(JsonMappingException e) {
        InvalidParameterException cause = invalidCause(e);
        return cause != null ? cause.problem() : e.getOriginalMessage();
    }

    private static InvalidParameterException invalidCause(Throwable e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof InvalidParameterException ipe) return ipe;
        }
        return null;
    }

    public static String toJson(Preset preset) {
        try {
            return JSON.writeValueAsString(preset) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize preset", e);
        }
    }
}
