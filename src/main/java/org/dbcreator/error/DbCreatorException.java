package org.dbcreator.error;

import java.util.List;

/**
 * The one failure type of the engine: a stable {@link ErrorCode}, a message that says what went
 * wrong, the code's advice that says what to do about it and, where the engine knows it, the
 * fix as data (any one of them helps), for the front end to render.
 */
public class DbCreatorException extends RuntimeException {

    private final ErrorCode code;
    private final List<Remedy> fix;

    public DbCreatorException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public DbCreatorException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.fix = List.of();
    }

    public DbCreatorException(ErrorCode code, String message, List<? extends Remedy> fix) {
        super(message);
        this.code = code;
        this.fix = List.copyOf(fix);
    }

    public ErrorCode code() {
        return code;
    }

    /** What the operator can do about it, as data; empty when the code's advice says all. */
    public List<Remedy> fix() {
        return fix;
    }

    /** What went wrong followed by what to do, as shown to the operator. */
    public String describe() {
        return getMessage() + " " + code.advice();
    }
}
