package org.eoslab.config;

/** The field checks every parameter record makes, with one wording for the message. */
public final class Checks {
    private Checks() {}

    static void inRange(String field, long value, long lo, long hi) {
        if (value < lo || value > hi) {
            throw new InvalidParameterException(field, value + " is outside the allowed range [" + lo + ", " + hi + "]");
        }
    }

    static void positiveFinite(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new InvalidParameterException(field, value + " must be positive and finite");
        }
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** Plain decimal or scientific notation only: no hexadecimal, type suffix, spaces, NaN or Infinity. */
    public static boolean plainNumber(String text) {
        return text != null && text.length() < 400 && PLAIN_NUMBER.matcher(text).matches();
    }
}
