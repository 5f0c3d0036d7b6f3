package org.mpjhpc.config;

/**
 * A mistake in what the user gave us (config, data, command line). It is reported as
 * one line, without a stack trace, and the job exits with {@link #EXIT_CODE}.
 */
public class UserError extends RuntimeException {
    /** Exit code of every run stopped by bad input. */
    public static final int EXIT_CODE = 2;

    /** @param message what is wrong and where, ready to print */
    public UserError(String message) {
        super(message);
    }
}
