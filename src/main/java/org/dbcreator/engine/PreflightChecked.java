package org.dbcreator.engine;

import java.time.Instant;
import org.dbcreator.progress.ProgressEvent;

/** The pre-flight checks of the operation about to start (or refused, when one is red). */
public record PreflightChecked(PreflightReport report, Instant at) implements ProgressEvent.OperationEvent {

    public PreflightChecked(PreflightReport report) {
        this(report, Instant.now());
    }
}
