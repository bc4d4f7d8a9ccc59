package org.eoslab.config;

import java.util.Locale;

/**
 * One parameter of a run, described once: its key in presets and sessions, its command-line option, its label in the
 * window, its allowed range and unit, and whether a change applies live or starts the run over. Validation, the
 * options and their help, the controls' labels and every message about a bad value are made from it.
 *
 * @param key the JSON key (and the record component it checks)
 * @param option the command-line option, without "--"
 * @param hint the option's value in the help ("d", "E")
 * @param label the name in the window and in its messages ("width d")
 * @param min smallest allowed value ({@code exclusiveMin}: the bound itself is refused)
 * @param max largest allowed value (a bound that depends on another field is passed to {@link #check(long, long)})
 * @param unit what the value counts, for the help ("steps", "" for none)
 * @param live whether a change applies to the running run (η, the sharpness cadence, the run length)
 */
public record Field(String key, String option, String hint, String label, double min, boolean exclusiveMin, double max,
                    String unit, boolean live) {

    /** A whole number in [min, max]. */
    static Field count(String key, String option, String hint, String label, long min, long max, String unit, boolean live) {
        return new Field(key, option, hint, label, min, false, max, unit, live);
    }

    /** A real number that must be positive and finite. */
    static Field positive(String key, String option, String hint, String label, boolean live) {
        return new Field(key, option, hint, label, 0, true, Double.POSITIVE_INFINITY, "", live);
    }

    /** A whole number (a count, a size, a seed), not a real one. */
    public boolean whole() { return !exclusiveMin; }

    /** The allowed values in words: "1..1000", "> 0", "0..∞", "any whole number". */
    public String range() {
        if (exclusiveMin && max == Double.POSITIVE_INFINITY) return "> " + number(min);
        if (min <= Integer.MIN_VALUE) return "any whole number";
        return number(min) + ".." + (max >= Integer.MAX_VALUE ? "∞" : number(max));
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%g", v);
    }

    /** The option's help line: its label, range and unit. */
    public String help() {
        return label + ", " + range() + (unit.isEmpty() ? "" : " " + unit);
    }

    /** Whether a real value is in the range (finite: an unbounded field still refuses ∞ and NaN). */
    public boolean allows(double v) {
        return Double.isFinite(v) && (exclusiveMin ? v > min : v >= min) && v <= max;
    }

    /** Refuses a real value outside the range, naming this field (every real field is positive and finite). */
    public double check(double v) {
        Checks.positiveFinite(key, v);
        if (!allows(v)) throw new InvalidParameterException(key, v + " is outside the allowed range " + range());
        return v;
    }

    /** Refuses a whole number outside [min, max], naming this field. */
    public long check(long v) {
        return check(v, (long) Math.min(max, Long.MAX_VALUE));
    }

    /** Refuses a whole number outside [min, {@code upper}] (a bound set by another field, e.g. r ≤ d). */
    public long check(long v, long upper) {
        Checks.inRange(key, v, (long) min, upper);
        return v;
    }
}
