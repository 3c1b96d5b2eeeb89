package org.dbcreator.engine;

import java.util.Optional;
import org.dbcreator.error.ErrorCode;

/**
 * One pre-flight check, as the wizard's status page and the command line show it: a light, the
 * reason, and what to do about anything but green. A red check refuses to start the operation.
 *
 * @param failure the error an operation raises when this check is red
 */
public record PreflightCheck(String name, Level level, String reason, String fix, Optional<ErrorCode> failure) {

    public enum Level {
        GREEN,
        AMBER,
        RED
    }

    static PreflightCheck green(String name, String reason) {
        return new PreflightCheck(name, Level.GREEN, reason, "", Optional.empty());
    }

    static PreflightCheck amber(String name, String reason, String fix) {
        return new PreflightCheck(name, Level.AMBER, reason, fix, Optional.empty());
    }

    static PreflightCheck red(String name, String reason, String fix, ErrorCode failure) {
        return new PreflightCheck(name, Level.RED, reason, fix, Optional.of(failure));
    }
}
