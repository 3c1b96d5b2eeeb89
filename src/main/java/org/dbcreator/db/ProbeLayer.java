package org.dbcreator.db;

import java.time.Duration;
import java.util.Optional;
import org.dbcreator.error.ErrorCode;

/**
 * One layer of a connection probe and how it went. A layer below a failed one is
 * {@link Status#SKIPPED}: it could not be asked.
 *
 * @param detail what was found, in one sentence (the server's or driver's words where they help)
 * @param failure the error an operation would raise here, for a failed layer or a warning
 * @param fix what to do about a failed layer or a warning; empty otherwise
 * @param took how long the layer took, where it is a network step (connect, handshake, sign-in)
 */
public record ProbeLayer(Layer layer, Status status, String detail, Optional<ErrorCode> failure, String fix,
        Optional<Duration> took) {

    public enum Layer {
        REACHABLE,
        TLS,
        AUTHENTICATED,
        SERVER_RELEASE,
        DATABASE,
        PRIVILEGES
    }

    public enum Status {
        PASSED,
        /** Works, with a catch the operator should know (e.g. unencrypted; some operations not allowed). */
        WARNING,
        FAILED,
        /** Not asked, because a layer below failed. */
        SKIPPED
    }

    public static ProbeLayer passed(Layer layer, String detail, Optional<Duration> took) {
        return new ProbeLayer(layer, Status.PASSED, detail, Optional.empty(), "", took);
    }

    public static ProbeLayer warning(Layer layer, String detail, ErrorCode code, String fix) {
        return new ProbeLayer(layer, Status.WARNING, detail, Optional.of(code), fix, Optional.empty());
    }

    public static ProbeLayer failed(Layer layer, String detail, ErrorCode code, String fix, Optional<Duration> took) {
        return new ProbeLayer(layer, Status.FAILED, detail, Optional.of(code), fix, took);
    }

    public static ProbeLayer skipped(Layer layer, Layer because) {
        return new ProbeLayer(layer, Status.SKIPPED, "Not checked: " + because.name().toLowerCase().replace('_', ' ')
                + " failed.", Optional.empty(), "", Optional.empty());
    }

    public boolean isFailed() {
        return status == Status.FAILED;
    }
}
