package org.eoslab.config;

/** Bad user input: names the field and says what is allowed. */
public final class InvalidParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidParameterException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() { return field; }
}
