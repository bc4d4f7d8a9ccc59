package org.eoslab.cli;

/** Bad command-line input: the message names the option and what is allowed. Exit code 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) { super(message); }
}
