package org.eoslab.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parameters as one short line of text for the clipboard, and back:
 * {@code eoslab d=20 L=3 s=2,1.5,1 alpha=0.01 eta=0.3 init=identity loss=sum seed=1 steps=3000 K=5 top=5
 * engine=dense [symmetric] [target=FILE]}. Numbers print exactly ({@link Double#toString}).
 */
public final class ConfigText {
    public static final String PREFIX = "eoslab";

    private ConfigText() {}

    public static String format(Parameters p) {
        StringBuilder sb = new StringBuilder(PREFIX);
        sb.append(" d=").append(p.width()).append(" L=").append(p.depth());
        sb.append(" s=").append(Arrays.stream(p.singularValues()).mapToObj(Double::toString).collect(Collectors.joining(",")));
        sb.append(" alpha=").append(p.alpha()).append(" eta=").append(p.eta());
        sb.append(" init=").append(p.init()).append(" loss=").append(p.loss()).append(" seed=").append(p.seed());
        sb.append(" steps=").append(p.steps()).append(" K=").append(p.sharpnessEvery()).append(" top=").append(p.top());
        sb.append(" engine=").append(p.engine());
        if (p.symmetric()) sb.append(" symmetric");
        if (p.targetFile() != null) sb.append(" target=").append(p.targetFile());
        return sb.toString();
    }

    /** Parses text made by {@link #format}; missing keys keep the defaults. Throws naming the bad key. */
    public static Parameters parse(String text) {
        String[] tokens = text == null ? new String[0] : text.trim().split("\\s+");
        if (tokens.length == 0 || !tokens[0].equals(PREFIX)) {
            throw new InvalidParameterException("configuration", "text must start with '" + PREFIX + "' (copy it with Copy configuration)");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            String t = tokens[i];
            int eq = t.indexOf('=');
            String key = eq < 0 ? t : t.substring(0, eq);
            values.put(key, eq < 0 ? "true" : t.substring(eq + 1));
        }
        Parameters p = Parameters.defaults();
        for (Map.Entry<String, String> e : values.entrySet()) p = apply(p, e.getKey(), e.getValue());
        return p.validate();
    }

    private static Parameters apply(Parameters p, String key, String v) {
        try {
            return switch (key) {
                case "d" -> p.resizedTo(Integer.parseInt(v));
                case "L" -> p.withDepth(Integer.parseInt(v));
                case "s" -> p.withSpectrum(Arrays.stream(v.split(",")).mapToDouble(Double::parseDouble).toArray());
                case "alpha" -> p.withAlpha(Double.parseDouble(v));
                case "eta" -> p.withEta(Double.parseDouble(v));
                case "init" -> p.withInit(Init.parse("init", v));
                case "loss" -> p.withLoss(LossKind.parse("loss", v));
                case "seed" -> p.withSeed(Long.parseLong(v));
                case "steps" -> p.withSteps(Long.parseLong(v));
                case "K" -> p.withSharpnessEvery(Integer.parseInt(v));
                case "top" -> p.withTop(Integer.parseInt(v));
                case "engine" -> p.withEngine(EngineKind.parse("engine", v));
                case "symmetric" -> p.withSymmetric(Boolean.parseBoolean(v));
                case "target" -> p.withTargetFile(v);
                default -> throw new InvalidParameterException("configuration",
                        "unknown key '" + key + "'; known: d, L, s, alpha, eta, init, loss, seed, steps, K, top, engine, symmetric, target");
            };
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("configuration", String.format(Locale.ROOT, "%s=%s is not a number", key, v));
        }
    }
}
