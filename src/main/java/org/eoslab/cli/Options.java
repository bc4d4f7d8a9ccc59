package org.eoslab.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parsed {@code --name value}, {@code --name=value} and {@code --flag} options, checked against specs. */
final class Options {
    private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("[+-]?\\d+");

    /** One accepted option; {@code valueHint} null means a flag without value. */
    record Spec(String name, String valueHint, String help) {
        boolean flag() { return valueHint == null; }
    }

    /** --help, the same for every command. */
    static final Spec HELP = new Spec("help", null, "show this help");
    /** --out DIR, for the commands that write a folder. */
    static final Spec OUT_DIR = new Spec("out", "DIR", "output folder (created if missing)");
    /** --central-flow, for {@code run} of either network (the ReLU network's: 'paper' only). */
    static final Spec CENTRAL_FLOW = new Spec("central-flow", "paper|cycle", "also integrate the central"
            + " flow from the same initial weights into central-flow.csv: the paper's (S held at 2/η) or the one held at"
            + " GD's 2-cycle condition (with the fourth derivative along u; far closer to GD's averages; the linear network only)");

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(String command, List<Spec> specs, String[] args, int from) {
        Map<String, Spec> byName = new LinkedHashMap<>();
        for (Spec s : specs) byName.put(s.name(), s);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'; options start with -- (see 'eos-lab "
                        + command + " --help')");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Spec spec = byName.get(name);
            if (spec == null) {
                throw new UsageException("unknown option --" + name + " (see 'eos-lab " + command + " --help')");
            }
            if (spec.flag()) {
                if (value != null) throw new UsageException("--" + name + " takes no value");
                value = "true";
            } else if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {      // "--width --out D": no value
                    throw new UsageException("--" + name + " needs a value: --" + name + " " + spec.valueHint());
                }
                value = args[++i];
            }
            if (values.put(name, value) != null) {
                throw new UsageException("--" + name + " is given twice");
            }
        }
        return new Options(values);
    }

    boolean has(String name) { return values.containsKey(name); }

    String get(String name) { return values.get(name); }

    /** A folder or file option: refused when empty (an empty path would mean the working directory). */
    java.nio.file.Path getPath(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) throw new UsageException("--" + name + ": the path is empty");
        try {
            return org.eoslab.config.InputFiles.path("--" + name, v);
        } catch (org.eoslab.config.InvalidParameterException e) {
            throw new UsageException(e.getMessage());
        }
    }

    int getInt(String name) {
        String v = values.get(name);
        try {
            if (!INTEGER.matcher(v).matches()) throw new NumberFormatException(v);
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": '" + v + "' is not an integer");
        }
    }

    long getLong(String name) {
        String v = values.get(name);
        try {
            if (!INTEGER.matcher(v).matches()) throw new NumberFormatException(v);
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": '" + v + "' is not an integer");
        }
    }

    double getDouble(String name) {
        return parseDouble(name, values.get(name));
    }

    double[] getDoubles(String name) {
        String[] parts = values.get(name).split(",", -1);                   // "2,1," has an empty third value
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = parseDouble(name, parts[i]);
        return out;
    }

    /** Sizes or depths in one list (each measured for seconds, so a longer list is a typo, not a plan). */
    static final int MAX_LIST = 12;

    /** A comma-separated list of whole numbers in [least, 1000], at most {@link #MAX_LIST} of them. */
    int[] getInts(String name, String fallback, int least, String why) {
        String text = has(name) ? get(name) : fallback;
        int[] v;
        try {
            v = java.util.Arrays.stream(text.split(",", -1)).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
            for (int x : v) if (x < least || x > 1000) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": " + org.eoslab.config.Messages.quote(text) + " must be integers in ["
                    + least + ", 1000] separated by commas" + why);
        }
        if (v.length > MAX_LIST) throw new UsageException("--" + name + ": " + v.length + " values; at most " + MAX_LIST + " are measured in one bench");
        return v;
    }

    private static double parseDouble(String name, String v) {
        if (!org.eoslab.config.Checks.plainNumber(v)) {
            throw new UsageException("--" + name + ": " + (v.isEmpty() ? "an empty value where a number belongs"
                    : org.eoslab.config.Messages.quote(v) + " is not a number") + " (write numbers as 0.25 or 2.5e-1)");
        }
        return Double.parseDouble(v);                             // a plain number always parses
    }

    static String usage(List<Spec> specs) {
        StringBuilder sb = new StringBuilder();
        for (Spec s : specs) {
            String left = "  --" + s.name() + (s.flag() ? "" : " " + s.valueHint());
            sb.append(String.format("%-30s %s%n", left, s.help()));
        }
        return sb.toString();
    }
}
