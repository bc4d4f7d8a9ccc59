package org.eoslab.config;

/**
 * Raw input echoed in a message, made safe to print: quoted, at most {@link #MAX} characters, and with every control
 * character (a newline, a terminal escape code) written as an escape ({@code \n}, {@code \u001b}) so a message never
 * moves the cursor, clears the screen or forges a second line.
 */
public final class Messages {
    static final int MAX = 80;

    private Messages() {}

    /** {@code 'text'}, escaped and shortened. */
    public static String quote(String raw) {
        if (raw == null) return "(none)";
        StringBuilder out = new StringBuilder("'");
        escape(raw.length() > MAX ? raw.substring(0, MAX) : raw, true, out);
        if (raw.length() > MAX) out.append("…");
        return out.append('\'').toString();
    }

    /** Every control character of a message made visible (for text that is not raw input but may carry some). */
    public static String clean(String message) {
        if (message == null) return "";
        StringBuilder out = new StringBuilder();
        escape(message, false, out);
        return out.toString();
    }

    /**
     * Appends {@code text} with a newline as {@code \n} and every other control character as a Unicode escape
     * (backslash, u, four hex digits); raw input ({@code strict}) also shows tabs, carriage returns and the Unicode
     * line separators.
     */
    private static void escape(String text, boolean strict, StringBuilder out) {
        for (char c : text.toCharArray()) {
            if (c == '\n') out.append("\\n");
            else if (strict && c == '\t') out.append("\\t");
            else if (strict && c == '\r') out.append("\\r");
            else if (strict && (c == '\u2028' || c == '\u2029')) out.append(String.format("\\u%04x", (int) c));
            else if (Character.isISOControl(c) && c != '\t') out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
    }
}
