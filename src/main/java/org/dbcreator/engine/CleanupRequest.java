package org.dbcreator.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What the operator asked of a cleanup.
 *
 * @param confirmed the operator says every node runs the target release; needed only when the
 *     product has no node registry to check that
 * @param excludedNodes stale nodes the operator declares gone for good, by name
 * @param exclusionConfirmed the operator confirms the exclusions (they are recorded with who and when)
 * @param waitForNodes how long to wait for the node gate to open, if at all
 */
public record CleanupRequest(boolean confirmed, boolean dryRun, Set<String> excludedNodes, boolean exclusionConfirmed,
        Optional<Duration> waitForNodes) {

    public CleanupRequest {
        excludedNodes = Set.copyOf(excludedNodes);
    }

    /** A cleanup the operator vouches for, with no nodes excluded and no waiting. */
    public static CleanupRequest withConfirmation() {
        return new CleanupRequest(true, false, Set.of(), false, Optional.empty());
    }

    public static CleanupRequest preview() {
        return new CleanupRequest(false, true, Set.of(), false, Optional.empty());
    }
}
