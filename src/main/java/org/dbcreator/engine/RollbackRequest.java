package org.dbcreator.engine;

import java.util.Optional;
import java.util.Set;
import org.dbcreator.catalog.Version;

/**
 * What the operator asked of a rollback.
 *
 * @param target the release to return to; default: the release the expand started from (an
 *     interrupted rollback goes on to its own target)
 * @param excludedNodes stale nodes of a newer release the operator declares gone for good, by name
 * @param exclusionConfirmed the operator confirms the exclusions (they are recorded with who and when)
 * @param acceptDataLoss the operator read what the rollback drops of the data only the newer release
 *     wrote ({@link DroppedData}) and accepts its loss (recorded with who, what and how many rows)
 */
public record RollbackRequest(Optional<Version> target, boolean dryRun, Set<String> excludedNodes,
        boolean exclusionConfirmed, boolean acceptDataLoss) {

    public RollbackRequest {
        excludedNodes = Set.copyOf(excludedNodes);
    }

    /** Not accepting the loss of data only the newer release wrote. */
    public RollbackRequest(Optional<Version> target, boolean dryRun, Set<String> excludedNodes,
            boolean exclusionConfirmed) {
        this(target, dryRun, excludedNodes, exclusionConfirmed, false);
    }

    /** The same request, accepting the loss of what it drops of the newer release's data. */
    public RollbackRequest acceptingDataLoss() {
        return new RollbackRequest(target, dryRun, excludedNodes, exclusionConfirmed, true);
    }

    /** Back to the release the expand started from, no nodes excluded. */
    public static RollbackRequest toOldRelease() {
        return new RollbackRequest(Optional.empty(), false, Set.of(), false);
    }

    public static RollbackRequest preview() {
        return new RollbackRequest(Optional.empty(), true, Set.of(), false);
    }
}
