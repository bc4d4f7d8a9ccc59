package org.eoslab.config;

/** Bad user input: names the field and says what is allowed, as data ({@link #field()}, {@link #problem()}). */
public final class InvalidParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String problem;

    public InvalidParameterException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() { return field; }

    /** What is wrong and what is allowed, without the field's name. */
    public String problem() { return problem; }

    /** The same problem under another name for the field (an option, a path in a file). */
    public InvalidParameterException renamed(String newField) {
        return new InvalidParameterException(newField, problem);
    }
}
