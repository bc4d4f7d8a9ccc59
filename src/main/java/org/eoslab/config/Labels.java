package org.eoslab.config;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parses the lower-case labels of the option enums, with a message listing the allowed ones. */
public final class Labels {
    private Labels() {}

    static <E> E parse(String field, String text, E[] values, Function<E, String> label) {
        for (E value : values) {
            if (label.apply(value).equalsIgnoreCase(text == null ? "" : text)) {
                return value;
            }
        }
        String allowed = Arrays.stream(values).map(label).collect(Collectors.joining(", "));
        throw new InvalidParameterException(field, "'" + text + "' is not one of: " + allowed);
    }

    /** "₁₂" for 12: mode, layer and period indices as subscripts. */
    public static String subscript(int n) {
        StringBuilder sb = new StringBuilder();
        for (char ch : Integer.toString(n).toCharArray()) sb.append((char) ('₀' + (ch - '0')));
        return sb.toString();
    }
}
