package org.dbcreator.cli;

import org.dbcreator.error.DbCreatorException;
import org.dbcreator.error.ErrorCode;

/**
 * Numeric options checked where they are read, before anything connects or changes: a value out of
 * range is the operator's slip (exit 40 with the allowed range), never a stack trace.
 */
final class OptionRanges {

    /** What backup, restore and the restore test accept (BackupRequest and RestoreRequest say the same). */
    static final int MAX_CONNECTIONS = 16;

    private OptionRanges() {}

    /** {@code --connections}: null (the default) or 1 to {@value #MAX_CONNECTIONS}. */
    static Integer connections(Integer value) {
        if (value != null && (value < 1 || value > MAX_CONNECTIONS)) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, "--connections must be between 1 and "
                    + MAX_CONNECTIONS + ", not " + value + ".");
        }
        return value;
    }

    /** A count that may be zero but never negative, e.g. {@code --sample-rows}. */
    static long notNegative(String option, long value, String zeroMeans) {
        if (value < 0) {
            throw new DbCreatorException(ErrorCode.INVALID_ARGUMENT, option + " must be 0 or more, not " + value
                    + "; give 0 for " + zeroMeans + ".");
        }
        return value;
    }
}
