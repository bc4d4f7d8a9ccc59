package org.eoslab.config;

import java.util.Locale;

/** Numbers as a reader sees them in labels and legends: a few significant digits, no trailing zeros. */
public final class Numbers {
    private Numbers() {}

    /** {@code v} to {@code digits} significant digits: 0.29629365… → "0.2963", 0.25 → "0.25", 1.5e-05 → "1.500e-05". */
    public static String significant(double v, int digits) {
        String s = String.format(Locale.ROOT, "%." + digits + "g", v);
        return s.contains("e") ? s : s.replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
