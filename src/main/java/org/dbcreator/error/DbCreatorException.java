package org.dbcreator.error;

/**
 * The one failure type of the engine: a stable {@link ErrorCode}, a message that says what went
 * wrong, and the code's advice that says what to do about it.
 */
public class DbCreatorException extends RuntimeException {

    private final ErrorCode code;

    public DbCreatorException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public DbCreatorException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** What went wrong followed by what to do, as shown to the operator. */
    public String describe() {
        return getMessage() + " " + code.advice();
    }
}
