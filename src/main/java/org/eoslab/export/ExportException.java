package org.eoslab.export;

/** A write that could not be done; the message says which file or folder and why. */
public final class ExportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExportException(String message) { super(message); }

    public ExportException(String message, Throwable cause) { super(message, cause); }
}
