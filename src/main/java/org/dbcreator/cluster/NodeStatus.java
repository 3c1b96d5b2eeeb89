package org.dbcreator.cluster;

import java.time.Duration;
import java.util.Optional;

/**
 * One product node as the registry shows it, judged against a cleanup's target release.
 *
 * @param release what the node reports running (as written; may not parse as a version)
 * @param heartbeatAge how long ago the node last reported, by the server's clock
 * @param verdict what this node means for the cleanup gate
 * @param reason why, in one sentence about this node (what it runs, and what would change the verdict)
 */
public record NodeStatus(String name, String release, String state, Duration heartbeatAge, Liveness liveness,
        Verdict verdict, String reason) {

    public enum Liveness {
        /** Says it is up (or in another state it reports) and is heartbeating. */
        LIVE,
        /** Has not said it stopped, but its heartbeat is older than the manifest's stale-after: crashed or cut off. */
        STALE,
        /** Stopped cleanly and said so. */
        DOWN
    }

    /**
     * The gate's judgement of one node. {@link #WAITING} resolves itself as the rollout goes on (a
     * wizard keeps polling); {@link #FAILED} and {@link #BLOCKED} need a person.
     */
    public enum Verdict {
        /** Live on the target release. */
        READY,
        /** Does not count: stopped cleanly, or gone and excluded by name, or gone while on the target. */
        IGNORED,
        /** Live on another release: a restart on the target is pending. */
        WAITING,
        /** Heartbeating but reporting a state other than up or down (an error): fix it or stop it. */
        FAILED,
        /** Gone without saying so on another release: it might come back; stop it for good or exclude it. */
        BLOCKED;

        public boolean blocksCleanup() {
            return this == WAITING || this == FAILED || this == BLOCKED;
        }
    }

    public boolean blocksCleanup() {
        return verdict.blocksCleanup();
    }

    /** The reason, when this node keeps the gate shut. */
    public Optional<String> blocker() {
        return blocksCleanup() ? Optional.of(reason) : Optional.empty();
    }
}
