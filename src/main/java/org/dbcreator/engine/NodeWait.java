package org.dbcreator.engine;

import java.time.Duration;
import java.time.Instant;
import org.dbcreator.cluster.GateReport;
import org.dbcreator.progress.ProgressEvent;

/**
 * A cleanup asked to wait for the nodes found the gate still shut; it reads the registry again
 * shortly.
 *
 * @param gate the registry as just read: {@link GateReport#blockers()} are the nodes waited for
 * @param waited since the wait began
 * @param patience how long the wait may last in all
 */
public record NodeWait(GateReport gate, Duration waited, Duration patience, Instant at)
        implements ProgressEvent.OperationEvent {

    public NodeWait(GateReport gate, Duration waited, Duration patience) {
        this(gate, waited, patience, Instant.now());
    }
}
