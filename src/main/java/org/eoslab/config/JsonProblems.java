package org.eoslab.config;

/**
 * Jackson's parse errors in a reader's words: a preset's author should not meet StreamReadConstraints, parser features
 * or Java type names. Each known problem gets a sentence that says what to write instead; an unknown one keeps only
 * its first clause, without feature names.
 */
final class JsonProblems {
    private JsonProblems() {}

    /** The plain sentence for Jackson's {@code original} message. */
    static String plain(String original) {
        String m = original == null ? "" : original;
        if (m.contains("ALLOW_COMMENTS")) return "comments (// or /* */) are not allowed in JSON";
        if (m.contains("NON_NUMERIC_NUMBERS") || m.contains("'NaN'") || m.contains("Infinity")) {
            return "NaN and Infinity are not JSON numbers; write a finite number";
        }
        if (m.contains("getMaxNumberLength") || m.contains("Number value length")) return "a number has too many digits (at most 1000)";
        if (m.contains("getMaxNestingDepth") || m.contains("nesting depth")) return "lists or objects are nested too deeply (at most 1000 levels)";
        if (m.contains("getMaxStringLength") || m.contains("String value length")) return "a text value is too long";
        if (m.contains("Leading zeroes")) return "a number starts with a zero (write 5 or 0.5, not 05)";
        if (m.contains("CTRL-CHAR")) return "a text value holds a raw control character (write a line break as \\n, a tab as \\t)";
        if (m.contains("ALLOW_SINGLE_QUOTES") || m.contains("(''' (code 39))")) return "text and field names need double quotes, not single ones";
        if (m.contains("double-quote to start field name")) return "a field name must be in double quotes (or a comma is one too many)";
        if (m.contains("ALLOW_TRAILING_COMMA") || m.contains("expected a value")) return "a value is missing (a comma before a closing bracket?)";
        if (m.contains("end-of-input")) return "the text ends before the JSON does (a closing } or ] is missing)";
        if (m.contains("Unrecognized token")) return "a word that is not JSON (text must be in double quotes; true, false and null are lower case)";
        if (m.contains("Unexpected character")) return "a character that does not belong here";
        String first = m.split("\n", 2)[0].replaceAll("\\s*\\(.*$", "").replaceAll("`[^`]*`", "").trim();
        return first.isEmpty() ? "the text is not valid JSON" : Messages.clean(first);
    }
}
