package org.dbcreator.cluster;

import java.time.Duration;
import java.util.Optional;

/**
 * One product node as the registry shows it, judged against a cleanup's target release.
 *
 * @param release what the node reports running (as written; may not parse as a version)
 * @param heartbeatAge how long ago the node last reported, by the server's clock
 * @param blocker why this node keeps the cleanup gate shut, if it does
 */
public record NodeStatus(String name, String release, String state, Duration heartbeatAge, Liveness liveness,
        Optional<String> blocker) {

    public enum Liveness {
        /** Up and heartbeating. */
        LIVE,
        /** Says it is up, but its heartbeat is older than the manifest's stale-after: crashed or cut off. */
        STALE,
        /** Stopped cleanly and said so. */
        DOWN
    }

    public boolean blocksCleanup() {
        return blocker.isPresent();
    }
}
