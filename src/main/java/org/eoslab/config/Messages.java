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
        int shown = 0;
        for (int i = 0; i < raw.length() && shown < MAX; i++, shown++) {
            char c = raw.charAt(i);
            if (c == '\n') out.append("\\n");
            else if (c == '\t') out.append("\\t");
            else if (c == '\r') out.append("\\r");
            else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        if (raw.length() > MAX) out.append("…");
        return out.append('\'').toString();
    }

    /** Every control character of a message made visible (for text that is not raw input but may carry some). */
    public static String clean(String message) {
        if (message == null) return "";
        StringBuilder out = new StringBuilder();
        for (char c : message.toCharArray()) {
            if (c == '\n') out.append("\\n");
            else if (Character.isISOControl(c) && c != '\t') out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.toString();
    }
}
