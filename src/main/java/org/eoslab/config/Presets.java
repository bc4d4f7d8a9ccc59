package org.eoslab.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and writes presets. A preset's {@code parameters} may list only the fields it changes; the rest
 * come from {@link Parameters#defaults()}. Every problem (bad JSON, unknown field, wrong type, value out
 * of range) becomes an {@link InvalidParameterException} naming the file and the field.
 */
public final class Presets {
    private static final ObjectMapper JSON = strict(new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(SerializationFeature.INDENT_OUTPUT));

    /**
     * No silent coercions: "steps": 1.5 is not 1, "eta": "0.3" is not 0.3, a string is not a base64-encoded
     * number array, and a key given twice is an error, not "the last one wins".
     */
    private static ObjectMapper strict(ObjectMapper m) {
        m.getFactory().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        for (var type : new com.fasterxml.jackson.databind.type.LogicalType[] {
                com.fasterxml.jackson.databind.type.LogicalType.Integer, com.fasterxml.jackson.databind.type.LogicalType.Float,
                com.fasterxml.jackson.databind.type.LogicalType.Boolean, com.fasterxml.jackson.databind.type.LogicalType.Array,
                com.fasterxml.jackson.databind.type.LogicalType.Collection}) {
            m.coercionConfigFor(type)
                    .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.String, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                    .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.EmptyString, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        }
        m.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Integer)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        m.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Boolean)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        for (var shape : new com.fasterxml.jackson.databind.cfg.CoercionInputShape[] {
                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer, com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean}) {
            m.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                    .setCoercion(shape, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        }
        return m;
    }

    private Presets() {}

    public static ObjectMapper json() {
        return JSON;
    }

    /** A preset is a page of text; this is far more than any needs. */
    static final long MAX_PRESET_BYTES = 1L << 20;

    public static Preset load(Path file) {
        String text = InputFiles.text("preset", file, MAX_PRESET_BYTES);
        return resolveFiles(parse(text, file.toString()), file);
    }

    /**
     * A relative {@code targetFile} names a file next to the preset (or session), not in the working directory,
     * so a preset folder can be moved and shared.
     */
    public static Preset resolveFiles(Preset preset, Path file) {
        return preset.withParameters(resolveFiles(preset.parameters(), file));
    }

    public static Parameters resolveFiles(Parameters p, Path file) {
        if (p.targetFile() == null) return p;
        Path target = InputFiles.path("targetFile", p.targetFile());
        if (target.isAbsolute()) return p;
        Path dir = file.toAbsolutePath().getParent();
        return p.withTargetFile(dir.resolve(target).normalize().toString());
    }

    /** Parses preset JSON; {@code source} names it in messages. */
    public static Preset parse(String text, String source) {
        try {
            refuseDuplicateFields(text, source);
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
            if (overrides != null) {
                JsonNode spectrum = overrides.get("singularValues");
                if (spectrum != null && !spectrum.isArray() && !spectrum.isNull()) {          // Jackson would read a
                    throw new InvalidParameterException("preset " + source + ": parameters.singularValues",   // string as base64
                            "must be a list of numbers");
                }
                mergeParameters(parameters, (ObjectNode) overrides);
            }
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
                            + e.getLocation().getColumnNr() + ": " + JsonProblems.plain(e.getOriginalMessage()));
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
            throw new InvalidParameterException("preset " + source, "not valid JSON: " + JsonProblems.plain(e.getOriginalMessage()));
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

    /**
     * Refuses a field given twice in one object (the second would silently win), naming it and its line. Read token
     * by token, so the check does not depend on a parser's wording; text that is not JSON is left to the parser.
     */
    private static void refuseDuplicateFields(String text, String source) {
        try (JsonParser p = new JsonFactory().createParser(text)) {
            Deque<Set<String>> open = new ArrayDeque<>();
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                if (t == JsonToken.START_OBJECT) open.push(new HashSet<>());
                else if (t == JsonToken.END_OBJECT) open.pop();
                else if (t == JsonToken.FIELD_NAME && !open.peek().add(p.currentName())) {
                    throw new InvalidParameterException("preset " + source, "field '" + p.currentName()
                            + "' is given twice (line " + p.currentLocation().getLineNr() + ")");
                }
            }
        } catch (IOException e) {
            // not JSON (a JsonParseException): readTree says where
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** "field: problem" for a JSON binding error, in the reader's words (sessions use it too). */
    public static String explain(JsonMappingException e) {
        String where = path(e);
        return (where.isEmpty() ? "" : where + ": ") + describe(e);
    }

    /** What was wrong, in the reader's words rather than Jackson's. */
    private static String describe(JsonMappingException e) {
        InvalidParameterException cause = invalidCause(e);
        if (cause != null) return cause.problem();
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi && mi.getTargetType() != null) {
            Class<?> t = mi.getTargetType();
            if (e.getProcessor() instanceof JsonParser p && p.currentToken() == JsonToken.VALUE_NULL) return "must not be null";
            if (t == int.class || t == long.class || t == Integer.class || t == Long.class) return "must be a whole number";
            if (t == double.class || t == Double.class) return "must be a number (not a string)";
            if (t == boolean.class || t == Boolean.class) return "must be true or false";
            if (t.isArray() || java.util.Collection.class.isAssignableFrom(t)) return "must be a list";
            if (t.isEnum()) return "must be one of its names (see the docs)";
            if (t == String.class) return "must be a string";
        }
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Duplicate field")) return "given twice";
        return JsonProblems.plain(message);
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
